"""The knowledge base in English: people's translations of the entries and the retrieval over them.

    en = kb.english()                               # built on first use by KnowledgeBase
    hits = en.search("what is kontanthjælp", "ballerup")
    text = en.translation(hits[0].entry)            # None: answer in Danish with one English sentence

Translations live in knowledge/translations/en/<municipality>.yml, keyed by the entry's (municipality, id);
the Danish entry files are never touched. A local entry uses its own layer's text; the national text only
when a person listed the id under `same_as_national` (the content is the same). The index holds, per entry,
the English title, questions and answer plus the Danish title and synonyms, so "what is kontanthjælp"
finds the entry even without an English text. It reuses BM25 from retrieval.py: words (English stopwords,
light suffix stemming, Danish folding) fused 50/50 with character 4-grams, normalised like the Danish index.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import yaml

from knowledge import text as tx
from knowledge.retrieval import BM25, DEFAULT, Decision, Hit
from knowledge.schema import Entry, Translation, TranslationFile

if TYPE_CHECKING:
    from knowledge.retrieval import KnowledgeBase

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LOCALE = "en"
# Share of the character 4-gram score: 0.3 won leave-one-out on the translations' own questions (0.836 top-1,
# 0.931 top-3; words only 0.836 / 0.926, 0.5 as in Danish 0.815 / 0.921); the 4-grams catch typos.
CHAR_WEIGHT = 0.3
# English scores run lower than Danish ones (longer questions, fewer shared words): below this nothing fits.
# Leave-one-out on the translations' own questions + 12 out-of-scope English questions: 0.30 (the Danish value)
# answers 143/189 right and lets 0/12 through, 0.25 152/189 and 0/12, 0.20 158/189 and 1/12.
NONE_BELOW = 0.25

STOPWORDS_EN = frozenset("""
a about am an and any are as at be been being but by can could did do does doing don dont for from get got
had has have having he her here him his how i if im in into is it its just me mine my myself no not now of
on or our please she should so some than that the their them then there these they this those to too us
very was we were what when where which who whom why will with would you your yours yourself hi hello
something anything someone anyone
mean means meaning tell explain english know want wants need needs
""".split())


def stem(word: str) -> str:
    """A light English suffix stemmer: plurals, -ing, -ed, -ly (enough for short questions; Danish words
    mostly pass through, and both sides of the index go through the same function)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ly"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class EnglishAnalyzer:
    """Text → index terms (stemmed, Danish-folded words) and character n-grams."""

    def __init__(self, ngram: int = DEFAULT.ngram) -> None:
        self.ngram = ngram

    def terms(self, text: str) -> list[str]:
        return [tx.fold(stem(w)) for w in tx.tokens(text) if w not in STOPWORDS_EN]

    def grams(self, text: str) -> list[str]:
        out: list[str] = []
        for w in tx.tokens(text):
            if w not in STOPWORDS_EN:
                out.extend(tx.char_ngrams(tx.fold(w), self.ngram))
        return out


def citation(entry: Entry) -> str:
    """The entry's source in English words; the publication keeps its Danish name."""
    return entry.citation(section="section")


@dataclass(frozen=True)
class Translations:
    """Every English text by (municipality, id), checked against the Danish entries."""

    texts: Mapping[tuple[str, str], Translation]
    same_as_national: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def load(cls, entries: Iterable[Entry], root: Path = TRANSLATIONS / LOCALE) -> "Translations":
        files = []
        for path in sorted(root.glob("*.yml")):
            with path.open(encoding="utf-8") as f:
                data = yaml.safe_load(f)
            try:
                parsed = TranslationFile.model_validate(data)
            except ValueError as exc:  # pydantic's message names the entry and field
                raise ValueError(f"{path}: {exc}") from exc
            if parsed.municipality != path.stem:
                raise ValueError(f"{path}: says municipality {parsed.municipality}")
            files.append(parsed)
        return cls.build(files, entries)

    @classmethod
    def build(cls, files: Sequence[TranslationFile], entries: Iterable[Entry]) -> "Translations":
        """Raises ValueError for a text whose entry does not exist, a missing or needless status note, a
        repeated id, or a same_as_national id that has no national text or a text of its own."""
        written = {(e.municipality, e.id): e for e in entries}
        texts: dict[tuple[str, str], Translation] = {}
        same: set[tuple[str, str]] = set()
        for f in files:
            for t in f.translations:
                key = (f.municipality, t.id)
                entry = written.get(key)
                if entry is None:
                    raise ValueError(f"{f.locale}/{f.municipality}: no entry {t.id!r} to translate")
                if key in texts:
                    raise ValueError(f"{f.locale}/{f.municipality}: {t.id} is translated twice")
                if bool(entry.status_note) != bool(t.status_note):
                    raise ValueError(f"{f.locale}/{f.municipality}/{t.id}: the entry is '{entry.status}', so the "
                                     f"translation {'needs' if entry.status_note else 'must not have'} a status_note")
                texts[key] = t
            same |= {(f.municipality, i) for i in f.same_as_national}
        for m, i in same:
            if (m, i) not in written or m == "national" or ("national", i) not in texts or (m, i) in texts:
                raise ValueError(f"same_as_national {m}/{i}: needs a local entry without its own text "
                                 "and a national text")
        return cls(texts, frozenset(same))

    def get(self, entry: Entry) -> Translation | None:
        """The English text of the entry as shown (a local entry: its own layer's text, or the national one
        where a person marked them the same)."""
        key = (entry.municipality, entry.id)
        text = self.texts.get(key)
        if text is None and key in self.same_as_national:
            text = self.texts.get(("national", entry.id))
        return text


