"""CV answers typed in a chat: periods, lists, languages with level, licences, contact details, commands.

Expected periods are written 'start..end': '2019..2022', '2020-01..nu' (ongoing), '36m' (a duration only:
the flow asks when it ended), '2019..?' (a start only), '?..2020' (an end only); None is not understood.
"""
from datetime import date

import pytest

from services.cv.commands import Command, parse_command
from services.cv.model import LEVELS, Period, YearMonth
from services.cv.parsing import (follow_up, parse_email, parse_hours, parse_languages, parse_licences, parse_list,
                                 parse_name, parse_period, parse_phone, parse_start, parse_yes_no, says_none)
from services.cv.words import language_name, locales, words

TODAY = date(2026, 11, 23)


def show(period: Period | None) -> str | None:
    if period is None:
        return None
    if period.months:
        return f"{period.months}m"

    def point(ym: YearMonth | None) -> str:
        return "?" if ym is None else f"{ym.year}-{ym.month:02d}" if ym.month else str(ym.year)

    return f"{point(period.start)}..{'nu' if period.ongoing else point(period.end)}"


PERIODS = [
    # the examples
    ("2019-2022", "2019..2022"),
    ("jan 2020 til nu", "2020-01..nu"),
    ("fra marts 2018 og 3 år frem", "2018-03..2021-03"),
    ("3 år", "36m"),
    ("siden 2021", "2021..nu"),
    ("2015 - 2017", "2015..2017"),
    ("maj 19 - aug 21", "2019-05..2021-08"),
    # dashes, words and cases
    ("2019–2022", "2019..2022"),
    ("2019 — 2022", "2019..2022"),
    ("2019 til 2022", "2019..2022"),
    ("fra 2015 til 2017", "2015..2017"),
    ("2019 to 2022", "2019..2022"),
    ("Jan 2020 Til Nu", "2020-01..nu"),
    ("januar 2020 - i dag", "2020-01..nu"),
    ("fra 2017 til idag", "2017..nu"),
    ("2017 - d.d.", "2017..nu"),
    ("2018-nu", "2018..nu"),
    ("2018 -", "2018..nu"),
    ("marts 2018 til stadig", "2018-03..nu"),
    # month forms and typos
    ("febuar 2019 - decmber 2020", "2019-02..2020-12"),
    ("sept. 2018 – okt. 2019", "2018-09..2019-10"),
    ("septemper 2017 til marst 2018", "2017-09..2018-03"),
    ("01/2020 - 03/2021", "2020-01..2021-03"),
    ("1.2020-3.2021", "2020-01..2021-03"),
    ("jan-mar 2020", "2020-01..2020-03"),
    ("januar til marts 2020", "2020-01..2020-03"),
    ("nov - feb 2020", "2019-11..2020-02"),
    ("marts 2018 til juni", "2018-03..2018-06"),
    ("15. marts 2018 - 20. juni 2019", "2018-03..2019-06"),
    ("sommeren 2019", "2019-06..2019-08"),
    # two-digit years
    ("19-21", "2019..2021"),
    ("98-02", "1998..2002"),
    ("'19 - '21", "2019..2021"),
    ("2019-22", "2019..2022"),
    ("2019-05", "2019-05..2019-05"),
    # durations, no æ/ø/å
    ("3 aar", "36m"),
    ("3 ar", "36m"),
    ("to år", "24m"),
    ("halvandet år", "18m"),
    ("et halvt år", "6m"),
    ("1 år og 3 måneder", "15m"),
    ("6 maaneder", "6m"),
    ("2,5 år", "30m"),
    ("i 2 år fra 2018", "2018..2020"),
    ("3 år til 2020", "2017..2020"),
    ("de sidste 2 år", "2024-11..nu"),
    ("2 år til nu", "2024-11..nu"),
    # one point
    ("2019", "2019..2019"),
    ("maj 2019", "2019-05..2019-05"),
    ("for 2 år siden", "2024..2024"),
    ("siden januar", "2026-01..nu"),
    ("fra 2019", "2019..?"),
    ("til 2020", "?..2020"),
    ("nu", "?..nu"),
    # not a period, or impossible
    ("hej", None),
    ("ved ikke", None),
    ("2022-2019", None),
    ("2030", None),
    ("1900-1905", None),
    ("junior", None),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_periods(text, expected):
    assert show(parse_period(text, TODAY)) == expected


def test_the_table_is_large():
    assert len(PERIODS) >= 40


@pytest.mark.parametrize(("partial", "answer", "expected"), [
    ("3 år", "marts 2021", "2018-03..2021-03"),
    ("3 år", "2021", "2018..2021"),
    ("3 år", "nu", "2023-11..nu"),
    ("fra 2019", "2021", "2019..2021"),
    ("fra 2019", "nu", "2019..nu"),
    ("til 2020", "2017", "2017..2020"),
    ("3 år", "2015-2017", "2015..2017"),  # a whole period replaces the part
    ("fra 2019", "2017", None),  # ends before it started
    ("3 år", "ved ikke", None),
])
def test_follow_up_completes_a_partial_period(partial, answer, expected):
    part = parse_period(partial, TODAY)
    assert part is not None and not part.complete
    assert show(follow_up(part, answer, TODAY)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("truck, kasse og kundeservice", ["Truck", "Kasse", "Kundeservice"]),
    ("Jeg kan køre truck; lave mad og gøre rent osv.", ["Køre truck", "Lave mad", "Gøre rent"]),
    ("- excel\n- word\n- outlook", ["Excel", "Word", "Outlook"]),
    ("lager- og logistikarbejde, pakning", ["Lager- og logistikarbejde", "Pakning"]),
    ("førstehjælp/hygiejnebevis + truckcertifikat", ["Førstehjælp", "Hygiejnebevis", "Truckcertifikat"]),
    ("Kasse, kasse, KASSE", ["Kasse"]),
    ("fx rengøring samt opvask m.m.", ["Rengøring", "Opvask"]),
    ("SOSU-hjælper", ["SOSU-hjælper"]),
    ("", []),
])
def test_lists(text, expected):
    assert parse_list(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("dansk flydende, engelsk godt og lidt tysk", [("Dansk", "fluent"), ("Engelsk", "good"), ("Tysk", "basic")]),
    ("Arabisk (modersmål), dansk: godt", [("Arabisk", "native"), ("Dansk", "good")]),
    ("taler flydende engelsk og en smule spansk", [("Engelsk", "fluent"), ("Spansk", "basic")]),
    ("dansk modersmaal, englsk rigtig godt", [("Dansk", "native"), ("Engelsk", "fluent")]),
    ("polsk - modersmål; dansk lidt", [("Polsk", "native"), ("Dansk", "basic")]),
    ("somali og dansk", [("Somali", None), ("Dansk", None)]),
    ("rumænsk, groenlandsk", [("Rumænsk", None), ("Grønlandsk", None)]),
    ("ved ikke", []),
])
def test_languages_with_level(text, expected):
    assert [(x.name, x.level) for x in parse_languages(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("B", ["B"]), ("b og c", ["B", "C"]), ("kørekort B", ["B"]), ("almindeligt kørekort", ["B"]),
    ("har lastbilkørekort", ["C"]), ("C, CE og D", ["C", "CE", "D"]), ("bil og trailer", ["B", "BE"]),
    ("ja", ["B"]), ("nej", []), ("jeg har ikke kørekort", []), ("ingen", []), ("måske", None),
])
def test_driving_licences(text, expected):
    assert parse_licences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("fuldtid", "full"), ("Fuld tid", "full"), ("37 timer", "full"), ("deltid", "part"),
    ("fuldtid eller deltid", "both"), ("begge dele", "both"), ("25 timer", "25 timer"),
    ("weekend og aften", "weekend og aften"),
])
def test_hours(text, expected):
    assert parse_hours(text) == expected


