"""The CV builder through the engine (fake NLU): the guided walk, skip, back, edit, delete, review, PDF,
resume after a restart, and contact details kept out of everything but the CV record."""
import io
import json
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from bot.wiring import build_core
from services.booking import BookingRules
from services.municipality import load_all
from store.db import make_engine, make_sessions
from store.models import CV as CVRow
from store.models import Conversation, Event, Message, Outbox
from tests.flows.helpers import PAUSE, back, payloads, pick, say, skip, texts_of, titles


def assemble(sessions, fake_nlu, clock, knowledge):
    """The production core (the CV flow is registered in dialogs/router.py), e.g. for a restarted process."""
    return build_core(sessions, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000, knowledge)


async def stored_cv(services, sender="t1"):
    citizen = (await services.conversations.load(f"test:{sender}")).citizen_id
    return await services.cvs.get(citizen)


FULL_WALK = [
    "jeg skal lave et cv", "mette hansen", "12 34 56 78", "mette@example.dk", "lagermedarbejder, chauffør",
    "Ballerup", pick("hours", "full"), "med det samme",
    "kassemedarbejder", "Netto", "2019-2022", "betjente kunder, fyldte varer op", "oplærte 3 nye kolleger",
    pick("job_title", "none"),
    "HF", "Ballerup Gymnasium", "2016-2018", "ikke flere",
    "truckcertifikat", "kundeservice, kasse og lager", "dansk modersmål, engelsk godt", "B",
    "jeg er god til at hjælpe kunder", "rolig, hjælpsom og stabil", "jeg vil gerne arbejde på et lager",
    pick("profile_ok", "ok"),
]


async def walk(engine, messages, sender="t1"):
    replies = []
    for text in messages:
        replies = await say(engine, text, sender)
    return replies


async def test_the_guided_walk_asks_one_short_question_at_a_time(engine, services):
    replies = await say(engine, "jeg skal lave et cv")
    assert texts_of(replies) == (
        "Jeg hjælper dig med at lave dit CV her i chatten. Jeg stiller et kort spørgsmål ad gangen. Du kan altid springe "
        "over, gå tilbage eller stoppe og fortsætte en anden dag. Dit CV bliver gemt undervejs.\nHvad er dit fulde navn?")
    assert payloads(replies) == [skip("name"), PAUSE]
    assert titles(replies) == ["Spring over", "Gem og stop"]
    replies = await say(engine, "mette hansen")
    assert texts_of(replies) == "Hvilket telefonnummer kan arbejdsgivere ringe til? Det står kun i dit CV."
    assert payloads(replies) == [skip("phone"), back("phone"), PAUSE]
    await say(engine, "12 34 56 78")
    await say(engine, "mette@example.dk")
    replies = await say(engine, "lagermedarbejder, chauffør og truckfører")
    assert texts_of(replies) == ("Noteret: Lagermedarbejder, Chauffør, Truckfører.\n"
                                 "Hvor vil du gerne arbejde? Skriv en by eller et område.")
    await say(engine, "Ballerup")
    replies = await say(engine, pick("hours", "full"))
    assert texts_of(replies) == "Noteret: Fuldtid.\nHvornår kan du starte?"
    assert titles(replies) == ["Med det samme", "Spring over", "Tilbage", "Gem og stop"]
    replies = await say(engine, "med det samme")
    assert texts_of(replies).endswith('Hvad var dit seneste job? Skriv stillingen, fx "kassemedarbejder".')
    assert titles(replies) == ["Ingen", "Spring over", "Tilbage", "Gem og stop"]
    await say(engine, "kassemedarbejder")
    await say(engine, "Netto")
    replies = await say(engine, "2019-2022")
    assert texts_of(replies) == ("Noteret: 2019 – 2022.\nHvad lavede du som kassemedarbejder? Skriv de vigtigste "
                                 'opgaver, fx "betjente kunder, fyldte varer op".')


