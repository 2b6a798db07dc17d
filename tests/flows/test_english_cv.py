"""The CV conversation and its PDF in an English conversation: questions, buttons, the summary and the PDF."""
import io

from pypdf import PdfReader

from tests.flows.helpers import PAUSE, payloads, pick, say, skip, texts_of, titles, use_locale

# Answers whose parsing does not depend on the language (names, numbers, lists split at commas), and buttons.
# Typed English answers are covered in tests/flows/test_english_cv_typed.py.
WALK = [
    "jeg skal lave et cv", "Mette Hansen", "12 34 56 78", "mette@example.dk", "warehouse worker, driver", "Ballerup",
    pick("hours", "full"), pick("start", "now"),
    "cashier", "Netto", "2019 to 2022", "served customers, filled shelves", "trained new colleagues",
    pick("job_title", "none"),
    "HF", "Ballerup Gymnasium", "2016 to 2018", pick("edu_title", "none"),
    "forklift certificate", "customer service, cleaning", skip("languages"), pick("licence", "B"),
    skip("strengths"), skip("described"), skip("next"),
]
DONE = ("Well done! You have answered all the questions. This is how your CV looks now:\n✓ Contact details\n"
        "✓ Job wishes\n✓ Work experience (1)\n✓ Education (1)\n✓ Courses and certificates\n✓ Skills\n○ Languages\n"
        "✓ Driving licence\n○ Profile\nEverything Jobnet (Denmark's public job portal) needs is filled in. Remember to "
        "put your CV on Jobnet.dk.")
PDF_TEXT = """Mette Hansen
Phone: 12 34 56 78   ·   E-mail: mette@example.dk
Looking for a job as: Warehouse worker, Driver
Work experience
2019 – 2022 Cashier
Netto
• Served customers
• Filled shelves
• Result: Trained new colleagues
Education
2016 – 2018 HF
Ballerup Gymnasium
Courses and certificates
• Forklift certificate
Skills
Customer service  ·  Cleaning
Driving licence
Category B
Job wishes
Job title Warehouse worker, Driver
Area Ballerup
Working hours Full-time
Can start Right away
Page 1 of 1"""


async def walk(engine, messages) -> list:
    replies: list = []
    for text in messages:
        replies = await say(engine, text)
    return replies


async def test_the_questions_and_buttons_are_english(engine, core):
    await use_locale(core, "en")
    replies = await say(engine, "jeg skal lave et cv")
    assert texts_of(replies) == (
        "I will help you make your CV here in the chat. I will ask one short question at a time. You can always skip, "
        "go back, or stop and continue another day. Your CV is saved as we go.\nWhat is your full name?")
    assert titles(replies) == ["Skip", "Save and stop"] and payloads(replies) == [skip("name"), PAUSE]
    replies = await say(engine, "Mette Hansen")
    assert texts_of(replies) == "Which phone number can employers call? It is only shown in your CV."
    assert titles(replies) == ["Skip", "Back", "Save and stop"]
    await say(engine, "12 34 56 78")
    await say(engine, "mette@example.dk")
    replies = await say(engine, "warehouse worker, driver")
    assert texts_of(replies) == ("Noted: Warehouse worker, Driver.\n"
                                 "Where would you like to work? Write a town or an area.")
    replies = await say(engine, "Ballerup")
    assert texts_of(replies) == "Do you want to work full-time or part-time?"
    assert titles(replies) == ["Full-time", "Part-time", "Both", "Skip", "Back", "Save and stop"]
    replies = await say(engine, pick("hours", "full"))
    assert texts_of(replies) == "Noted: Full-time.\nWhen can you start?"
    assert titles(replies)[0] == "Right away"


async def test_the_whole_walk_ends_with_an_english_overview(engine, core):
    await use_locale(core, "en")
    replies = await walk(engine, WALK)
    assert texts_of(replies) == DONE
    assert titles(replies) == ["Change something", "Check my CV", "Get as PDF", "Save and stop"]


async def test_the_pdf_has_english_headings(engine, core, services):
    await use_locale(core, "en")
    await walk(engine, WALK)
    replies = await say(engine, '/cv{"do": "pdf"}')
    assert texts_of(replies) == ("Here is your CV as a PDF.\nEverything Jobnet (Denmark's public job portal) needs is "
                                 "filled in. Remember to put your CV on Jobnet.dk.")
    file = next(r.file for r in replies if r.file)
    assert file.name == "CV.pdf"
    reader = PdfReader(io.BytesIO((await services.files.get(file.token)).content))
    assert "\n".join(page.extract_text() for page in reader.pages) == PDF_TEXT
    assert reader.metadata.title == "CV"


async def test_pause_and_resume_in_english(engine, core):
    await use_locale(core, "en")
    await walk(engine, WALK[:3])
    await say(engine, PAUSE)
    replies = await say(engine, "jeg skal lave et cv")
    assert texts_of(replies) == ("Welcome back. Let us continue where you stopped.\nWhich e-mail can employers write "
                                 "to? It is only shown in your CV.")