class _EnglishIndex:
    """One municipality's entries as English documents (Danish names included), words and 4-grams."""

    def __init__(self, entries: Sequence[Entry], translations: Translations, analyzer: EnglishAnalyzer) -> None:
        self.entries, self.an = list(entries), analyzer
        docs = []
        for e in self.entries:
            names = " ".join([e.title, *e.synonyms])
            t = translations.get(e)
            if t is None:  # found by its Danish names only ("what is revalidering")
                docs.append(" ".join([names] * DEFAULT.title_boost))
            else:
                head = " ".join([f"{t.title} {names}"] * DEFAULT.title_boost)
                words = [*t.questions, *t.keywords]
                twin = translations.texts.get(("national", e.id))
                if twin is not None and twin is not t:  # as in Danish: found by what its national twin is found by
                    words += [*twin.questions, *twin.keywords]
                docs.append(" ".join([head, *words, t.answer, t.details, t.for_whom]))
        self.words = BM25([analyzer.terms(d) for d in docs], DEFAULT.k1, DEFAULT.b)
        self.chars = BM25([analyzer.grams(d) for d in docs], DEFAULT.k1, DEFAULT.b)

    def rank(self, query: str) -> dict[int, float]:
        fused: dict[int, float] = defaultdict(float)
        for bm, feats, w in ((self.words, self.an.terms(query), 1 - CHAR_WEIGHT),
                             (self.chars, self.an.grams(query), CHAR_WEIGHT)):
            if not feats:
                continue
            scores, bound = bm.scores(feats)
            if bound > 0:
                for i, s in scores.items():
                    fused[i] += w * s / bound
        return fused


@dataclass
class English:
    """The English side of a KnowledgeBase: texts per entry and a search over them."""

    kb: "KnowledgeBase"
    translations: Translations
    _indexes: dict[str, _EnglishIndex] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, kb: "KnowledgeBase", root: Path = TRANSLATIONS / LOCALE) -> "English":
        return cls(kb, Translations.load(kb.all_entries(), root))

    def warm(self) -> "English":
        for m in self.kb.by_municipality:
            self._index(m)
        return self

    def translation(self, entry: Entry) -> Translation | None:
        return self.translations.get(entry)

    def decide(self, hits: Sequence[Hit]) -> Decision:
        """KnowledgeBase.decide with the English 'nothing fits' threshold."""
        return self.kb.with_config(replace(self.kb.config, none_below=NONE_BELOW)).decide(hits)

    def _index(self, municipality: str) -> _EnglishIndex:
        if municipality not in self._indexes:
            self._indexes[municipality] = _EnglishIndex(self.kb.entries(municipality), self.translations,
                                                        EnglishAnalyzer())
        return self._indexes[municipality]

    def search(self, text: str, municipality: str, kind: str | None = None,
               entities: Mapping[str, str] | None = None, k: int = 3) -> list[Hit]:
        """Like KnowledgeBase.search, for an English question: entities naming an entry first, then the
        English ranking with the same boost for an entry whose Danish name the question contains."""
        config = self.kb.config
        hits: list[Hit] = []
        for value in (entities or {}).values():
            for e in self.kb._entity_entries(str(value), municipality):
                if all(h.entry.id != e.id for h in hits):
                    hits.append(Hit(e, 1.0, "entity"))
        index = self._index(municipality)
        ranked = index.rank(text) if text and text.strip() else {}
        if config.name_boost and text:
            pos = {e.id: i for i, e in enumerate(index.entries)}
            content = max(1, sum(1 for t in tx.tokens(text) if t not in STOPWORDS_EN))
            for e, n in self.kb._named_in(text, municipality):
                i = pos[e.id]
                ranked[i] = ranked.get(i, 0.0) + config.name_boost * min(1.0, n / content) ** 0.5
        scored = sorted(((s * (config.kind_penalty if kind and index.entries[i].kind != kind else 1.0),
                          index.entries[i]) for i, s in ranked.items()), key=lambda x: -x[0])
        for s, e in scored:
            if len(hits) >= k:
                break
            if all(h.entry.id != e.id for h in hits):
                hits.append(Hit(e, round(s, 4), "text"))
        return hits[:k]
