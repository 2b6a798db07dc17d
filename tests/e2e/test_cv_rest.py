"""The CV builder end to end through the REST endpoint with the real model: walk, review, PDF download."""
import io

from pypdf import PdfReader

from tests.e2e.conftest import chat, text
from tests.flows.test_cv import FULL_WALK


async def test_build_review_and_download_a_cv(client):
    body = []
    for message in FULL_WALK:
        body = await chat(client, message, sender="cv")
    review = text(await chat(client, "kig på mit cv", sender="cv"))
    assert "Jobnet" in review or "CV" in review
    body = await chat(client, '/cv{"do": "pdf"}', sender="cv")
    [attachment] = [m["attachment"] for m in body if "attachment" in m]
    assert attachment["name"].endswith(".pdf")
    resp = await client.get(attachment["url"])
    assert resp.status == 200 and resp.headers["Content-Type"].startswith("application/pdf")
    pdf = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(await resp.read())).pages)
    for expected in ("Erhvervserfaring", "Kassemedarbejder", "Netto", "Ballerup Gymnasium", "12 34 56 78",
                     "mette@example.dk", "Kørekort"):
        assert expected in pdf, expected
    # The contact details are in the PDF and the CV record, never in the chat's stored transcript.
    export = await chat(client, "/show_my_data", sender="cv")
    [data_file] = [m["attachment"] for m in export if m.get("attachment", {}).get("name") == "mine-data.json"]
    exported = await (await client.get(data_file["url"])).text()
    assert '"mette@example.dk"' in exported  # in the cvs table of the export
    assert "[privat svar]" in exported
