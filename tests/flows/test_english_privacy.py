"""Privacy in an English conversation: the notice, the export (page and JSON) and deletion with confirmation."""
import json

from sqlalchemy import func, select

from store.models import Citizen
from tests.flows.helpers import payloads, say, texts_of, titles, use_locale
from tests.flows.test_privacy import Headings

NOTICE = """This is what I save about you:
• What: your messages in the chat, your meetings, your CV and your requests to a member of staff. CPR numbers \
(Danish personal ID numbers), phone numbers and e-mails are hidden in the messages before they are saved.
• Why: so that I can help you, and so that a member of staff can take over when you ask for it.
• How long: the messages are deleted after 180 days. If you use the chat without logging in, everything is deleted \
30 days after your last message.
• Who can see it: only staff at the job centre, and only when you ask to talk to a person.
• Why the municipality may do this: it is part of the job centre's tasks as a public authority (General Data \
Protection Regulation, Article 6(1)(e)).
• If you are not satisfied, you can complain to Datatilsynet (the Danish Data Protection Agency) at datatilsynet.dk. \
You can also talk to the job centre first."""
KEPT = """If you delete your data, all of this disappears. The municipality keeps only the things below, and they \
are not connected to you:
• A log of which members of staff have worked with your request. It shows who has seen what.
• A log of what happened in the chat (for example that a meeting was booked), without messages. It is used for \
statistics."""


async def test_the_notice_in_english(engine, core):
    await use_locale(core, "en")
    replies = await say(engine, "hvad gemmer I om mig")
    assert texts_of(replies) == NOTICE
    assert titles(replies) == ["See my data", "Delete my data", "Talk to a person", "Menu"]
    assert payloads(replies) == ["/show_my_data", "/delete_my_data", "/human_handoff", "/capabilities"]


async def test_the_export_page_and_its_headings_are_english(engine, core, services):
    await use_locale(core, "en")
    await say(engine, "hej")
    replies = await say(engine, "/show_my_data")
    assert [r.text for r in replies] == [
        "I have saved 2 messages, 0 meetings and 0 requests to a member of staff from you. Get a copy here:",
        "And here is the same data as a file for computers (JSON):", KEPT]
    assert [r.file.name if r.file else None for r in replies] == ["my-data.html", "my-data.json", None]
    page_file = await services.files.get(replies[0].file.token)
    data = json.loads((await services.files.get(replies[1].file.token)).content)
    assert [m["text"][:9] for m in data["messages"]] == ["hej", "Hi! I am "]  # the transcript as it was shown
    page = page_file.content.decode("utf-8")
    assert '<html lang="en">' in page and "<title>Your data at Jobassistenten</title>" in page
    assert ("Here is everything Jobassistenten had saved about you on Monday 23 November 2026 at 09:00. CPR numbers, "
            "phone numbers and e-mails are hidden in the messages. Times are Danish time.") in page
    headings = Headings()
    headings.feed(page)
    assert set(headings.sections) == set(data)
    assert {"You", "Your chats", "Messages", "Meetings", "Requests to a member of staff", "Files", "Events",
            "Messages sent to you", "If you delete your data"} <= set(headings.h2)
    assert "Monday 23 November 2026 at 09:00" in page and "mandag" not in page


async def test_delete_in_english(engine, core, sessions):
    await use_locale(core, "en")
    replies = await say(engine, "slet mine data")
    assert texts_of(replies) == ("Do you want to delete everything I have saved about you? Your booked meetings will "
                                 "also be cancelled. Statistics and the staff log will be made anonymous. This cannot "
                                 "be undone.")
    assert payloads(replies) == ["/affirm", "/deny"]
    replies = await say(engine, "ja")
    assert texts_of(replies) == "Everything is deleted. If you write again, we start from the beginning."
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Citizen)) == 0


async def test_keeping_the_data_in_english(engine, core):
    await use_locale(core, "en")
    await say(engine, "slet mine data")
    replies = await say(engine, "nej")
    assert texts_of(replies) == "Okay, nothing is deleted." and "/book_meeting" in payloads(replies)
