"""bot/logs.py: what reaches the screen, what only the log file, and the ready announcement."""
import io
import logging
import warnings
from pathlib import Path

import pytest

from bot.logs import WAITING, announce_ready, rotate_if_large, setup_logging

URL = "http://127.0.0.1:8123"


@pytest.fixture
def routed(tmp_path: Path):
    """setup_logging("serve") into tmp_path with a fake screen; the root logger and warnings restored after."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    screen = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("always")  # pytest and Python hide DeprecationWarning by default; we route it
        path = setup_logging("serve", tmp_path, screen=screen)
        yield screen, path
        logging.captureWarnings(False)
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_a_deprecation_warning_goes_to_the_file_not_the_screen(routed):
    screen, path = routed
    warnings.warn("old_api() is deprecated", DeprecationWarning)
    _flush()
    assert "old_api() is deprecated" in path.read_text()
    assert "deprecated" not in screen.getvalue()


def test_own_info_on_screen_third_party_only_from_error(routed):
    screen, path = routed
    logging.getLogger("bot.web").info("our own news")
    logging.info("a module-level record in bot/__main__.py")
    logging.getLogger("aiogram.dispatcher").warning("their warning")
    logging.getLogger("aiohttp.server").error("their error")
    logging.getLogger("bot.wiring").debug("below INFO")
    _flush()
    shown, stored = screen.getvalue(), path.read_text()
    assert "our own news" in shown and "module-level record" in shown and "their error" in shown
    assert "their warning" not in shown and "their warning" in stored
    assert "below INFO" not in shown + stored


def test_records_marked_screen_false_stay_in_the_file(routed):
    screen, path = routed
    logging.getLogger("bot.logs").info("already said plainly", extra={"screen": False})
    _flush()
    assert "already said plainly" in path.read_text() and not screen.getvalue()


def test_calling_it_again_replaces_its_handlers(routed, tmp_path):
    screen, _ = routed
    setup_logging("serve", tmp_path, screen=screen)
    logging.getLogger("bot").info("once")
    assert screen.getvalue().count("once") == 1


def test_chat_shows_nothing_and_logs_to_chat_log(tmp_path):
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    screen = io.StringIO()
    try:
        path = setup_logging("chat", tmp_path, screen=screen)
        logging.getLogger("bot.wiring").warning("database not reachable")
        _flush()
        assert path.name == "chat.log" and "database not reachable" in path.read_text()
        assert not screen.getvalue()
    finally:
        logging.captureWarnings(False)
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


class FakeHealth:
    """healthy() that says no `unhealthy` times, then yes; records what was on screen at each call."""

    def __init__(self, unhealthy: int, screen: io.StringIO) -> None:
        self.left, self.screen, self.seen = unhealthy, screen, []

    async def __call__(self) -> bool:
        self.seen.append(self.screen.getvalue())
        self.left -= 1
        return self.left < 0


async def test_ready_line_once_and_only_after_healthy():
    out = io.StringIO()
    health = FakeHealth(3, out)
    await announce_ready(health, URL, timeout_s=60, out=out, poll_s=0)
    assert out.getvalue().splitlines() == [WAITING, f"Klar: åbn {URL}"]
    assert len(health.seen) == 4
    assert all("Klar" not in seen for seen in health.seen)  # never printed while /health would say 503


async def test_slow_start_points_to_the_rasa_log_once_and_still_announces(tmp_path):
    out = io.StringIO()
    rasa_log = tmp_path / "rasa.log"
    await announce_ready(FakeHealth(4, out), URL, timeout_s=0, out=out, poll_s=0, rasa_log=rasa_log)
    lines = out.getvalue().splitlines()
    assert lines[0] == WAITING and lines[-1] == f"Klar: åbn {URL}"
    warnings_shown = [line for line in lines if str(rasa_log) in line]
    assert len(warnings_shown) == 1 and "503" in warnings_shown[0]


def test_rotate_if_large_keeps_one_old_generation(tmp_path):
    log = tmp_path / "rasa.log"
    log.write_text("x" * 100)
    rotate_if_large(log, max_bytes=50)
    assert not log.exists() and (tmp_path / "rasa.log.1").read_text() == "x" * 100
    rotate_if_large(log, max_bytes=50)  # nothing to rotate: no error