def test_start():
    assert [parse_start(t) for t in ("med det samme", "straks", "1. marts")] == ["now", "now", "1. marts"]


@pytest.mark.parametrize(("text", "expected"), [
    ("12 34 56 78", "12 34 56 78"), ("+45 12345678", "12 34 56 78"), ("0045 1234-5678", "12 34 56 78"),
    ("0046701234567", "+46701234567"), ("123", None), ("ring til mig", None),
])
def test_phone(text, expected):
    assert parse_phone(text) == expected


def test_email_and_name():
    assert parse_email("Min mail er Mette.H@Example.dk.") == "mette.h@example.dk"
    assert parse_email("mette at example dk") is None
    assert parse_name("mette hansen") == "Mette Hansen"
    assert parse_name("Jeg hedder Ali Hassan") == "Ali Hassan"
    assert parse_name("Anne-Marie Sørensen") == "Anne-Marie Sørensen"
    assert parse_name("12345") is None and parse_name("mette@x.dk") is None


def test_short_answers():
    assert [parse_yes_no(t) for t in ("ja", "Ja tak", "slet", "nej", "behold", "stop", "måske")] == [
        True, True, True, False, False, False, None]
    assert all(says_none(t) for t in ("nej", "ingen", "ikke flere", "det er alt", "færdig", "Nej tak"))
    assert not any(says_none(t) for t in ("kassemedarbejder", "ingeniør", "nej jeg har arbejdet i netto i mange år"))


