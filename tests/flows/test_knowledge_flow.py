"""Knowledge answers through the engine: sourced and dated, reform status first, per municipality, choose, none."""
from sqlalchemy import select

from store.models import Conversation, Event
from tests.flows.helpers import payloads, say, texts_of


async def test_an_answer_ends_with_its_source_and_review_date_and_offers_a_next_step(engine, services):
    entry = services.knowledge.get("loentilskud", "ballerup")
    replies = await say(engine, '/kb_entry{"id": "loentilskud"}')
    assert texts_of(replies) == (f"{entry.answer}\n\nKilde: {entry.citation()} · gennemgået {entry.reviewed.isoformat()}")
    assert replies[0].sources[0].title == entry.citation()
    assert "/human_handoff" in payloads(replies)


async def test_a_scheme_being_abolished_says_so_first(engine, services):
    entry = services.knowledge.get("ressourceforloeb", "ballerup")
    assert entry.status in ("udfases", "afskaffet", "ændres") and entry.status_note
    replies = await say(engine, '/kb_entry{"id": "ressourceforloeb"}')
    assert replies[0].text.splitlines()[0] == entry.status_note
    assert replies[0].text.splitlines()[1] == entry.answer


async def test_each_municipality_gets_its_own_entry(engine, core, sessions):
    async with sessions.begin() as s:  # this conversation belongs to Gentofte
        await say(engine, "hej", "g1")
        row = await s.get(Conversation, "test:g1")
        row.municipality = "gentofte"
    ballerup = core.services.knowledge.get("smaajob", "ballerup")
    gentofte = core.services.knowledge.get("smaajob", "gentofte")
    assert ballerup.answer != gentofte.answer  # the seeds differ
    assert gentofte.answer in texts_of(await say(engine, '/kb_entry{"id": "smaajob"}', "g1"))
    assert ballerup.answer in texts_of(await say(engine, '/kb_entry{"id": "smaajob"}', "b1"))


async def test_the_menu_button_lists_offers_and_a_pick_answers(engine):
    replies = await say(engine, "/local_offers")
    assert texts_of(replies).startswith("Her er nogle af kommunens tilbud.")
    picks = [p for p in payloads(replies) if p.startswith("/kb_entry")]
    assert 3 <= len(picks) <= 8
    assert "Kilde:" in texts_of(await say(engine, picks[0]))


async def test_read_more_shows_details_and_for_whom(engine, services):
    entry = services.knowledge.get("fgu", "ballerup")
    replies = await say(engine, '/kb_more{"id": "fgu"}')
    assert texts_of(replies) == f"{entry.title}\n{entry.details}\nFor hvem: {entry.for_whom}"


async def test_no_good_answer_says_so_and_logs_the_redacted_question(engine, sessions, fake_nlu):
    from nlu.client import NluResult

    async def parse(text: str) -> NluResult:
        return NluResult(text=text, intent="explain_term", confidence=0.9, ranking=[("explain_term", 0.9)])
    fake_nlu.parse = parse
    replies = await say(engine, "hvad betyder flibbergast, ring 12345678")
    assert texts_of(replies).startswith("Det har jeg desværre ikke et godt svar på.")
    assert payloads(replies) == ["/human_handoff", "/capabilities"]
    async with sessions() as s:
        event = (await s.scalars(select(Event).where(Event.kind == "no_answer"))).one()
    assert event.data == {"intent": "explain_term", "text": "hvad betyder flibbergast, ring [telefon]"}


async def test_a_close_call_offers_buttons_to_choose(engine, fake_nlu):
    from nlu.client import NluResult

    async def parse(text: str) -> NluResult:
        return NluResult(text=text, intent="youth_education", confidence=0.9, ranking=[("youth_education", 0.9)])
    fake_nlu.parse = parse
    replies = await say(engine, "hf eller stx")
    assert texts_of(replies) == "Jeg er ikke helt sikker på, hvad du spørger om. Mener du en af disse?"
    assert payloads(replies) == ['/kb_entry{"id": "hf"}', '/kb_entry{"id": "stx"}', "/human_handoff"]


async def test_the_youth_guide_asks_four_questions_and_suggests_entries(engine):
    replies = await say(engine, "/youth_guide")
    assert [r.text for r in replies] == ["Jeg stiller fire korte spørgsmål. Så foreslår jeg uddannelser, der kan "
                                         "passe til dig.", "Hvor gammel er du?"]
    await say(engine, '/youth_answer{"step": "age", "v": "18_24"}')
    await say(engine, '/youth_answer{"step": "school", "v": "no_exam"}')
    replies = await say(engine, '/youth_answer{"step": "style", "v": "practical"}')
    assert texts_of(replies) == "Får du kontanthjælp fra kommunen?"
    replies = await say(engine, '/youth_answer{"step": "benefit", "v": "yes"}')
    assert texts_of(replies).startswith("Ud fra dine svar kan disse passe til dig.")
    assert payloads(replies) == ['/kb_entry{"id": "fgu"}', '/kb_entry{"id": "eud"}',
                                 '/kb_entry{"id": "uddannelsespaalaeg"}', "/book_meeting", "/human_handoff"]
    assert "Kilde:" in texts_of(await say(engine, '/kb_entry{"id": "uddannelsespaalaeg"}'))
