"""Terminal chat on the same engine: type text, or a button's number to press it."""
import asyncio
import sys
from pathlib import Path
from typing import Callable, TextIO

from dialogs.engine import START, Engine
from dialogs.turn import Turn
from i18n import Texts
from services.outgoing import Choice, Rendered
from store.files import FileStore

CHANNEL = "terminal"


async def show(messages: list[Rendered], files: FileStore, downloads: Path, out: TextIO) -> list[Choice]:
    """Print messages; files are saved under downloads and shown by name and path; returns the last buttons."""
    buttons: list[Choice] = []
    for m in messages:
        if m.text:
            print(f"\nbot> {m.text}", file=out)
        if m.buttons:
            buttons = m.buttons
            for i, b in enumerate(m.buttons, 1):
                print(f"   [{i}] {b.title}" + (f": {b.url}" if b.url else ""), file=out)  # a link: open it
        if m.file:
            stored = await files.get(m.file.token)
            if stored is not None:
                downloads.mkdir(parents=True, exist_ok=True)
                path = downloads / Path(stored.name).name  # the name is ours, but never trust a path in it
                path.write_bytes(stored.content)
                print(f"   (fil: {stored.name} → {path})", file=out)
    return buttons


def choose(line: str, buttons: list[Choice], texts: Texts) -> tuple[str | None, str | None]:
    """(text to send, or None) and (a note for the person, or None): a number presses a button."""
    choice = line.strip()
    if not choice.isdigit():
        return line, None
    if 1 <= int(choice) <= len(buttons):
        pressed = buttons[int(choice) - 1]
        return (None, pressed.url) if pressed.url else (pressed.payload, None)  # a link is opened, not sent
    if buttons:
        return None, texts.get("terminal.not_a_button", number=int(choice), count=len(buttons))
    return line, None


async def chat(engine: Engine, files: FileStore, texts: Texts, downloads: Path, sender: str = "terminal",
               read: Callable[[str], str] = input, out: TextIO = sys.stdout) -> None:
    """Read lines until EOF; a number picks a button from the last message."""
    buttons = await show(await engine.handle(Turn(CHANNEL, sender, START)), files, downloads, out)
    while True:
        try:
            line = await asyncio.to_thread(read, "\ndig> ")
        except EOFError:
            print(file=out)
            return
        text, note = choose(line, buttons, texts)
        if note:
            print(note, file=out)
            continue
        assert text is not None
        buttons = await show(await engine.handle(Turn(CHANNEL, sender, text)), files, downloads, out) or buttons