async def test_the_whole_walk_fills_every_section_and_says_jobnet_is_satisfied(engine, services):
    replies = await walk(engine, FULL_WALK)
    assert texts_of(replies) == "\n".join([
        "Godt gået! Du har været alle spørgsmålene igennem. Sådan ser dit CV ud nu:",
        "✓ Kontaktoplysninger", "✓ Jobønsker", "✓ Erhvervserfaring (1)", "✓ Uddannelse (1)",
        "✓ Kurser og certifikater", "✓ Kompetencer", "✓ Sprog", "✓ Kørekort", "✓ Profil",
        "Alt det, Jobnet kræver, er udfyldt. Husk at lægge dit CV på Jobnet.dk."])
    assert payloads(replies) == ['/cv{"do": "sections"}', '/cv{"do": "review"}', '/cv{"do": "pdf"}', PAUSE]
    cv = await stored_cv(services)
    assert cv.contact.name == "Mette Hansen" and cv.contact.phone == "12 34 56 78"
    assert cv.wishes.titles == ["Lagermedarbejder", "Chauffør"] and cv.wishes.hours == "full"
    job = cv.jobs[0]
    assert (job.title, job.employer, job.tasks, job.results) == (
        "Kassemedarbejder", "Netto", ["Betjente kunder", "Fyldte varer op"], ["Oplærte 3 nye kolleger"])
    assert (job.period.start.year, job.period.end.year) == (2019, 2022)
    assert [(e.title, e.school) for e in cv.education] == [("HF", "Ballerup Gymnasium")]
    assert cv.courses == ["Truckcertifikat"] and cv.skills == ["Kundeservice", "Kasse", "Lager"]
    assert [(x.name, x.level) for x in cv.languages] == [("Dansk", "native"), ("Engelsk", "good")]
    assert cv.licences == ["B"] and cv.progress is None
    assert cv.profile.text == ("Mine kolleger beskriver mig som rolig, hjælpsom og stabil. Jeg er god til at hjælpe "
                               "kunder. Mit mål er at arbejde på et lager.")


async def test_skipped_sections_are_named_as_missing_for_jobnet(engine):
    await say(engine, "jeg skal lave et cv")
    await say(engine, "Ali Hassan")
    for step in ("phone", "email", "titles", "area", "hours", "start"):
        await say(engine, skip(step))
    await say(engine, pick("job_title", "none"))
    await say(engine, pick("edu_title", "none"))
    for step in ("courses", "skills", "languages", "licence", "strengths", "described", "next"):
        replies = await say(engine, skip(step))
    text = texts_of(replies)
    assert "○ Kontaktoplysninger" in text and "○ Erhvervserfaring" in text
    assert text.endswith("Det mangler, før Jobnet viser dit CV til arbejdsgivere:\n• Uddannelse\n• Arbejdserfaring\n"
                         "• Kontaktoplysninger (navn og telefon eller e-mail)\n• Jeg søger job som\n"
                         "• Ansættelsesbetingelser (fuldtid eller deltid)")


async def test_menu_and_stop_inside_an_answer_are_answers_but_the_menu_button_is_not(engine, services):
    await walk(engine, ["jeg skal lave et cv", "Mette Hansen", skip("phone"), skip("email")])
    replies = await say(engine, "menu")  # the fake NLU reads 'menu' as the interrupting 'capabilities'
    assert texts_of(replies).startswith("Noteret: Menu.\nHvor vil du gerne arbejde?")
    await say(engine, "stop")
    assert (await stored_cv(services)).wishes.area == "Stop"
    replies = await say(engine, "/capabilities")
    assert "/book_meeting" in payloads(replies)
    assert (await services.conversations.load("test:t1")).flow is None