@pytest.mark.parametrize(("text", "expected"), [
    ("kig på mit cv", Command("review")),
    ("kan du give mig tips til mit CV", Command("review")),
    ("hent mit cv som pdf", Command("pdf")),
    ("jeg skal lave et cv", Command("build")),
    ("se mit cv", Command("show")),
    ("ret min uddannelse", Command("edit", "education")),
    ("jeg vil gerne rette mit job", Command("edit", "jobs")),
    ("ændre mit telefonnummer", Command("edit", "contact")),
    ("tilføj et job", Command("add", "jobs")),
    ("slet mit job hos Netto", Command("delete", "jobs", "netto")),
    ("kan du slette mit job hos netto", Command("delete", "jobs", "netto")),
    ("fjern engelsk", Command("delete", None, "engelsk")),
    ("slet mit cv", Command("delete_all")),
    ("slet mine data", None),
    ("slet min aftale", None),
])
def test_commands(text, expected):
    assert parse_command(text) == expected


def test_inside_an_answer_only_edits_and_deletes_that_name_a_section_are_commands():
    assert parse_command("ret min uddannelse", strict=True) == Command("edit", "education")
    assert parse_command("slet mit job hos Netto", strict=True) == Command("delete", "jobs", "netto")
    assert [parse_command(t, strict=True) for t in ("menu", "stop", "kig på mit cv", "slet netto", "hent")] == [
        None] * 5


# Review rules (services/cv/review.py) on small CVs.

def test_review_rules_and_the_caseworker_status_line():
    from i18n import Catalog
    from services.cv.model import CV, Contact, Job, Wishes
    from services.cv.review import gaps, has_action, review, status_line

    texts = Catalog.load().get("da")
    assert has_action("Betjente kunder") and has_action("pakkede ordrer") and has_action("ansvarlig for kassen")
    assert not has_action("kasse og opvask") and not has_action("Kunder")
    cv = CV(contact=Contact(name="Ali", phone="12 34 56 78"), wishes=Wishes(titles=["Kok"]),
            jobs=[Job(title="Kok", period=parse_period("2021-2023", TODAY), tasks=["lavede mad"]),
                  Job(title="Bager", period=parse_period("2015-2019", TODAY), tasks=["bagning"], results=["x"])])
    assert [(a.year, b.year) for a, b in gaps(cv, TODAY)] == [(2019, 2021)]
    assert [t.rule for t in review(cv, TODAY)] == ["jobnet", "gap", "results", "verbs", "profile", "skills"]
    assert status_line(cv, texts) == ("udfyldt: kontaktoplysninger, jobønsker, erhvervserfaring; mangler til Jobnet: "
                                      "Uddannelse, Ansættelsesbetingelser (fuldtid eller deltid)")
    assert status_line(None, texts) == "ikke påbegyndt"


