"""Small helpers for driving the engine in tests."""
from dialogs.engine import Engine
from dialogs.turn import Turn
from services.outgoing import Rendered


async def say(engine: Engine, text: str, sender: str = "t1") -> list[Rendered]:
    return await engine.handle(Turn("test", sender, text))


def texts_of(replies: list[Rendered]) -> str:
    return "\n".join(r.text or "" for r in replies)


def payloads(replies: list[Rendered]) -> list[str]:
    return [b.payload for r in replies for b in r.buttons]


def titles(replies: list[Rendered]) -> list[str]:
    return [b.title for r in replies for b in r.buttons]


async def log_in(core, sender: str = "t1", subject: str = "demo-anna-4f1c", channel: str = "test") -> int:
    """Mark a test conversation as logged in as `subject` (as the OIDC callback does); returns the citizen id."""
    conversation_id = f"{channel}:{sender}"
    await core.services.conversations.ensure(conversation_id, channel, core.services.default_municipality)
    return await core.identity.log_in(conversation_id, subject)


async def use_locale(core, locale: str, sender: str = "t1", channel: str = "test") -> None:
    """Set a test conversation's language directly (as the language switch will), creating the conversation."""
    from sqlalchemy import update

    from store.models import Conversation

    conversation_id = f"{channel}:{sender}"
    store = core.services.conversations
    await store.ensure(conversation_id, channel, core.services.default_municipality)
    # The store has no language setter yet (the lead's switch adds one); its own sessions reach the same database.
    async with store._sessions() as s, s.begin():
        await s.execute(update(Conversation).where(Conversation.id == conversation_id).values(locale=locale))


# The CV flow's button payloads (dialogs/flows/cv.py), for tests that press them.
PAUSE = '/cv{"do": "pause"}'


def skip(step: str) -> str:
    return f'/cv{{"do": "skip", "at": "{step}"}}'


def back(step: str) -> str:
    return f'/cv{{"do": "back", "at": "{step}"}}'


def pick(step: str, value: str) -> str:
    return f'/cv{{"do": "pick", "v": "{value}", "at": "{step}"}}'
