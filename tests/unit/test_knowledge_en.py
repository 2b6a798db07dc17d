"""English knowledge texts: the translation rules, the Danish glosses and English retrieval (top-1/top-3)."""
import datetime as dt

import pytest
from pydantic import ValidationError

from knowledge import KnowledgeBase
from knowledge.english import STOPWORDS_EN, EnglishAnalyzer, Translations, citation, stem
from knowledge.schema import TranslationFile

REVIEWED = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load().warm()


def text(id_: str, **over) -> dict:
    base = {"id": id_, "title": "Fleksjob (flexible job)", "questions": [f"question {i}" for i in range(6)],
            "answer": "A fleksjob (flexible job) is a job on special terms. You work the hours you can.",
            "details": "Some details here.", "for_whom": "People who can work a little.",
            "next_step": "Talk to a person", "translated_by": "Jobassistenten team", "reviewed": "2026-12-04"}
    return base | over


def layer(municipality: str, *texts: dict, same: tuple[str, ...] = ()) -> TranslationFile:
    return TranslationFile.model_validate({"locale": "en", "municipality": municipality,
                                           "same_as_national": list(same), "translations": list(texts)})


# --- the files --------------------------------------------------------------------------------

def test_the_30_most_asked_national_entries_and_their_local_overrides_have_english_texts_by_people(kb):
    texts = kb.english().translations.texts
    national = {i for m, i in texts if m == "national"}
    assert len(national) >= 30
    for (m, i), t in texts.items():
        assert kb.get(i, m if m != "national" else "national") is not None
        assert t.translated_by == "Jobassistenten team" and t.reviewed == REVIEWED, (m, i)
        assert 6 <= len(t.questions) <= 12
    # a chosen national entry with a local override is translated in that layer too
    for e in kb.all_entries():
        if e.municipality != "national" and e.id in national:
            assert (e.municipality, e.id) in texts, (e.municipality, e.id)


def test_every_english_text_was_reviewed_after_its_danish_entry(kb):
    # when a Danish entry is edited and re-reviewed, its English text must be reviewed again
    for (m, i), t in kb.english().translations.texts.items():
        entry = next(e for e in kb.all_entries() if (e.municipality, e.id) == (m, i))
        assert t.reviewed >= entry.reviewed, (m, i)


def test_every_changing_scheme_has_its_status_note_in_english(kb):
    for (m, i), t in kb.english().translations.texts.items():
        entry = next(e for e in kb.all_entries() if (e.municipality, e.id) == (m, i))
        assert bool(t.status_note) == (entry.status != "gældende"), (m, i)


TERMS = ("kontanthjælp", "dagpenge", "a-kasse", "løntilskud", "jobparat", "aktivitetsparat", "arbejdspligt",
         "virksomhedspraktik", "nytteindsats", "sagsbehandler")


def glossed(answer: str, term: str) -> bool:
    """The term's first use is 'term (gloss)' or in brackets after the English words ('wage subsidy (løntilskud)')."""
    low = answer.lower()
    i = low.find(term)
    inside = low.rfind("(", 0, i) > low.rfind(")", 0, i)
    return i < 0 or low[i + len(term):].startswith(" (") or inside


def test_danish_terms_keep_their_name_with_an_english_gloss_on_first_use(kb):
    for key, t in kb.english().translations.texts.items():
        for term in TERMS:
            assert glossed(t.answer, term), (key, term)
    assert "kontanthjælp (social assistance)" in kb.english().translations.texts["national", "kontanthjaelp"].answer


# --- the rules, each able to fail ---------------------------------------------------------------

def test_a_translation_of_an_entry_that_does_not_exist_fails(kb):
    with pytest.raises(ValueError, match="no entry 'flexjobb'"):
        Translations.build([layer("national", text("flexjobb"))], kb.all_entries())
    with pytest.raises(ValueError, match="no entry 'fleksjob'"):  # Hvidovre has no fleksjob of its own
        Translations.build([layer("hvidovre", text("fleksjob"))], kb.all_entries())


def test_a_changing_scheme_without_an_english_status_note_fails(kb):
    assert kb.get("ressourceforloeb", "national").status_note
    with pytest.raises(ValueError, match="needs a status_note"):
        Translations.build([layer("national", text("ressourceforloeb"))], kb.all_entries())
    with pytest.raises(ValueError, match="must not have a status_note"):
        Translations.build([layer("national", text("fleksjob", status_note="It changes."))], kb.all_entries())


