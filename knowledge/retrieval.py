"""Finding the entry that answers a citizen's question, per municipality.

    kb = KnowledgeBase.load()                       # knowledge/ next to this file; < 1 s
    hits = kb.search("hvad er et løntilskudsjob", "gentofte", entities={"local_offer": "løntilskud"})
    decision = kb.decide(hits)                      # answer / choose / none

Order of evidence: an NLU entity whose value names an entry (its id, title or a synonym) wins; else a
ranking over the entries' example questions, title and synonyms. The ranking is BM25 over Danish
word stems (Snowball, folded æ/ø/å, stopwords removed, compounds split into known parts) fused with
BM25 over character 4-grams (typos, unknown compounds, inflections), plus a linear classifier trained on
the entries' wording (knowledge/classifier.py) that tells neighbouring entries apart. tools/kb_eval.py
measures the variants; DEFAULT is the one that won on the entries' own questions (5-fold), see README.md.
"""
from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Literal, Mapping, Sequence

import yaml

from knowledge import text as tx
from knowledge.classifier import EntryClassifier
from knowledge.schema import MUNICIPALITIES, Entry, EntryFile, LegalSource, LegalSourcesFile

if TYPE_CHECKING:
    from knowledge.english import English

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent


# --- configuration -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Config:
    """One retrieval variant. tools/kb_eval.py builds the others from DEFAULT with dataclasses.replace."""

    fold: bool = True                     # æ/ae→a, ø/oe→o, å/aa→a
    stopwords: Literal["none", "nltk", "all"] = "all"
    stemmer: Literal["none", "snowball", "light", "lemma"] = "snowball"
    compounds: bool = True                # split 'løntilskudsjob' into known parts 'løntilskud' + 'job'
    suffix_split: bool = False            # ... and an unknown compound's known last part ('kræftsygdom' → 'sygdom')
    # BM25 documents: one per example question (an entry scores its best), one per entry (all its questions
    # in one bag), or both fused with `entry_weight` for the per-entry score
    granularity: Literal["question", "entry", "both"] = "entry"
    entry_weight: float = 0.5
    body: bool = True                     # the per-entry document also holds the answer, details and for_whom
    char_weight: float = 0.5              # share of the character n-gram score in the fused score (0: words only)
    ngram: int = 4
    title_boost: int = 2                  # title and synonyms repeated in every document
    k1: float = 1.2
    b: float = 0.75
    thesaurus_weight: float = 0.3         # weight of words added from knowledge/thesaurus.yml (0: off)
    name_boost: float = 0.3               # added to an entry whose id, title or synonym the question contains
    kind_penalty: float = 0.75            # score factor for entries of another kind than the one asked for
    # knowledge/classifier.py: a linear SVM over the entries' wording adds clf_weight × softmax(margins),
    # only when BM25's best ≥ none_below or the classifier gives one entry ≥ clf_sure (0: always)
    clf_weight: float = 0.5               # 0: off (BM25 only)
    clf_c: float = 1.0
    clf_temp: float = 5.0                 # softmax temperature over the SVM margins
    clf_keywords: bool = True             # train on keywords too
    clf_body: bool = True                 # and on the sentences of answer, details and for_whom
    clf_sure: float = 0.9
    # decide(): below `none_below` nothing is good; within `close_ratio` of the best, let the citizen choose
    none_below: float = 0.30
    close_ratio: float = 0.75
    choose_named: bool = True             # the question names 2-3 of the hits: let the citizen choose


DEFAULT = Config()
ENTITY_MIN, ENTITY_AHEAD = 0.5, 0.8  # an entity value that is no exact name must rank this clearly first


# --- results -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float                 # entity match: 1.0; text: fused, normalised BM25 (about 0..1)
    via: Literal["entity", "text"] = "text"
    named: bool = False          # the question names this entry (id, title or a synonym)


@dataclass(frozen=True)
class Decision:
    """What to do with the hits: answer with one entry, let the citizen choose, or say nothing fits."""

    action: Literal["answer", "choose", "none"]
    hits: tuple[Hit, ...] = ()   # answer: the one; choose: 2-3 candidates, best first; none: empty

    @property
    def entry(self) -> Entry | None:
        return self.hits[0].entry if self.action == "answer" else None

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(h.entry for h in self.hits)