async def test_back_shows_the_answer_there_is_and_skip_keeps_it(engine, services):
    await walk(engine, ["jeg skal lave et cv", "Mette Hansen", skip("phone"), skip("email"), "kok", "Ballerup"])
    replies = await say(engine, back("hours"))
    assert texts_of(replies) == ("Hvor vil du gerne arbejde? Skriv en by eller et område.\nNu står der:\nBallerup\n"
                                 'Skriv et nyt svar, eller tryk "Spring over" for at beholde det.')
    replies = await say(engine, back("area"))
    assert texts_of(replies).startswith("Hvilket job søger du?")
    await say(engine, skip("titles"))
    await say(engine, "Herlev")
    cv = await stored_cv(services)
    assert cv.wishes.titles == ["Kok"] and cv.wishes.area == "Herlev"
    replies = await walk(engine, [back("hours"), back("area"), back("titles"), back("email")])
    assert texts_of(replies) == "Hvilket telefonnummer kan arbejdsgivere ringe til? Det står kun i dit CV."
    replies = await say(engine, back("phone"))
    assert texts_of(replies).startswith("Hvad er dit fulde navn?\nNu står der:\n(udfyldt, men jeg viser det ikke her")
    assert "Mette" not in texts_of(replies)


async def test_a_period_given_as_a_duration_asks_when_it_ended(engine, services):
    await walk(engine, ["jeg skal lave et cv", *[skip(s) for s in ("name", "phone", "email", "titles", "area",
                                                                      "hours", "start")], "Opvasker", "Restaurant Ø"])
    replies = await say(engine, "3 aar")
    assert texts_of(replies) == 'Hvornår sluttede det? Skriv fx "marts 2021", eller "nu" hvis det ikke er slut.'
    assert texts_of(await say(engine, "hmm")).startswith("Det forstod jeg ikke.")
    replies = await say(engine, "marts 2021")
    assert texts_of(replies).startswith("Noteret: marts 2018 – marts 2021.\nHvad lavede du som opvasker?")
    replies = await say(engine, back("job_tasks"))
    assert texts_of(replies).startswith("Hvornår arbejdede du som opvasker?")


async def test_edit_a_section_later_and_delete_an_entry(engine, services):
    await walk(engine, FULL_WALK)
    replies = await say(engine, "ret min uddannelse")
    assert texts_of(replies) == ("Sådan står det i dit CV nu.\nUddannelse:\n1. HF, Ballerup Gymnasium (2016 – 2018)\n"
                                 "Vælg, hvad du vil rette eller slette.")
    assert payloads(replies) == ['/cv{"do": "open", "s": "education", "i": 0}',
                                 '/cv{"do": "del", "s": "education", "i": 0}', '/cv{"do": "add", "s": "education"}',
                                 '/cv{"do": "hub"}']
    await say(engine, '/cv{"do": "open", "s": "education", "i": 0}')
    await say(engine, "HF-enkeltfag")
    await say(engine, skip("edu_school"))
    replies = await say(engine, "2015 til 2018")
    assert texts_of(replies).startswith("Gemt.\nUddannelse:\n1. HF-enkeltfag, Ballerup Gymnasium (2015 – 2018)")
    await say(engine, '/cv{"do": "add", "s": "jobs"}')
    await walk(engine, ["Lagermedarbejder", "Coop", "siden 2023", "pakkede ordrer", skip("job_results")])
    assert [j.employer for j in (await stored_cv(services)).jobs] == ["Netto", "Coop"]
    replies = await say(engine, "slet mit job hos Netto")  # the NLU says delete_my_data: the CV flow takes it
    assert texts_of(replies) == 'Vil du slette "Kassemedarbejder, Netto (2019 – 2022)" fra dit CV?'
    replies = await say(engine, "ja")
    assert texts_of(replies).startswith("Slettet.\nErhvervserfaring:\n1. Lagermedarbejder, Coop (2023 – nu)")
    cv = await stored_cv(services)
    assert [j.employer for j in cv.jobs] == ["Coop"] and cv.contact.name == "Mette Hansen"  # nothing else went


async def test_delete_asks_first_and_no_keeps_it(engine, services):
    await walk(engine, FULL_WALK)
    await say(engine, "slet truckcertifikat")
    replies = await say(engine, "nej")
    assert texts_of(replies).startswith("Jeg har ikke slettet noget.\n")
    assert (await stored_cv(services)).courses == ["Truckcertifikat"]
    replies = await say(engine, "slet mit kursus i svejsning")
    assert texts_of(replies).startswith("Det kunne jeg ikke finde i dit CV.")


