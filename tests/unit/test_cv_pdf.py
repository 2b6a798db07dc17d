"""The CV as PDF: the entered content comes back out of a PDF text extractor with æ/ø/å and '–' intact,
the font is embedded, and it keeps to one or two pages."""
import io
from datetime import date, datetime, timezone

import pytest
from pypdf import PdfReader

from i18n import Catalog
from services.cv.model import CV, Contact, Education, Job, Language, Profile, Wishes
from services.cv.parsing import parse_period
from services.cv import pdf
from services.cv.pdf import render_pdf

TODAY = date(2026, 11, 23)
TEXTS = Catalog.load().get("da")


def sample_cv() -> CV:
    """A realistic CV (also what reports/cv_sample.png shows)."""
    def p(text: str):
        return parse_period(text, TODAY)

    return CV(
        contact=Contact(name="Mette Ærø Sørensen", phone="12 34 56 78", email="mette.soerensen@example.dk"),
        wishes=Wishes(titles=["Lagermedarbejder", "Truckfører", "Chauffør"], area="Ballerup og omegn", hours="full",
                      start="now"),
        jobs=[Job(title="Lagermedarbejder", employer="Coop Logistik, Høje-Taastrup", period=p("maj 2022 til nu"),
                  tasks=["Plukkede og pakkede ordrer til 40 butikker", "Kørte truck og styrede varemodtagelsen",
                         "Talte lager op hver måned"],
                  results=["Færre fejl i plukningen: fra 12 til 3 om ugen", "Oplærte 5 nye kolleger"]),
              Job(title="Kassemedarbejder", employer="Netto, Ballerup Centret", period=p("2019-2022"),
                  tasks=["Betjente kunder ved kassen", "Fyldte varer op og holdt butikken ren"],
                  results=["Fik ansvar for at åbne butikken"]),
              Job(title="Pædagogmedhjælper", employer="Børnehuset Ågården", hide_employer=True,
                  period=p("aug 2016 - jun 2018"), tasks=["Passede børn på 3–6 år", "Planlagde ture og aktiviteter"])],
        education=[Education(title="Truckcertifikat B", school="AMU Vestegnen", period=p("2021")),
                   Education(title="HF", school="Ballerup Gymnasium", period=p("2012 - 2014")),
                   Education(title="9. klasse", school="Måløvhøj Skole", period=p("2002-2011"))],
        courses=["Førstehjælp (2023)", "Hygiejnebevis", "Kursus i lagerstyring – SAP"],
        skills=["Truckkørsel", "Kundeservice", "Plukning og pakning", "Varemodtagelse", "Kasse", "Microsoft Excel"],
        languages=[Language(name="Dansk", level="native"), Language(name="Engelsk", level="good"),
                   Language(name="Tysk", level="basic")],
        licences=["B", "C"],
        profile=Profile(text="Mine kolleger beskriver mig som rolig, hjælpsom og stabil. Jeg er god til at holde styr "
                             "på mange ting på én gang og til at hjælpe nye kolleger i gang. Mit mål er at arbejde på "
                             "et lager med ansvar for varemodtagelse – gerne med truck."),
    )


def render(cv: CV) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(cv, TEXTS, datetime(2026, 11, 23, tzinfo=timezone.utc))))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_entered_content_is_in_the_pdf_with_danish_letters_intact():
    reader = render(sample_cv())
    text = text_of(reader)
    for expected in ("Mette Ærø Sørensen", "Telefon: 12 34 56 78", "mette.soerensen@example.dk",
                     "Søger job som: Lagermedarbejder, Truckfører, Chauffør", "Profil", "Erhvervserfaring",
                     "maj 2022 – nu", "Coop Logistik, Høje-Taastrup", "Plukkede og pakkede ordrer til 40 butikker",
                     "Resultat: Oplærte 5 nye kolleger", "2019 – 2022", "Pædagogmedhjælper", "Passede børn på 3–6 år",
                     "Uddannelse", "Måløvhøj Skole", "Kurser og certifikater", "Kursus i lagerstyring – SAP",
                     "Kompetencer", "Truckkørsel", "Dansk – modersmål", "Kørekort", "Kategori B, C", "Jobønsker",
                     "Ballerup og omegn", "Fuldtid", "Med det samme", "varemodtagelse – gerne med truck"):
        assert expected in text.replace("\u00a0", " "), expected
    assert "Børnehuset Ågården" not in text  # the citizen chose to hide that workplace


def test_one_or_two_pages_with_the_font_embedded_and_page_numbers():
    reader = render(sample_cv())
    assert 1 <= len(reader.pages) <= 2
    text = text_of(reader)
    assert f"Side 1 af {len(reader.pages)}" in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts.values()]
    assert all("/FontFile2" in d for d in descriptors)  # TrueType embedded (a subset)
    assert {str(f.get_object()["/BaseFont"]).split("+")[-1] for f in fonts.values()} == {"DejaVuSansBook",
                                                                                         "DejaVuSansBold"}
    assert reader.metadata.title == "CV"


def test_a_long_cv_is_set_smaller_to_stay_within_two_pages(monkeypatch):
    cv = sample_cv()
    cv.jobs = [job.model_copy(deep=True) for job in cv.jobs * 3]
    for job in cv.jobs:
        job.tasks.append("Deltog i arbejdsmiljøudvalget og planlagde vagtplaner for hele afdelingen")
    monkeypatch.setattr(pdf, "SIZES", pdf.SIZES[:1])
    assert len(render(cv).pages) == 3  # at the normal size it does not fit
    monkeypatch.undo()
    assert len(render(cv).pages) == 2


@pytest.mark.parametrize("cv", [CV(), CV(contact=Contact(name="Ali")), CV(jobs=[Job(title="Opvasker")])])
def test_a_nearly_empty_cv_still_renders(cv):
    reader = render(cv)
    assert len(reader.pages) == 1 and text_of(reader).strip()
