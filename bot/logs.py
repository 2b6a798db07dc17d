"""Where output goes: our own INFO records on screen, everything else in var/log/, and the start-up announcements."""
import asyncio
import logging
import os
import sys
import time
from pathlib import Path
from typing import Awaitable, Callable, TextIO

from bot.settings import ROOT

LOG_DIR = ROOT / "var" / "log"
RASA_LOG = LOG_DIR / "rasa.log"
# Top-level packages of this project; "root" and "__main__" are module-level logging.info() calls in bot/__main__.py.
OWN_LOGGERS = frozenset({"bot", "dialogs", "nlu", "services", "store", "knowledge", "tools", "root", "__main__"})
PARAMETER_LOGGERS = ("aiosqlite", "sqlalchemy.engine", "asyncpg")
MAX_LOG_BYTES = 5_000_000  # then the file is moved to <name>.1 at the next start (one old generation kept)
WAITING = "Venter på sprogmodellen (typisk 10-20 sekunder) ..."

log = logging.getLogger(__name__)
_OURS = "_jobassistent_handler"  # marks the handlers setup_logging installed, so a second call replaces them


class ScreenFilter(logging.Filter):
    """Our own loggers from INFO up; third-party ones only from ERROR up (their warnings are noise to a user)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "screen", True):  # extra={"screen": False}: already said on screen in plain words
            return False
        return record.levelno >= logging.ERROR or record.name.split(".")[0] in OWN_LOGGERS


def rotate_if_large(path: Path, max_bytes: int = MAX_LOG_BYTES) -> None:
    """Keep append-only logs bounded; done at start only, since several processes may append to one file."""
    try:
        if path.stat().st_size > max_bytes:
            os.replace(path, path.with_name(path.name + ".1"))
    except FileNotFoundError:
        pass


def setup_logging(command: str, log_dir: Path = LOG_DIR, screen: TextIO | None = None) -> Path:
    """Route records and warnings for one command; returns the log file. `chat` writes nothing to the screen."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / ("chat.log" if command == "chat" else "app.log")
    rotate_if_large(path)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(old)
        old.close()
    to_file = logging.FileHandler(path, encoding="utf-8")
    to_file.setFormatter(logging.Formatter("%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"))
    handlers: list[logging.Handler] = [to_file]
    if command != "chat":  # in the terminal chat the screen is the conversation
        to_screen = logging.StreamHandler(screen or sys.stderr)
        to_screen.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"))
        to_screen.addFilter(ScreenFilter())
        handlers.append(to_screen)
    for handler in handlers:
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # These log statement parameters (a citizen's text, phone, e-mail) at DEBUG/INFO: never let them through,
    # whatever level someone sets on the root while debugging.
    for chatty in PARAMETER_LOGGERS:
        logging.getLogger(chatty).setLevel(logging.WARNING)
    # warnings.warn() (DeprecationWarning from libraries and the like) becomes a "py.warnings" record: file only.
    logging.captureWarnings(True)
    return path


def not_ready_message(timeout_s: float, rasa_log: Path = RASA_LOG) -> str:
    return (f"Sprogmodellen er ikke klar efter {timeout_s:.0f} sekunder. Se {shown_path(rasa_log)} "
            "(/health svarer 503, indtil den er klar).")


async def announce_ready(healthy: Callable[[], Awaitable[bool]], url: str, timeout_s: float, *,
                         out: TextIO | None = None, poll_s: float = 1.0, rasa_log: Path = RASA_LOG) -> None:
    """Say we wait, then print 'Klar: åbn URL' exactly once, when healthy() (what /health answers) is true.

    Past timeout_s it points to Rasa's log once and keeps waiting: the app keeps serving (503 on /health),
    and Rasa is restarted by its supervisor, so the Klar line may still come.
    """
    _say(WAITING, out)
    log.info("web side on %s; waiting for the NLU and the database", url, extra={"screen": False})
    deadline = time.monotonic() + timeout_s
    warned = False
    while not await healthy():
        if not warned and time.monotonic() > deadline:
            _say(not_ready_message(timeout_s, rasa_log), out)
            warned = True
        await asyncio.sleep(poll_s * 5 if warned else poll_s)  # something is wrong: look less often
    _say(f"Klar: åbn {url}", out)


def _say(line: str, out: TextIO | None) -> None:
    """A plain line for the person at the screen (no timestamp: it must stand out), and a record in the log file."""
    print(line, file=out or sys.stdout, flush=True)
    log.info("%s", line, extra={"screen": False})


def shown_path(path: Path) -> str:
    """The path relative to the project when it is inside it (shorter on screen), else as is."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)