async def test_a_command_inside_an_answer_and_an_old_button(engine, services):
    await walk(engine, FULL_WALK[:10])  # asked for the job period
    replies = await say(engine, "ret min uddannelse")
    assert texts_of(replies) == "Sådan står det i dit CV nu.\nDer står ikke noget under Uddannelse endnu."
    replies = await say(engine, skip("job_period"))  # a button of a question no longer asked: go on from there
    assert texts_of(replies) == ("Velkommen tilbage. Vi fortsætter, hvor du slap.\nHvornår arbejdede du som "
                                 'kassemedarbejder? Skriv fx "2019 til 2022", "jan 2020 til nu" eller "3 år".')


async def test_review_gives_concrete_tips_for_this_cv(engine):
    await walk(engine, ["jeg skal lave et cv", "Mette Hansen", skip("phone"), skip("email"), "kok", skip("area"),
                        skip("hours"), skip("start"), "Kok", "Restaurant Ø", "2021-2023", "madlavning, opvask",
                        skip("job_results"), "Bager", "Lagkagehuset", "2010-2012", skip("job_tasks"),
                        skip("job_results"), pick("job_title", "none"), PAUSE])
    replies = await say(engine, "kig på mit cv")
    assert texts_of(replies) == "\n".join([
        "Mine tips til dit CV:",
        "1. Jobnet viser først dit CV til arbejdsgivere, når disse dele er udfyldt:",
        "• Uddannelse",
        "• Kontaktoplysninger (navn og telefon eller e-mail)",
        "• Ansættelsesbetingelser (fuldtid eller deltid)",
        "2. Skriv et telefonnummer eller en e-mail, så arbejdsgivere kan kontakte dig.",
        "3. Der er et hul mellem 2012 og 2021. Skriv kort, hvad du lavede, fx barsel, sygdom, rejse, kursus eller "
        "frivilligt arbejde. Ellers gætter arbejdsgiveren.",
        "4. Skriv 2-4 opgaver ved Bager, Lagkagehuset (2010 – 2012).",
        "5. Skriv et resultat ved Kok, Restaurant Ø (2021 – 2023): hvad kom der ud af dit arbejde? Fx \"oplærte 3 "
        "nye kolleger\" eller \"færre fejl i kassen\".",
        "6. Begynd opgaverne ved Kok, Restaurant Ø (2021 – 2023) med det, du gjorde, fx \"betjente kunder\" eller "
        "\"pakkede ordrer\". Så er de lette at læse.",
        "Der er 2 tips mere, når du har rettet de første.",
        "Mine tips bygger på: Ballerup Kommune, Indsats- og aktiveringsstrategi (2020), afsnit 'Den fælles "
        "jobrettede indsats' · gennemgået 2026-11-23"])
    assert replies[-1].sources[0].reviewed == "2026-11-23"  # drawn from the knowledge base's reviewed entry


async def test_the_pdf_comes_as_a_file_in_the_chat(engine, services):
    await walk(engine, FULL_WALK)
    replies = await say(engine, '/cv{"do": "pdf"}')
    file = next(r.file for r in replies if r.file)
    assert file.name == "CV.pdf"
    stored = await services.files.get(file.token)
    assert stored.content_type == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(stored.content)).pages)
    assert "Mette Hansen" in text and "Kassemedarbejder" in text and "Mine kolleger beskriver mig" in text


async def test_stop_and_continue_after_a_restart_exactly_where_it_stopped(db_url, fake_nlu, clock, knowledge):
    first = make_engine(db_url)
    core = assemble(make_sessions(first), fake_nlu, clock, knowledge)
    await walk(core.engine, FULL_WALK[:11])  # the job period answered
    replies = await say(core.engine, PAUSE)
    assert texts_of(replies) == 'Dit CV er gemt. Skriv "mit CV", når du vil fortsætte. Det kan også være en anden dag.'
    await first.dispose()
    second = make_engine(db_url)  # a restart: nothing in memory
    try:
        core = assemble(make_sessions(second), fake_nlu, clock, knowledge)
        await say(core.engine, "hej")
        replies = await say(core.engine, "jeg skal lave et cv")
        assert texts_of(replies) == ("Velkommen tilbage. Vi fortsætter, hvor du slap.\nHvad lavede du som "
                                     'kassemedarbejder? Skriv de vigtigste opgaver, fx "betjente kunder, fyldte varer op".')
    finally:
        await second.dispose()


