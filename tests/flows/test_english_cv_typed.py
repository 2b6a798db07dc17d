"""The CV conversation when an English-speaking citizen types every answer: languages, 'no more', the profile."""
import io

from pypdf import PdfReader

from tests.flows.helpers import say, texts_of, titles, use_locale


async def stored_cv(services, sender="t1"):
    citizen = (await services.conversations.load(f"test:{sender}")).citizen_id
    return await services.cvs.get(citizen)


async def walk(engine, messages) -> list:
    replies: list = []
    for text in messages:
        replies = await say(engine, text)
    return replies


UP_TO_JOBS = ["jeg skal lave et cv", "Ali Hassan", "12 34 56 78", "ali@example.dk", "warehouse worker, driver",
              "Ballerup", "full time", "right away"]


async def test_typed_english_answers_fill_the_cv_in_english(engine, core, services):
    await use_locale(core, "en")
    replies = await walk(engine, UP_TO_JOBS[:-1])
    assert texts_of(replies) == "Noted: Full-time.\nWhen can you start?"
    replies = await say(engine, UP_TO_JOBS[-1])
    assert texts_of(replies).startswith("Noted: Right away.\nNow about your work experience.")
    await walk(engine, ["cashier", "Netto", "2019 to 2022", "served customers", "trained new colleagues"])
    replies = await say(engine, "no more")
    assert texts_of(replies).startswith("Now about your education.")
    await walk(engine, ["HF", "Ballerup Gymnasium", "2016 to 2018"])
    replies = await say(engine, "No more")
    assert texts_of(replies) == ('Do you have courses or certificates? For example "forklift certificate, first aid".')
    replies = await say(engine, "none")
    assert texts_of(replies).startswith("What are you good at in a job?")
    await say(engine, "customer service and cleaning")
    replies = await say(engine, "Arabic mother tongue, English good, Danish a little")
    assert texts_of(replies) == ("Noted:\n• Arabic – native language\n• English – good\n"
                                 "• Danish – a little\nDo you have a driving licence?")
    replies = await say(engine, "I have a car licence")
    assert texts_of(replies) == ("Noted: driving licence B.\n"
                                 "Now we will write a short profile about you. What are you good at in a workplace?")
    await say(engine, "I am good at helping customers")
    await say(engine, "I am calm, helpful and reliable")
    replies = await say(engine, "I want to work in a warehouse")
    assert texts_of(replies) == ("Here is a suggestion for your profile:\nMy colleagues describe me as calm, helpful "
                                 "and reliable. I am good at helping customers. My goal is to work in a warehouse.\n"
                                 "Do you want to use it?")
    assert titles(replies)[:2] == ["Use it", "I will write it myself"]
    replies = await say(engine, "yes")
    assert texts_of(replies).startswith("Well done! You have answered all the questions.")
    cv = await stored_cv(services)
    assert [j.title for j in cv.jobs] == ["Cashier"] and [e.title for e in cv.education] == ["HF"]
    assert (cv.wishes.hours, cv.wishes.start, cv.licences) == ("full", "now", ["B"])
    assert cv.courses == [] and cv.skills == ["Customer service", "Cleaning"]
    assert [(x.name, x.level) for x in cv.languages] == [("Arabic", "native"), ("English", "good"),
                                                         ("Danish", "basic")]
    assert cv.profile.text == ("My colleagues describe me as calm, helpful and reliable. I am good at helping "
                               "customers. My goal is to work in a warehouse.")


async def test_unknown_language_names_are_kept_as_written(engine, core, services):
    await use_locale(core, "en")
    await walk(engine, ["jeg skal lave et cv", '/cv{"do": "pause"}'])
    await say(engine, '/cv{"do": "add", "s": "languages"}')
    replies = await say(engine, "Somali fluent, Wolof a little, I speak Tigrinya")
    assert texts_of(replies).startswith("Saved.\n")
    cv = await stored_cv(services)
    assert [(x.name, x.level) for x in cv.languages] == [("Somali", "fluent"), ("Wolof", "basic"),
                                                         ("Tigrinya", None)]


async def test_other_openings_and_a_typed_yes(engine, core, services):
    await use_locale(core, "en")
    await walk(engine, ["jeg skal lave et cv", '/cv{"do": "pause"}'])
    await say(engine, '/cv{"do": "add", "s": "profile"}')
    await say(engine, "I'm good at driving a forklift.")
    await say(engine, "They say I am friendly and on time")
    replies = await say(engine, "My goal is to become a bus driver")
    assert texts_of(replies) == ("Here is a suggestion for your profile:\nMy colleagues describe me as friendly and "
                                 "on time. I am good at driving a forklift. My goal is to become a bus driver.\n"
                                 "Do you want to use it?")
    replies = await say(engine, "Yes please")
    assert "Do you want to use it?" not in texts_of(replies)
    assert (await stored_cv(services)).profile.text.startswith("My colleagues describe me as friendly and on time.")


async def test_the_pdf_shows_english_language_names_and_levels(engine, core, services):
    await use_locale(core, "en")
    await walk(engine, ["jeg skal lave et cv", "Ali Hassan", '/cv{"do": "pause"}'])
    await say(engine, '/cv{"do": "add", "s": "languages"}')
    await say(engine, "arabisk modersmål, dansk lidt")  # Danish words in an English conversation
    replies = await say(engine, '/cv{"do": "pdf"}')
    file = next(r.file for r in replies if r.file)
    reader = PdfReader(io.BytesIO((await services.files.get(file.token)).content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text == "Ali Hassan\nLanguages\nArabic – native language  ·  Danish – a little\nPage 1 of 1"