def test_an_answer_of_more_than_three_sentences_fails():
    with pytest.raises(ValidationError, match="answer has 4 sentences"):
        layer("national", text("fleksjob", answer="One thing. Two things. Three things. Four things."))
    with pytest.raises(ValidationError, match="translated_by"):
        layer("national", {k: v for k, v in text("fleksjob").items() if k != "translated_by"})
    with pytest.raises(ValidationError, match="Extra inputs"):
        layer("national", text("fleksjob", machine_translated=True))


def test_a_local_entry_uses_the_national_text_only_where_a_person_marked_them_the_same(kb):
    local = kb.get("smaajob", "gentofte")
    national = layer("national", text("smaajob", title="Small jobs"))
    marked = Translations.build([national, layer("gentofte", same=("smaajob",))], kb.all_entries())
    unmarked = Translations.build([national], kb.all_entries())
    assert marked.get(local).title == "Small jobs"
    assert unmarked.get(local) is None
    with pytest.raises(ValueError, match="same_as_national gentofte/fleksjob"):
        Translations.build([national, layer("gentofte", same=("fleksjob",))], kb.all_entries())


def test_the_english_analyzer_stems_folds_and_drops_stopwords():
    assert stem("jobs") == "job" and stem("applications") == "application" and stem("studies") == "study"
    assert stem("looking") == "look" and stem("analysis") == "analysis"
    assert EnglishAnalyzer().terms("What is the kontanthjælp for jobs?") == ["kontanthjalp", "job"]
    assert {"what", "is", "the"} <= STOPWORDS_EN


def test_the_english_source_line_keeps_the_danish_publication_name(kb):
    assert citation(kb.get("virksomhedspraktik", "ballerup")) == (
        "Ballerup Kommune, Indsats- og aktiveringsstrategi (2020), section 'De jobparate borgere'")


# --- retrieval: written for this test, never used as translation questions ----------------------
# (question, municipality, expected entry)
QUESTIONS = [
    ("how much money do I get on kontanthjælp", "ballerup", "kontanthjaelp"),
    ("I have no work and no money, who pays my rent", "gentofte", "kontanthjaelp"),
    ("they tell me i must do 37 hour tasks for my benefit", "hvidovre", "arbejdspligt"),
    ("can I go to my home country for vacation while unemployed", "ballerup", "raadighed"),
    ("kommune took some of my money because i was not at meeting", "gentofte", "sanktion"),
    ("is the rule about 225 hours still true", "hvidovre", "timeregel_225"),
    ("what means job parat in my letter", "ballerup", "jobparat"),
    ("my caseworker wrote aktivitetsparat, what is that", "gentofte", "aktivitetsparat"),
    ("how often do I need meetings with my caseworker", "hvidovre", "kontaktforloeb"),
    ("is the job center closed now after the reform", "ballerup", "jobcenter"),
    ("how can I book my own meeting time", "gentofte", "selvbook"),
    ("where should i write down the jobs I have applied", "hvidovre", "joblog"),
    ("how long is the integration programme for refugee", "ballerup", "integrationsprogram"),
    ("i am new in denmark and need help to find work", "gentofte", "integration_job"),
    ("work with salary and school at the same time for refugees", "hvidovre", "igu"),
    ("I dont speak danish well, can I still find a job", "ballerup", "svagt_dansk"),
    ("can I try to work in a company to get experience", "gentofte", "virksomhedspraktik"),
    ("what is a job where the employer gets subsidy for my salary", "hvidovre", "loentilskud"),
    ("must I do unpaid tasks in the park for the kommune", "ballerup", "nytteindsats"),
    ("i want a job only 8 hours per week", "gentofte", "smaajob"),
    ("i am sick for long time and can only work little, special job", "hvidovre", "fleksjob"),
    ("can kommune pay for me to take a truck certificate", "ballerup", "opkvalificering"),
    ("I want a person who helps me in the first weeks of my new job", "gentofte", "mentor"),
    ("what happens with ressourceforløb now", "hvidovre", "ressourceforloeb"),
    ("how do I make my cv better", "ballerup", "cv"),
    ("how to write cover letter for a job", "gentofte", "ansoegning"),
    ("tomorrow I have an interview with an employer, any tips", "hvidovre", "jobsamtale"),
    ("my son is 17 and has no school, is there something for him", "ballerup", "fgu"),
    ("I want to become a car mechanic, which education", "gentofte", "eud"),
    ("my daughter must start education or lose her kontanthjælp", "hvidovre", "uddannelsespaalaeg"),
    ("who guides young people under 25 about education", "ballerup", "kui"),
    ("youth centre in gentofte for young without job", "gentofte", "kui"),
    ("small jobs hvidovre few hours", "hvidovre", "smaajob"),
    # no English text: found by the Danish name in the English question
    ("what is revalidering", "ballerup", "revalidering"),
    ("can you explain voksenlærling", "gentofte", "voksenlaerling"),
    ("what is STAR", "hvidovre", "star"),
]