# --- analysis ------------------------------------------------------------------------------------

class Analyzer:
    """Text → index terms (words) and character n-grams, per Config."""

    def __init__(self, config: Config, lemmas: Mapping[str, str] | None = None) -> None:
        self.config = config
        self.lemmas = lemmas or {}
        self.stop = {"none": frozenset(), "nltk": tx.STOPWORDS_NLTK, "all": tx.STOPWORDS}[config.stopwords]
        self.vocab: frozenset[str] = frozenset()  # known terms, for compound splitting (set by the index)
        self.groups: list[list[frozenset[str]]] = []  # thesaurus groups: members as sets of terms
        self._splits: dict[frozenset[str], dict[str, list[str]]] = {}
        # Stemming dominates indexing time and the same few thousand words recur across 1,275 questions.
        self._normed: dict[str, str] = {}

    def set_thesaurus(self, groups: Sequence[Sequence[str]]) -> None:
        self.groups = []
        for g in groups:
            members = [frozenset(self.base_terms(m)) for m in g]
            self.groups.append([m for m in members if m])

    def expand(self, terms: Sequence[str]) -> dict[str, float]:
        """Terms related to the query's through a thesaurus group, at thesaurus_weight."""
        w = self.config.thesaurus_weight
        if w <= 0 or not self.groups:
            return {}
        have = set(terms)
        out: dict[str, float] = {}
        for g in self.groups:
            if any(m <= have for m in g):
                for m in g:
                    for t in m - have:
                        out[t] = w
        return out

    def _norm(self, word: str) -> str:
        hit = self._normed.get(word)
        if hit is None:
            hit = self._normed[word] = self._norm_uncached(word)
        return hit

    def _norm_uncached(self, word: str) -> str:
        c = self.config
        if c.stemmer == "snowball":
            word = tx.stem(word)
        elif c.stemmer == "light":
            word = tx.light_stem(word)
        elif c.stemmer == "lemma":
            word = self.lemmas.get(word, word)
        return tx.fold(word) if c.fold else word

    def base_terms(self, text: str) -> list[str]:
        return [self._norm(w) for w in tx.tokens(text) if w not in self.stop]

    def terms(self, text: str) -> list[str]:
        out = self.base_terms(text)
        if self.config.compounds and self.vocab:
            extra = []
            for t in out:
                extra.extend(p for p in self.split(t) if p != t)
            out.extend(extra)
        return out

    def split(self, term: str) -> list[str]:
        """Known parts of a compound: 'lontilskudsjob' → ['lontilskud', 'job'] when both are known terms."""
        cache = self._splits.get(self.vocab)
        if cache is None:
            cache = self._splits[self.vocab] = {}
        if term not in cache:
            cache[term] = _split(term, self.vocab, suffix=self.config.suffix_split) or []
        return cache[term]

    def grams(self, text: str) -> list[str]:
        n = self.config.ngram
        out: list[str] = []
        for w in tx.tokens(text):
            if w in self.stop:
                continue
            w = tx.fold(w) if self.config.fold else w
            out.extend(tx.char_ngrams(w, n))
        return out


_LINKS = ("s", "e", "")


def _split(term: str, vocab: frozenset[str], depth: int = 0, suffix: bool = False) -> list[str] | None:
    """Greedy longest-known-prefix split with Danish linking letters (s, e); parts of 3+ letters."""
    if depth > 3 or len(term) < 6:
        return None
    for i in range(len(term) - 3, 2, -1):
        head = term[:i]
        if head not in vocab:
            continue
        rest = term[i:]
        for link in _LINKS:
            if link and not rest.startswith(link):
                continue
            tail = rest[len(link):]
            if len(tail) < 3:
                continue
            if tail in vocab:
                return [head, tail]
            deeper = _split(tail, vocab, depth + 1)
            if deeper:
                return [head, *deeper]
    # no full split: a long known prefix still says a lot ('virksomhedspraktikforløbet' → 'virksomhedspraktik'),
    # and so does a known last part, the head of a Danish compound ('kræftsygdom' → 'sygdom')
    parts = next(([term[:i]] for i in range(len(term) - 3, 5, -1) if term[:i] in vocab), [])
    if suffix and depth == 0:
        parts += next(([term[i:]] for i in range(3, len(term) - 4) if term[i:] in vocab), [])
    return parts or None


