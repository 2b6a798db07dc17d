"""Small helpers for driving the engine in tests."""
from dialogs.engine import Engine
from dialogs.turn import Reply, Turn


async def say(engine: Engine, text: str, sender: str = "t1") -> list[Reply]:
    return await engine.handle(Turn("test", sender, text))


def texts_of(replies: list[Reply]) -> str:
    return "\n".join(r.text or "" for r in replies)


def payloads(replies: list[Reply]) -> list[str]:
    return [b.payload for r in replies for b in r.buttons]