async def test_a_crisis_in_the_middle_gets_the_safety_reply_and_the_cv_waits(engine, services):
    await walk(engine, FULL_WALK[:5])
    replies = await say(engine, "jeg vil ikke leve mere")
    assert "Livslinien på 70 201 201" in texts_of(replies)
    replies = await say(engine, "jeg skal lave et cv")
    assert texts_of(replies).startswith("Velkommen tilbage. Vi fortsætter, hvor du slap.\nHvor vil du gerne arbejde?")


async def test_an_answer_hours_later_welcomes_back_or_lets_a_new_request_through(engine, clock):
    await walk(engine, FULL_WALK[:3])
    clock.now += timedelta(hours=7)
    replies = await say(engine, "hej")
    assert texts_of(replies) == ("Velkommen tilbage til dit CV. Vi var nået hertil:\nHvilken e-mail kan arbejdsgivere "
                                 "skrive til? Den står kun i dit CV.")
    clock.now += timedelta(hours=7)
    replies = await say(engine, "jeg vil booke en samtale")
    assert "Hvilken slags samtale" in texts_of(replies)


async def test_contact_details_are_only_in_the_cv_record(engine, services, sessions):
    await walk(engine, FULL_WALK)
    await say(engine, "kig på mit cv")
    await say(engine, '/cv{"do": "pdf"}')
    async with sessions() as s:
        messages = (await s.scalars(select(Message.text))).all()
        bodies = [json.dumps(b, ensure_ascii=False) for b in (await s.scalars(select(Outbox.body))).all()]
        events = [json.dumps(d, ensure_ascii=False) for d in (await s.scalars(select(Event.data))).all()]
        states = [json.dumps(d) for d in (await s.scalars(select(Conversation.state))).all()]
        row = (await s.scalars(select(CVRow))).one()
    for where in (messages, bodies, events, states):
        joined = "\n".join(where)
        assert "12 34 56 78" not in joined and "12345678" not in joined and "mette@example.dk" not in joined
        assert "mette hansen" not in joined.lower()  # the name too: the contact steps' answers stay in the CV record
    assert messages.count("[privat svar]") == 3  # name, phone and e-mail, as the transcript keeps them
    assert row.data["contact"] == {"name": "Mette Hansen", "phone": "12 34 56 78", "email": "mette@example.dk"}
    assert row.resume["basics"]["phone"] == "12 34 56 78"


async def test_the_cv_is_in_the_data_export_as_json_resume_and_goes_with_slet_mine_data(engine, services, sessions):
    await walk(engine, FULL_WALK)
    replies = await say(engine, "/show_my_data")
    file = next(r.file for r in replies if r.file and r.file.name.endswith(".json"))  # the page comes first
    data = json.loads((await services.files.get(file.token)).content)
    (cv,) = data["cvs"]
    assert cv["resume"]["basics"]["name"] == "Mette Hansen" and cv["resume"]["work"][0]["name"] == "Netto"
    assert cv["data"]["contact"]["email"] == "mette@example.dk"
    await say(engine, "/delete_my_data")
    await say(engine, "ja")
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(CVRow)) == 0


async def test_delete_the_whole_cv(engine, services, sessions):
    await walk(engine, FULL_WALK)
    await say(engine, "slet mit cv")
    replies = await say(engine, '/cv{"do": "yes"}')
    assert texts_of(replies) == "Dit CV er slettet."
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(CVRow)) == 0
        assert await s.scalar(select(func.count()).select_from(Message)) > 0  # the rest of the data stays


@pytest.mark.parametrize("message", ["jeg skal lave et cv", "kan du kigge på mit cv"])
async def test_both_contract_illustrations_start_a_cv_when_there_is_none(engine, message):
    replies = await say(engine, message)
    assert texts_of(replies).startswith("Jeg hjælper dig med at lave dit CV her i chatten.")
    assert texts_of(replies).endswith("Hvad er dit fulde navn?")
