"""Knowledge answers in English: texts by people, status notes first, per municipality, the Danish fallback."""
from sqlalchemy import update

from nlu.client import NluResult
from store.models import Conversation
from tests.flows.helpers import payloads, say, texts_of, titles

ONLY_DANISH = "This answer is only available in Danish. You can ask a person to explain it in English."


async def in_english(core, sessions, sender: str = "t1", municipality: str | None = None) -> None:
    """Make the test conversation English (as the language switch does), optionally in another municipality."""
    conversation_id = f"test:{sender}"
    municipality = municipality or core.services.default_municipality
    await core.services.conversations.ensure(conversation_id, "test", municipality)
    async with sessions.begin() as s:
        await s.execute(update(Conversation).where(Conversation.id == conversation_id).values(locale="en"))


def asks(fake_nlu, intent: str) -> None:
    """The fake NLU classifies every message as this knowledge intent (as the real model does for these)."""
    async def parse(text: str) -> NluResult:
        return NluResult(text=text, intent=intent, confidence=0.9, ranking=[(intent, 0.9)])
    fake_nlu.parse = parse


async def test_an_entry_with_an_english_text_answers_in_english_with_the_source_marked(core, sessions, engine):
    await in_english(core, sessions)
    replies = await say(engine, '/kb_entry{"id": "loentilskud"}')
    assert texts_of(replies) == (
        "In a job with løntilskud (wage subsidy) you are employed and get a salary, and the employer gets support for"
        " your salary for a period. It is a way into a workplace where you can get experience and maybe a permanent"
        " job. Talk to your caseworker if you have found a company that is interested.\n\n"
        "Source: STAR, Virksomhedsrettede redskaber (lov om en aktiv beskæftigelsesindsats), section 'Ansættelse med"
        " løntilskud' · reviewed 2026-11-23 · English text by Jobassistenten team 2026-12-04")
    assert titles(replies) == ["Book a meeting", "Read more", "Talk to a person", "👍 Good answer",
                               "👎 Not a good answer"]
    assert payloads(replies)[:3] == ["/book_meeting", '/kb_more{"id": "loentilskud"}', "/human_handoff"]
    assert replies[0].sources[0].title.startswith("STAR, Virksomhedsrettede redskaber")


async def test_an_english_question_finds_the_entry_by_its_danish_name(core, sessions, engine, fake_nlu, services):
    await in_english(core, sessions)
    asks(fake_nlu, "explain_term")
    replies = await say(engine, "what is kontanthjælp?")
    text = services.knowledge.english().translation(services.knowledge.get("kontanthjaelp", "ballerup"))
    assert texts_of(replies).split("\n\n")[0] == text.answer
    assert text.answer.startswith("From 1 July 2025 there is one system of kontanthjælp (social assistance)")
    assert payloads(replies)[0] == "/human_handoff"


async def test_a_changing_scheme_says_so_first_in_english(core, sessions, engine):
    await in_english(core, sessions)
    replies = await say(engine, '/kb_entry{"id": "ressourceforloeb"}')
    lines = texts_of(replies).splitlines()
    assert lines[0] == ("Ressourceforløb are no longer granted to new citizens after the employment reform (Act no."
                        " 1750 of 29 December 2025); ask your caseworker what this means for you.")
    assert lines[1].startswith("A ressourceforløb (resource programme) was a longer programme")
    assert titles(replies)[0] == "Talk to a person"


async def test_each_municipality_gets_its_own_english_text(core, sessions, engine):
    await in_english(core, sessions, "g1", "gentofte")
    await in_english(core, sessions, "h1", "hvidovre")
    gentofte = texts_of(await say(engine, '/kb_entry{"id": "smaajob"}', "g1"))
    hvidovre = texts_of(await say(engine, '/kb_entry{"id": "smaajob"}', "h1"))
    assert gentofte.startswith("In Gentofte paid hours are a goal from the start of your programme")
    assert gentofte.endswith("section 'Flygtninge og familiesammenførte skal være selvforsørgende' · reviewed "
                             "2026-11-23 · English text by Jobassistenten team 2026-12-04")
    assert hvidovre.startswith("Hvidovre works for more people to get småjobs (small jobs)")
    assert hvidovre.endswith("Hvidovre Kommune, Beskæftigelsesplan 2020 (2020), section 'Virksomhedsindsats' · "
                             "reviewed 2026-11-23 · English text by Jobassistenten team 2026-12-04")


async def test_an_entry_without_an_english_text_says_so_gives_the_danish_answer_and_a_person(
        core, sessions, engine, fake_nlu, services):
    await in_english(core, sessions)
    asks(fake_nlu, "explain_term")
    entry = services.knowledge.get("star", "ballerup")
    replies = await say(engine, "what is STAR")
    assert texts_of(replies) == (
        f"{ONLY_DANISH}\n\n{entry.answer}\n\nSource: Gentofte Kommune, Beskæftigelsesplan 2021-2022 (2021-2022),"
        " section 'Væsentlige begreber i beskæftigelsesindsatsen' · reviewed 2026-11-23")
    assert titles(replies)[:2] == ["Read more", "Talk to a person"]
    assert payloads(replies)[:2] == ['/kb_more{"id": "star"}', "/human_handoff"]
    assert [p.startswith('/rate_answer{"entry": "star"') for p in payloads(replies)[2:]] == [True, True]


async def test_a_changing_scheme_without_an_english_text_keeps_its_danish_status_note_after_the_sentence(
        core, sessions, engine, services):
    await in_english(core, sessions)
    entry = services.knowledge.get("revalidering", "ballerup")
    replies = await say(engine, '/kb_entry{"id": "revalidering"}')
    assert texts_of(replies).split("\n\n")[:2] == [ONLY_DANISH, f"{entry.status_note}\n{entry.answer}"]
    assert titles(replies)[0] == "Talk to a person"


async def test_read_more_and_choices_are_in_english(core, sessions, engine, fake_nlu):
    await in_english(core, sessions)
    replies = await say(engine, '/kb_more{"id": "fgu"}')
    assert texts_of(replies) == (
        "FGU Nord (Forberedende Grunduddannelse, preparatory basic education)\n"
        "The youth effort in Center for Arbejdsmarked decides if you can start at FGU.\n"
        "For whom: Young people under 25 in Ballerup without an upper-secondary education and without a job.")
    replies = await say(engine, "/local_offers")
    assert texts_of(replies).startswith("Here are some of the municipality's offers.")
    assert "Work placement in Ballerup (virksomhedspraktik)" in titles(replies)


async def test_a_danish_conversation_is_unchanged(engine, services):
    entry = services.knowledge.get("loentilskud", "ballerup")
    replies = await say(engine, '/kb_entry{"id": "loentilskud"}')
    assert texts_of(replies) == f"{entry.answer}\n\nKilde: {entry.citation()} · gennemgået {entry.reviewed.isoformat()}"
