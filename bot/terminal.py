"""Terminal chat on the same engine: type text, or a button's number to press it."""
import asyncio
import sys

from dialogs.engine import START, Engine
from dialogs.turn import Button, Reply, Turn


def show(replies: list[Reply]) -> list[Button]:
    """Print replies; return the buttons of the last message that had any (numbered from 1)."""
    buttons: list[Button] = []
    for r in replies:
        if r.text:
            print(f"\nbot> {r.text}")
        if r.buttons:
            buttons = r.buttons
            for i, b in enumerate(r.buttons, 1):
                print(f"   [{i}] {b.title}")
        if r.attachment:
            print(f"   (fil: {r.attachment.name} {r.attachment.url})")
    return buttons


async def chat(engine: Engine, sender: str = "terminal") -> None:
    """Read lines until EOF; a number picks a button from the last message."""
    buttons = show(await engine.handle(Turn("terminal", sender, START)))
    while True:
        try:
            line = await asyncio.to_thread(input, "\ndig> ")
        except EOFError:
            print(file=sys.stderr)
            return
        choice = line.strip()
        if choice.isdigit() and 1 <= int(choice) <= len(buttons):
            line = buttons[int(choice) - 1].payload
        buttons = show(await engine.handle(Turn("terminal", sender, line))) or buttons