@pytest.mark.parametrize(("text", "expected"), [
    ("Arabic mother tongue, English good, Danish a little", [("Arabic", "native"), ("English", "good"),
                                                             ("Danish", "basic")]),
    ("Arabic mother tongue, Somali fluent", [("Arabic", "native"), ("Somali", "fluent")]),
    ("Tigrinya native and Amharic very good", [("Tigrinya", "native"), ("Amharic", "fluent")]),
    ("I speak Farsi, Dari and Pashto", [("Farsi", None), ("Dari", None), ("Pashto", None)]),
    ("Kurdish native, Turkish not so good", [("Kurdish", "native"), ("Turkish", "basic")]),
    ("Ukrainian; Russian fluent; Polish basic", [("Ukrainian", None), ("Russian", "fluent"), ("Polish", "basic")]),
    ("Romanian, Urdu, French, Spanish, German", [("Romanian", None), ("Urdu", None), ("French", None),
                                                  ("Spanish", None), ("German", None)]),
    ("English very well and some Danish", [("English", "fluent"), ("Danish", "basic")]),
    ("Sign language good", [("Sign language", "good")]),
    ("englsh fluent", [("English", "fluent")]),  # a typo
    ("arabisk modersmål, dansk lidt", [("Arabic", "native"), ("Danish", "basic")]),  # Danish words mixed in
    ("Wolof fluent", [("Wolof", "fluent")]),  # not in languages.yml: kept as written
    ("Somali native, Wolof", [("Somali", "native"), ("Wolof", None)]),  # beside a known one: kept
    ("I don't know", []),
])
def test_languages_in_english(text, expected):
    assert [(x.name, x.level) for x in parse_languages(text, "en")] == expected


def test_unknown_language_names_in_danish_are_kept_too():
    assert [(x.name, x.level) for x in parse_languages("somali flydende, wolof lidt")] == [
        ("Somali", "fluent"), ("Wolof", "basic")]
    assert [(x.name, x.level) for x in parse_languages("Arabic godt")] == [("Arabisk", "good")]


def test_language_names_follow_the_cvs_language():
    assert [language_name(n, "en") for n in ("Engelsk", "Rumænsk", "Arabic", "Wolof")] == [
        "English", "Romanian", "Arabic", "Wolof"]
    assert [language_name(n, "da") for n in ("English", "Danish", "Engelsk")] == ["Engelsk", "Dansk", "Engelsk"]


def test_no_more_in_english():
    assert all(says_none(t, "en") for t in ("no more", "No", "none", "That's all", "that’s all", "nothing",
                                            "no thanks", "ikke flere", "I have no more jobs"))
    assert not any(says_none(t, "en") for t in ("cashier", "Nordea", "nurse", "nothingness school"))
    assert not says_none("no more")  # Danish conversations read Danish words only, as before


def test_word_files_are_complete():
    assert locales() >= {"da", "en"}
    for locale in locales():
        w = words(locale)
        assert set(w.level_words.values()) | {lv for _, lv in w.level_phrases} == set(LEVELS)
        assert w.marker and set(w.leads) == {"strengths", "described", "next"}
    assert words("en-GB").locale == "en" and words("xx").locale == "da"


@pytest.mark.parametrize(("text", "expected"), [
    ("B", ["B"]), ("b and c", ["B", "C"]), ("car", ["B"]), ("truck licence", ["C"]), ("car and trailer", ["B", "BE"]),
    ("yes", ["B"]), ("no", []), ("I do not have a driving licence", []), ("none", []),
    ("No, I am sorry", []),  # 'am' and 'be' are English words here: AM and BE only in capitals
    ("AM and BE", ["AM", "BE"]), ("maybe", None),
])
def test_driving_licences_in_english(text, expected):
    assert parse_licences(text, "en") == expected


def test_hours_and_start_in_english():
    assert [parse_hours(t, "en") for t in ("full time", "Full-time", "part-time", "37 hours", "both",
                                           "full-time or part-time", "doesn't matter", "25 hours", "evenings")] == [
        "full", "full", "part", "full", "both", "both", "both", "25 hours", "evenings"]
    assert [parse_start(t, "en") for t in ("right away", "now", "Immediately", "as soon as possible", "1 March")] == [
        "now", "now", "now", "now", "1 March"]
    assert parse_hours("fuldtid", "en") == "full" and parse_start("med det samme", "en") == "now"  # Danish mixed in