# Written after the last change to the English index and texts and run once (the clean number, README.md).
QUESTIONS_2 = [
    ("which rate of social assistance will i get as a 25 year old", "ballerup", "kontanthjaelp"),
    ("do I have to tell kommune before I fly to turkey for two weeks", "gentofte", "raadighed"),
    ("what does it mean when they say I have to be available", "hvidovre", "raadighed"),
    ("I forgot my appointment, will they reduce my payment?", "ballerup", "sanktion"),
    ("resume help please, I dont know what to write", "gentofte", "cv"),
    ("can my wife get some job hours while she learns danish", "hvidovre", "smaajob"),
    ("is there a job where I go to school two days and work three days, I am from syria", "ballerup", "igu"),
    ("I finished 9th grade and want to be a plumber", "gentofte", "eud"),
    ("why does the letter say jobcentret is now just kommunen", "hvidovre", "jobcenter"),
    ("what is the deadline to book my next samtale myself", "gentofte", "selvbook"),
    ("my back hurts and I can only work 15 hours, what job can I get", "ballerup", "fleksjob"),
    ("company wants to hire me but they want support from kommune for the wage", "hvidovre", "loentilskud"),
    ("where do I register the applications I send", "ballerup", "joblog"),
    ("my brother is 22, has no education and sits at home all day", "gentofte", "kui"),
    ("do I lose my money if I dont start an education, I am 24", "hvidovre", "uddannelsespaalaeg"),
    ("how should I answer when they ask tell me about yourself", "ballerup", "jobsamtale"),
]


def test_the_question_tables_are_not_the_translation_questions(kb):
    own = {q.lower() for t in kb.english().translations.texts.values() for q in t.questions}
    asked = [q.lower() for q, _, _ in QUESTIONS + QUESTIONS_2]
    assert len(QUESTIONS) >= 30 and not set(asked) & own


def hit_rates(kb, table) -> tuple[float, float, list]:
    top1 = top3 = 0
    misses = []
    for q, m, want in table:
        ids = [h.entry.id for h in kb.search(q, m, locale="en")]
        top1 += ids[:1] == [want]
        top3 += want in ids
        if ids[:1] != [want]:
            misses.append((q, want, ids))
    return top1 / len(table), top3 / len(table), misses


def test_english_questions_find_their_entry(kb):
    # floors against regressions at the measured rates (README.md): table 1 1.000 / 1.000 after tuning on it
    # (0.806 / 0.889 before), table 2 0.688 / 0.812 run once
    for name, table, floor1, floor3 in (("table 1 (tuned on)", QUESTIONS, 0.9, 0.95),
                                        ("table 2 (clean)", QUESTIONS_2, 0.65, 0.8)):
        top1, top3, misses = hit_rates(kb, table)
        print(f"\nEnglish retrieval, {name}, {len(table)} questions: top-1 {top1:.3f}, top-3 {top3:.3f}; {misses}")
        assert top1 >= floor1 and top3 >= floor3, misses


def test_an_english_question_naming_a_danish_term_answers_even_without_an_english_text(kb):
    decision = kb.english().decide(kb.search("what is revalidering", "ballerup", "term", locale="en"))
    assert decision.action == "answer" and decision.entry.id == "revalidering"
    assert kb.english().translation(decision.entry) is None
    assert kb.english().decide(kb.search("when does the pizza place open", "ballerup", locale="en")).action == "none"


def test_danish_search_is_unchanged_by_the_locale_default(kb):
    assert [h.entry.id for h in kb.search("hvad er et løntilskudsjob", "gentofte")] == \
        [h.entry.id for h in kb.search("hvad er et løntilskudsjob", "gentofte", locale="da")]