# --- BM25 ----------------------------------------------------------------------------------------

class BM25:
    """Okapi BM25 over small in-memory documents, with a query's upper bound for normalising."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float, b: float) -> None:
        self.k1, self.b = k1, b
        self.tf = [Counter(d) for d in docs]
        self.len = [len(d) for d in docs]
        self.avg = (sum(self.len) / len(docs)) if docs else 1.0
        df: Counter[str] = Counter()
        for c in self.tf:
            df.update(c.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5) if n else 1.0
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self.tf):
            for t in c:
                self.postings[t].append(i)

    def scores(self, query: Sequence[str], extra: Mapping[str, float] | None = None) -> tuple[dict[int, float], float]:
        """Scores of the documents that share a term with the query, and the query's upper bound.

        extra: expansion terms with their weights; they add to the scores but not to the bound.
        """
        out: dict[int, float] = defaultdict(float)
        bound = 0.0
        weights: dict[str, float] = {}
        for t in query:
            weights[t] = 1.0
        for t, w in (extra or {}).items():
            weights.setdefault(t, w)
        for t in set(query):
            idf = self.idf.get(t)
            bound += (idf if idf is not None else self.max_idf) * (self.k1 + 1)
        for t, w in weights.items():
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i in self.postings[t]:
                f = self.tf[i][t]
                norm = f + self.k1 * (1 - self.b + self.b * self.len[i] / self.avg)
                out[i] += w * idf * f * (self.k1 + 1) / norm
        return out, bound


# --- the index of one municipality ---------------------------------------------------------------

class _Index:
    def __init__(self, entries: Sequence[Entry], config: Config, analyzer: Analyzer) -> None:
        self.entries = list(entries)
        self.config, self.an = config, analyzer
        q_texts: list[str] = []
        self.q_owner: list[int] = []
        e_texts: list[str] = []
        for i, e in enumerate(self.entries):
            head = " ".join([" ".join([e.title, *e.synonyms])] * config.title_boost)
            for q in e.questions:
                q_texts.append(f"{head} {q}")
                self.q_owner.append(i)
            body = [e.answer, e.details, e.for_whom, " ".join(e.keywords)] if config.body else []
            e_texts.append(" ".join([head, *e.questions, *body]))
        use_q = config.granularity in ("question", "both")
        use_e = config.granularity in ("entry", "both")
        # vocabulary first (for compound splitting), then the split-aware documents
        analyzer.vocab = frozenset(t for s in (*q_texts, *e_texts) for t in analyzer.base_terms(s))
        self.vocab = analyzer.vocab
        self.indexes: list[tuple[str, str, BM25]] = []  # (feature: words|chars, level: q|e, bm25)
        for feature, fn in (("words", analyzer.terms), ("chars", analyzer.grams)):
            if (feature == "words" and config.char_weight >= 1) or (feature == "chars" and config.char_weight <= 0):
                continue
            if use_q:
                self.indexes.append((feature, "q", BM25([fn(t) for t in q_texts], config.k1, config.b)))
            if use_e:
                self.indexes.append((feature, "e", BM25([fn(t) for t in e_texts], config.k1, config.b)))

    def rank(self, query: str) -> list[tuple[int, float]]:
        c = self.config
        self.an.vocab = self.vocab
        q_feats = {"words": self.an.terms(query) if c.char_weight < 1 else [],
                   "chars": self.an.grams(query) if c.char_weight > 0 else []}
        extra = {"words": self.an.expand(q_feats["words"]), "chars": {}}
        fused: dict[int, float] = defaultdict(float)
        for feature, level, bm in self.indexes:
            q = q_feats[feature]
            if not q:
                continue
            scores, bound = bm.scores(q, extra[feature])
            if bound <= 0:
                continue
            w = c.char_weight if feature == "chars" else 1 - c.char_weight
            if c.granularity == "both":
                w *= c.entry_weight if level == "e" else 1 - c.entry_weight
            if level == "e":
                for e, sc in scores.items():
                    fused[e] += w * sc / bound
            else:
                best: dict[int, float] = {}
                for doc, sc in scores.items():
                    e = self.q_owner[doc]
                    if sc > best.get(e, 0.0):
                        best[e] = sc
                for e, sc in best.items():
                    fused[e] += w * sc / bound
        return sorted(fused.items(), key=lambda x: -x[1])


def _key(s: str) -> str:
    """An entity value or synonym as a comparable key: folded, no spaces, hyphens or dots."""
    return "".join(tx.fold(t) for t in tx.tokens(s))


# --- the knowledge base --------------------------------------------------------------------------

@dataclass
class KnowledgeBase:
    """All entries, the effective view per municipality (local wins over national) and their indexes."""

    by_municipality: dict[str, list[Entry]]
    legal_sources: dict[str, LegalSource]
    config: Config = DEFAULT
    lemmas: Mapping[str, str] | None = None
    thesaurus: tuple[tuple[str, ...], ...] = ()
    written: tuple[Entry, ...] = ()       # every entry as written (national and local), for checks and reports
    _indexes: dict[str, _Index] = field(default_factory=dict, repr=False)
    _names: dict[str, dict[str, list[Entry]]] = field(default_factory=dict, repr=False)
    _english: English | None = field(default=None, repr=False)
    _clf: EntryClassifier | None = field(default=None, repr=False)

    # loading -------------------------------------------------------------------------------------
    @classmethod
    def load(cls, root: str | Path | None = None, config: Config = DEFAULT,
             lemmas: Mapping[str, str] | None = None) -> "KnowledgeBase":
        """Read and validate knowledge/entries/<municipality>/*.yml and knowledge/legal_sources.yml.

        Raises ValueError on an invalid entry, a file in the wrong folder, a duplicate id within one
        municipality or an unknown legal_source ref: a broken knowledge base never loads half-way.
        """
        root = Path(root) if root else ROOT
        entries = cls.read_entries(root)
        legal = LegalSourcesFile.model_validate(_yaml(root / "legal_sources.yml")).sources
        for e in entries:
            if e.legal_source and e.legal_source.ref not in legal:
                raise ValueError(f"{e.municipality}/{e.id}: unknown legal_source ref {e.legal_source.ref!r}")
        thesaurus = _thesaurus(root / "thesaurus.yml")
        return cls.from_entries(entries, legal, config, lemmas, thesaurus)

    @staticmethod
    def read_entries(root: Path) -> list[Entry]:
        out: list[Entry] = []
        seen: set[tuple[str, str]] = set()
        for folder in sorted((root / "entries").iterdir()):
            if not folder.is_dir():
                continue
            if folder.name not in MUNICIPALITIES:
                raise ValueError(f"unknown municipality folder: {folder}")
            for path in sorted(folder.glob("*.yml")):
                try:
                    data = EntryFile.model_validate(_yaml(path))
                except Exception as exc:  # pydantic's message names the entry and field
                    raise ValueError(f"{path}: {exc}") from exc
                for e in data.entries:
                    if e.municipality != folder.name:
                        raise ValueError(f"{path}: entry {e.id} says municipality {e.municipality}")
                    if (e.municipality, e.id) in seen:
                        raise ValueError(f"{path}: duplicate id {e.id} in {e.municipality}")
                    seen.add((e.municipality, e.id))
                    out.append(e)
        return out

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], legal: Mapping[str, LegalSource] | None = None,
                     config: Config = DEFAULT, lemmas: Mapping[str, str] | None = None,
                     thesaurus: Sequence[Sequence[str]] = ()) -> "KnowledgeBase":
        entries = list(entries)
        national = {e.id: e for e in entries if e.municipality == "national"}
        by: dict[str, list[Entry]] = {"national": list(national.values())}
        for m in MUNICIPALITIES[1:]:
            merged = dict(national)
            for e in entries:
                if e.municipality == m:
                    merged[e.id] = _inherit(e, national.get(e.id))
            by[m] = list(merged.values())
        return cls(by, dict(legal or {}), config, lemmas, tuple(tuple(g) for g in thesaurus), tuple(entries))

    def with_config(self, config: Config, lemmas: Mapping[str, str] | None = None) -> "KnowledgeBase":
        return KnowledgeBase(self.by_municipality, self.legal_sources, config, lemmas or self.lemmas,
                             self.thesaurus, self.written)

    # looking up ----------------------------------------------------------------------------------
    def _view(self, municipality: str) -> str:
        if municipality in self.by_municipality:
            return municipality
        log.warning("knowledge: unknown municipality %r, using the national entries", municipality)
        return "national"

    def entries(self, municipality: str) -> list[Entry]:
        """The entries a citizen of this municipality sees (local ones replace national ones by id)."""
        return list(self.by_municipality[self._view(municipality)])

    def all_entries(self) -> list[Entry]:
        """Every entry as written, national and local (for checks and reports)."""
        return list(self.written)

    def get(self, entry_id: str, municipality: str) -> Entry | None:
        return next((e for e in self.by_municipality[self._view(municipality)] if e.id == entry_id), None)

    def legal(self, entry: Entry) -> LegalSource | None:
        return self.legal_sources.get(entry.legal_source.ref) if entry.legal_source else None

    def _index(self, municipality: str) -> _Index:
        m = self._view(municipality)
        if m not in self._indexes:
            an = Analyzer(self.config, self.lemmas)
            an.set_thesaurus(self.thesaurus)
            self._indexes[m] = _Index(self.by_municipality[m], self.config, an)
        return self._indexes[m]

    def _by_name(self, municipality: str) -> dict[str, list[Entry]]:
        m = self._view(municipality)
        if m not in self._names:
            names: dict[str, list[Entry]] = defaultdict(list)
            for e in self.by_municipality[m]:
                for n in {e.id, e.title, *e.synonyms}:
                    k = _key(n)
                    if k and e not in names[k]:
                        names[k].append(e)
            self._names[m] = dict(names)
        return self._names[m]

    def _classifier(self) -> EntryClassifier | None:
        if self.config.clf_weight <= 0:
            return None
        if self._clf is None:
            c = self.config
            self._clf = EntryClassifier(self.written, c.clf_c, c.clf_temp, c.clf_keywords, c.clf_body)
        return self._clf

    def warm(self) -> "KnowledgeBase":
        """Build every municipality's index and the classifier now (the first search would otherwise pay)."""
        self._classifier()
        for m in self.by_municipality:
            self._index(m)
            self._by_name(m)
        self.english().warm()
        return self

    def english(self) -> English:
        """The English texts and their index (knowledge/english.py), loaded on first use."""
        if self._english is None:
            from knowledge.english import English  # english.py builds on this module
            self._english = English.load(self)
        return self._english

    # searching -----------------------------------------------------------------------------------
    def search(self, text: str, municipality: str, kind: str | None = None,
               entities: Mapping[str, str] | None = None, k: int = 3, locale: str = "da") -> list[Hit]:
        """The best entries for a question, best first.

        entities: NLU entities by type (education, local_offer, term) → value; a value that names an entry
        puts it first with score 1.0. kind: the kind the intent asks for (offer, term, tip, education);
        entries of other kinds still count, at `kind_penalty` of their score (an intent can be wrong).
        locale: "en" searches the English texts and the Danish names (knowledge/english.py).
        """
        if locale == "en":
            return self.english().search(text, municipality, kind, entities, k)
        hits: list[Hit] = []
        for value in (entities or {}).values():
            for e in self._entity_entries(str(value), municipality):
                if all(h.entry.id != e.id for h in hits):
                    hits.append(Hit(e, 1.0, "entity"))
        index = self._index(municipality)
        ranked = index.rank(text) if text and text.strip() else []
        named = self._named_in(text, municipality) if text else []
        if self.config.name_boost and text:
            boosted = dict(ranked)
            pos = {e.id: i for i, e in enumerate(index.entries)}
            content = max(1, sum(1 for t in tx.tokens(text) if t not in tx.STOPWORDS))
            for e, n in named:
                i = pos[e.id]
                boosted[i] = boosted.get(i, 0.0) + self.config.name_boost * min(1.0, n / content) ** 0.5
            ranked = list(boosted.items())
        clf = self._classifier() if text and text.strip() else None
        if clf is not None:
            c = self.config
            ranked = clf.blend(ranked, [e.id for e in index.entries], text, c.clf_weight, c.none_below, c.clf_sure)
        entries = index.entries
        scored = []
        for i, s in ranked:
            e = entries[i]
            if kind and e.kind != kind:
                s *= self.config.kind_penalty
            scored.append((s, e))
        scored.sort(key=lambda x: -x[0])
        for s, e in scored:
            if len(hits) >= k:
                break
            if all(h.entry.id != e.id for h in hits):
                hits.append(Hit(e, round(s, 4), "text", any(e.id == x.id for x, _ in named)))
        return hits[:k]

    def _entity_entries(self, value: str, municipality: str) -> list[Entry]:
        """The entries an entity value names: exactly (id, title, synonym), else an inflected or misspelt
        form ('løntilskudsjobbet', 'ressourseforløb') when ranking the value alone puts one entry clearly first."""
        exact = self._by_name(municipality).get(_key(value))
        if exact:
            return exact
        ranked = self._index(municipality).rank(value)
        if ranked and ranked[0][1] >= ENTITY_MIN and (len(ranked) == 1 or ranked[1][1] < ENTITY_AHEAD * ranked[0][1]):
            return [self._index(municipality).entries[ranked[0][0]]]
        return []

    def _named_in(self, text: str, municipality: str) -> list[tuple[Entry, int]]:
        """Entries whose id, title or a synonym occurs in the text, with the name's length in tokens
        (longest names first, no overlaps)."""
        names = self._by_name(municipality)
        toks = [tx.fold(t) for t in tx.tokens(text)]
        found: dict[str, tuple[Entry, int]] = {}
        used: set[int] = set()
        for n in (4, 3, 2, 1):
            for i in range(len(toks) - n + 1):
                span = set(range(i, i + n))
                if span & used:
                    continue
                for e in names.get("".join(toks[i:i + n]), []):
                    used |= span
                    if e.id not in found:
                        found[e.id] = (e, n)
        return list(found.values())

    def decide(self, hits: Sequence[Hit]) -> Decision:
        """One clear answer, several close ones to choose from, or nothing good enough."""
        if not hits:
            return Decision("none")
        ent = [h for h in hits if h.via == "entity"]
        if len(ent) == 1:
            return Decision("answer", (ent[0],))
        if len(ent) > 1:
            return Decision("choose", tuple(ent[:3]))
        top = hits[0]
        if top.score < self.config.none_below:
            return Decision("none")
        named = [h for h in hits if h.named]
        if self.config.choose_named and top.named and len(named) > 1:  # 'hf eller stx', 'forskel på A og B'
            return Decision("choose", tuple(named))
        close = [h for h in hits[1:] if h.score >= self.config.close_ratio * top.score and h.score >= self.config.none_below]
        if close:
            return Decision("choose", (top, *close[:2]))
        return Decision("answer", (top,))


def _inherit(local: Entry, national: Entry | None) -> Entry:
    """A local entry answers in its own words but is found by everything its national twin is found by:
    the twin's example questions, synonyms and keywords are added (for retrieval only; never shown)."""
    if national is None:
        return local
    def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        seen = {x.strip().lower() for x in a}
        return a + tuple(x for x in b if x.strip().lower() not in seen)
    return local.model_copy(update={"questions": union(local.questions, national.questions),
                                    "synonyms": union(local.synonyms, national.synonyms),
                                    "keywords": union(local.keywords, national.keywords)})


def _yaml(path: Path) -> object:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)  # noqa: S506 - a safe loader


def _thesaurus(path: Path) -> tuple[tuple[str, ...], ...]:
    if not path.exists():
        return ()
    data = _yaml(path) or {}
    groups = data.get("groups", []) if isinstance(data, dict) else []
    if not all(isinstance(g, list) and all(isinstance(w, str) for w in g) for g in groups):
        raise ValueError(f"{path}: groups must be lists of words")
    return tuple(tuple(g) for g in groups)


def load_lemmas(path: str | Path) -> dict[str, str]:
    """spaCy's Danish lookup lemma table (spacy-lookups-data: da_lemma_lookup.json.gz), for the 'lemma' variant."""
    import gzip
    import json

    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


__all__ = ["Config", "DEFAULT", "Decision", "Hit", "KnowledgeBase", "load_lemmas", "replace"]
