"""Align a partisan article with the reports it cites, and measure how it reframes them.

Each paragraph of the partisan article is matched with the source paragraph it draws on, by two
measures computed on the documents being compared (no downloaded model):

- ``containment``: the share of the paragraph's word trigrams that occur in the source
  paragraph, the text-reuse measure of the METER corpus (Clough et al. 2002) and Churnalism;
- ``similarity``: TF-IDF cosine over word unigrams and bigrams, averaged with TF-IDF cosine over
  character 3- to 5-grams, which catches a paraphrase that shares words and word stems but few
  whole phrases. The vectorisers are fitted on the paragraphs of the documents compared.

A paragraph whose best match reaches neither threshold is ``unsourced``; a source paragraph
that no partisan paragraph draws on is ``omitted`` (selection is framing too, in Entman's sense).
For each aligned pair the table gives the framing delta (partisan minus source), the loaded
terms the partisan side added, the hedges it dropped, and the fidelity of each direct quote.

>>> source = "Strike in Yemen\\n\\nU.S. forces struck two ISIS training camps in Yemen, " \\
...          "officials said, killing about 60 fighters."
>>> partisan = "Massive Win\\n\\nUS forces destroyed two ISIS training camps in Yemen, " \\
...            "killing 60 evil fighters."
>>> table = compare(partisan, {"release": source})
>>> print(table[["status", "paragraph", "source_paragraph", "added_loaded_terms",
...              "dropped_hedges"]].to_string(index=False))
   status  paragraph  source_paragraph    added_loaded_terms     dropped_hedges
unsourced          0              <NA>                  None               None
  aligned          1                 1 evil:emotive-negative about:approximator
  omitted       <NA>                 0                  None               None
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from framing.article import Article, Paragraph
from framing.errors import FramingError
from framing.measures.hedges import HedgeList, load_hedges
from framing.measures.lexicon import LexiconMatcher, load_lexicon
from framing.measures.sentiment import SentimentScorer
from framing.text.words import iter_words, normalize_apostrophes
from framing.types import LexiconLike
from framing.voice.detect import find_quotes

__all__ = [
    "compare",
    "align",
    "Alignment",
    "ParagraphAlignment",
    "QuoteCheck",
    "direct_quotes",
    "check_quote",
    "COLUMNS",
    "COLUMN_DEFINITIONS",
    "CONTAINMENT_THRESHOLD",
    "SIMILARITY_THRESHOLD",
    "CONTAINMENT_NGRAM",
    "QUOTE_ALTERED_THRESHOLD",
    "QUOTE_MIN_WORDS",
    "STATUSES",
    "FIDELITIES",
]

#: Word n-gram length for containment. Trigrams are the unit of the METER text-reuse study and
#: of Churnalism's shingles: long enough that two independent texts rarely share one by chance
#: (on the seed against the DoD release, the only trigram shared outside the copied quote is
#: "train new fighters"), short enough that one copied clause yields several.
CONTAINMENT_NGRAM = 3

#: A paragraph at least this share of whose word trigrams occur in one source paragraph reuses
#: its text. Measured on the seed against the DoD release (tests/test_align.py): seed paragraph
#: 11, a one-sentence lead-in before the release's sentence quoted whole, scores 0.73; every
#: other seed paragraph scores at most 0.06 against any release paragraph. 0.25, about one
#: copied sentence in a paragraph of four, lies well between the two.
CONTAINMENT_THRESHOLD = 0.25

#: A paragraph whose best similarity reaches this draws on that source paragraph even without
#: copying. Measured on the seed against the DoD release: seed paragraph 10, which paraphrases
#: the release's paragraph 1 (the strike on two training camps), scores 0.22 against it; the
#: seed paragraphs that draw on nothing in the release score at most 0.14 against any release
#: paragraph (paragraph 12, the closing summary, against release paragraph 3). 0.18 lies
#: between the two. One pair of documents is thin evidence: check a new corpus's margins with
#: the ``similarity`` column before relying on this default.
SIMILARITY_THRESHOLD = 0.18

#: Word n-grams and character n-grams of the paraphrase similarity (TF-IDF, sublinear tf).
WORD_NGRAM_RANGE = (1, 2)
CHAR_NGRAM_RANGE = (3, 5)

#: A quoted span shorter than this is a scare quote or a quoted term ("deconflict"), not a
#: statement whose fidelity can be checked against a source.
QUOTE_MIN_WORDS = 4

#: A quote not found verbatim whose best source span has at least this similarity is
#: ``altered``. The similarity is the share of the quote's words that the span has in the same
#: order (difflib's matching blocks, over the longer of quote and span): one changed word in a
#: ten-word quote gives 0.9, four give 0.6. The seed's three quotes that come from NPR, not from
#: the DoD release, reach at most 0.13 against the release (tests/test_align.py), so 0.6 keeps
#: chance overlaps of common words ``not_found``.
QUOTE_ALTERED_THRESHOLD = 0.6

STATUSES = ("aligned", "unsourced", "omitted")
FIDELITIES = ("verbatim", "altered", "not_found")

#: The table's columns and what each means.
COLUMN_DEFINITIONS = {
    "status": "aligned or unsourced (a partisan paragraph), or omitted (a source paragraph that "
    "no partisan paragraph draws on)",
    "paragraph": "partisan paragraph number as framing analyze numbers it (0 is the headline)",
    "source_doc": "name of the source document of the match (or of the omitted paragraph)",
    "source_paragraph": "paragraph number in the source document (0 is its headline)",
    "containment": "share of the partisan paragraph's word trigrams found in the source "
    "paragraph (for an unsourced paragraph: its best score against any source paragraph)",
    "similarity": "TF-IDF cosine, mean of word 1-2-grams and character 3-5-grams (for an "
    "unsourced paragraph: its best score against any source paragraph)",
    "delta_polarity": "polarity of the partisan paragraph minus that of the source paragraph",
    "delta_subjectivity": "subjectivity, partisan minus source",
    "delta_loaded_per_100_words": "loaded terms per 100 words, partisan minus source",
    "added_loaded_terms": "loaded terms (term:category, ';'-separated) in the partisan paragraph "
    "and not in the source paragraph",
    "dropped_hedges": "hedges and qualifiers (term:category) in the source paragraph and not in "
    "the partisan paragraph",
    "quote_fidelity": "each direct quote of the partisan paragraph, in order: verbatim, "
    "altered:SIMILARITY or not_found in the sources (';'-separated)",
}
COLUMNS = list(COLUMN_DEFINITIONS)

_FLOAT_COLUMNS = (
    "containment",
    "similarity",
    "delta_polarity",
    "delta_subjectivity",
    "delta_loaded_per_100_words",
)

_TEXT_COLUMNS = (
    "status",
    "source_doc",
    "added_loaded_terms",
    "dropped_hedges",
    "quote_fidelity",
)

#: Quotation marks, stripped from a quote before it is looked up in the sources.
_QUOTE_MARKS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|\u2026")


# --- words and n-grams --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    text: str  # as written, apostrophes made straight, abbreviation dots removed
    start: int
    end: int

    @property
    def folded(self) -> str:
        return self.text.lower()


def _words(text: str, offset: int = 0) -> list[_Word]:
    words = []
    for match in iter_words(text):
        word = normalize_apostrophes(match.group())
        # An initialism's dots are dropped: "U.S." is the same word as "US".
        if word.endswith(".") and len(word) > 1 and word[-2].isalpha():
            word = word.replace(".", "")
        words.append(_Word(word, offset + match.start(), offset + match.end()))
    return words


def _ngrams(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _containment(part: set, source: set) -> float:
    return len(part & source) / len(part) if part else 0.0


def _similarity(partisan: list[str], sources: list[str]) -> np.ndarray:
    """Return the paraphrase similarity of every partisan paragraph to every source paragraph."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    documents = partisan + sources
    scores = np.zeros((len(partisan), len(sources)))
    analyzers = (
        # The documents are the words of _words joined by spaces: split again at the spaces.
        TfidfVectorizer(
            analyzer="word", token_pattern=r"\S+", ngram_range=WORD_NGRAM_RANGE, sublinear_tf=True
        ),
        TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAM_RANGE, sublinear_tf=True),
    )
    for vectorizer in analyzers:
        try:
            matrix = vectorizer.fit_transform(documents)
        except ValueError:  # no words at all (empty vocabulary)
            continue
        scores += cosine_similarity(matrix[: len(partisan)], matrix[len(partisan) :])
    return scores / len(analyzers)


# --- direct quotes ------------------------------------------------------------------------------


def direct_quotes(text: str, *, min_words: int = QUOTE_MIN_WORDS) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the direct quotes in ``text``, marks excluded.

    Quotations are found by :func:`framing.voice.detect.find_quotes`, the same finder that
    measures a paragraph's voice: curly and straight double quotes (and single quotes used as
    quotation marks); a quote left open runs to the end of the text (a quote that continues into
    the next paragraph, or an unbalanced mark). Quotes of fewer than ``min_words`` words are left
    out (scare quotes, quoted terms).

    >>> text = 'He said: \\u201cWe won the fight for Raqqa.\\u201d Then "it is over for them now'
    >>> [text[s:e] for s, e in direct_quotes(text)]
    ['We won the fight for Raqqa.', 'it is over for them now']
    >>> direct_quotes('what they call \\u201cdeconflict\\u201d operations')
    []
    """

    [quotes] = find_quotes([text])
    return _quote_spans(text, quotes, min_words=min_words)


def _quote_spans(text: str, quotes, *, min_words: int) -> list[tuple[int, int]]:
    """Return the spans of ``quotes`` (as voice finds them) without marks or outer spaces."""
    kept = []
    for quote in quotes:
        chunk = text[quote.start : quote.end]
        inner = chunk.strip().strip(_QUOTE_MARKS).strip()
        if len(_words(inner)) < min_words:
            continue
        begin = quote.start + chunk.index(inner)
        kept.append((begin, begin + len(inner)))
    return kept


@dataclass
class QuoteCheck:
    """A direct quote of the partisan article, and the best source span for it."""

    paragraph: int | None  # the partisan paragraph's number
    start: int  # offsets into the partisan paragraph's text
    end: int
    text: str
    fidelity: str  # verbatim, altered or not_found
    similarity: float  # word-sequence similarity to the best source span (1.0 when verbatim)
    source_doc: str | None = None
    source_paragraph: int | None = None
    source_text: str | None = None  # the best source span, as written in the source
    case_differences: list[str] = field(default_factory=list)  # "Ak-47s/AK-47s"

    @property
    def label(self) -> str:
        """Return the fidelity as the table shows it (``altered:0.94`` with its similarity)."""
        return f"altered:{self.similarity:.2f}" if self.fidelity == "altered" else self.fidelity


@dataclass
class _SourceDoc:
    name: str
    article: Article
    words: list[_Word]
    paragraph_of_word: list[int]


def _source_doc(name: str, article: Article) -> _SourceDoc:
    words, paragraphs = [], []
    for paragraph in article.paragraphs:
        found = _words(paragraph.text, paragraph.start)
        words.extend(found)
        paragraphs.extend([paragraph.index] * len(found))
    return _SourceDoc(name, article, words, paragraphs)


def _segments(quote: str) -> list[list[_Word]]:
    """Return the quote's words in runs separated by ellipses (elided words)."""
    return [words for part in _ELLIPSIS.split(quote) if (words := _words(part))]


def _first_folded(word: str) -> str:
    return word[:1].lower() + word[1:]


def _keys(words: Sequence[_Word], *, case_sensitive: bool) -> list[str]:
    return [word.text if case_sensitive else word.folded for word in words]


def _find(sequence: list[str], keys: list[str], start: int, *, first_letter_free: bool) -> int:
    """Return where ``sequence`` occurs in ``keys`` from ``start`` on, or -1.

    With ``first_letter_free``, the case of the sequence's first letter may differ.
    """
    length = len(sequence)
    head = _first_folded(sequence[0])
    for index in range(start, len(keys) - length + 1):
        if keys[index + 1 : index + length] != sequence[1:]:
            continue
        if keys[index] == sequence[0] or (first_letter_free and _first_folded(keys[index]) == head):
            return index
    return -1


def check_quote(
    quote: str,
    sources: Mapping[str, Article],
    *,
    case_sensitive: bool = False,
    paragraph: int | None = None,
    start: int = 0,
) -> QuoteCheck:
    """Return whether ``quote`` is in the sources verbatim, altered, or not found.

    Verbatim means the same words in the same order: quote marks, punctuation, white space and
    an ellipsis marking elided words are ignored, and so is letter case unless
    ``case_sensitive`` (then only the case of the quote's first letter is). Case differences
    are listed in ``case_differences`` either way. Otherwise the most similar span of about the
    quote's length is found with difflib; at :data:`QUOTE_ALTERED_THRESHOLD` or above the quote
    is ``altered``, below it ``not_found``.

    >>> release = Article("Strike\\n\\nISIS used the camps to train militants using AK-47s.")
    >>> check = check_quote("ISIS used the camps to train militants using Ak-47s.",
    ...                     {"release": release})
    >>> check.fidelity, check.source_paragraph, check.case_differences
    ('verbatim', 1, ['Ak-47s/AK-47s'])
    >>> check_quote("ISIS used the camps to train militants using Ak-47s.", {"release": release},
    ...             case_sensitive=True).label
    'altered:0.89'
    """
    docs = [_source_doc(name, article) for name, article in sources.items()]
    segments = _segments(quote)
    end = start + len(quote)
    if not segments:
        return QuoteCheck(paragraph, start, end, quote, "not_found", 0.0)
    quoted = [word for segment in segments for word in segment]
    for doc in docs:
        keys = _keys(doc.words, case_sensitive=case_sensitive)
        position, found = 0, []
        for index, segment in enumerate(segments):
            sequence = _keys(segment, case_sensitive=case_sensitive)
            where = _find(sequence, keys, position, first_letter_free=index == 0)
            if where < 0:
                break
            found.extend(range(where, where + len(sequence)))
            position = where + len(sequence)
        else:
            matched = [doc.words[index] for index in found]
            differences = [
                f"{q.text}/{m.text}"
                for q, m in zip(quoted, matched, strict=True)
                if q.text != m.text
                and (q is not quoted[0] or _first_folded(q.text) != _first_folded(m.text))
            ]
            return QuoteCheck(
                paragraph,
                start,
                end,
                quote,
                "verbatim",
                1.0,
                doc.name,
                doc.paragraph_of_word[found[0]],
                doc.article.text[matched[0].start : matched[-1].end],
                differences,
            )
    # The best span: the most quote words matched in order (difflib's matching blocks), over the
    # longer of quote and span, so that a span that leaves a changed word out scores no higher.
    best = (0.0, None, 0, 0)
    wanted = _keys(quoted, case_sensitive=case_sensitive)
    wanted[0] = _first_folded(wanted[0])
    shared = set(wanted)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for doc in docs:
        keys = _keys(doc.words, case_sensitive=case_sensitive)
        for length in (len(wanted), len(wanted) - 1, len(wanted) + 1):
            for first in range(max(1, len(keys) - length + 1) if length > 0 else 0):
                window = keys[first : first + length]
                if not shared.intersection(window):
                    continue
                matcher.set_seq1([_first_folded(window[0]), *window[1:]])
                matched = sum(block.size for block in matcher.get_matching_blocks())
                ratio = matched / max(len(wanted), len(window))
                if ratio > best[0]:
                    best = (ratio, doc, first, first + len(window))
    ratio, doc, first, last = best
    if doc is None:
        return QuoteCheck(paragraph, start, end, quote, "not_found", 0.0)
    fidelity = "altered" if ratio >= QUOTE_ALTERED_THRESHOLD else "not_found"
    return QuoteCheck(
        paragraph,
        start,
        end,
        quote,
        fidelity,
        round(ratio, 4),
        doc.name,
        doc.paragraph_of_word[first],
        doc.article.text[doc.words[first].start : doc.words[last - 1].end],
    )


# --- alignment ----------------------------------------------------------------------------------


@dataclass
class ParagraphAlignment:
    """One row of the alignment, with the evidence behind it."""

    status: str
    paragraph: int | None
    source_doc: str | None = None
    source_paragraph: int | None = None
    containment: float | None = None
    similarity: float | None = None
    delta_polarity: float | None = None
    delta_subjectivity: float | None = None
    delta_loaded_per_100_words: float | None = None
    added_loaded_terms: str | None = None
    dropped_hedges: str | None = None
    quote_fidelity: str | None = None
    #: Word trigrams shared with the source paragraph (as text).
    matched_ngrams: list[str] = field(default_factory=list)
    #: Other source paragraphs this one copies from (containment at the threshold or above).
    also_draws_on: list[tuple[str, int]] = field(default_factory=list)
    #: For an unsourced paragraph: the source paragraph that came closest.
    nearest: tuple[str, int] | None = None
    quotes: list[QuoteCheck] = field(default_factory=list)

    def record(self) -> dict:
        """Return the table's columns of this row."""
        return {column: getattr(self, column) for column in COLUMNS}

    def detail(self) -> dict:
        """Return the evidence: matched n-grams, other sources drawn on, and each quote."""
        return {
            "matched_ngrams": list(self.matched_ngrams),
            "also_draws_on": [
                {"source_doc": doc, "source_paragraph": index} for doc, index in self.also_draws_on
            ],
            "nearest": (
                None
                if self.nearest is None
                else {"source_doc": self.nearest[0], "source_paragraph": self.nearest[1]}
            ),
            "quotes": [asdict(quote) for quote in self.quotes],
        }


@dataclass
class Alignment:
    """A partisan article aligned with its sources: rows, evidence, and the thresholds used."""

    partisan: Article
    sources: dict[str, Article]
    rows: list[ParagraphAlignment]
    containment_threshold: float
    similarity_threshold: float

    @property
    def table(self) -> pd.DataFrame:
        """Return the tidy table: one row per partisan paragraph, then the omitted ones."""
        table = pd.DataFrame.from_records([row.record() for row in self.rows], columns=COLUMNS)
        for column in ("paragraph", "source_paragraph"):
            table[column] = table[column].astype("Int64")
        for column in _FLOAT_COLUMNS:
            table[column] = table[column].astype("float64")
        for column in _TEXT_COLUMNS:
            values = table[column].astype("object")
            table[column] = values.where(values.notna(), None)
        return table

    def records(self) -> list[dict]:
        """Return the table's records, each with a ``detail`` mapping of its evidence."""
        records = json.loads(self.table.to_json(orient="records", force_ascii=False))
        for record, row in zip(records, self.rows, strict=True):
            record["detail"] = row.detail()
        return records

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the records with their evidence as JSON text."""
        return json.dumps(self.records(), ensure_ascii=False, indent=indent)

    @property
    def omitted(self) -> list[tuple[str, int]]:
        """Return ``(source_doc, source_paragraph)`` of the source paragraphs nothing draws on."""
        return [(r.source_doc, r.source_paragraph) for r in self.rows if r.status == "omitted"]


def _terms(matches) -> dict[str, str]:
    """Return the matched terms (lowercased) and their categories, in order, without repeats."""
    return {match.term.lower(): match.category for match in matches}


def _joined(terms: dict[str, str]) -> str:
    return ";".join(f"{term}:{category}" for term, category in terms.items())


def _check_threshold(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise FramingError(f"{name}={value!r} is not valid; give a number from 0 to 1")
    return float(value)


def _as_article(value: object, what: str, options: dict) -> Article:
    if isinstance(value, Article):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise FramingError(f"{what} is empty; give the article's text")
        return Article(value, **options)
    raise FramingError(
        f"{what} must be an article's text (str) or an Article, not {type(value).__name__}; "
        "to read a file use framing.Article.from_file(path)"
    )


def _source_articles(sources: object, options: dict) -> dict[str, Article]:
    if isinstance(sources, str | Article):
        sources = [sources]
    if isinstance(sources, Mapping):
        named = {str(name): value for name, value in sources.items()}
    elif isinstance(sources, Sequence):
        named = {f"source{index}": value for index, value in enumerate(sources, 1)}
    else:
        raise FramingError(
            "sources must be a list of texts or Articles, or a mapping {name: text}, not "
            f"{type(sources).__name__}"
        )
    if not named:
        raise FramingError("no sources given; give at least one source text")
    return {name: _as_article(value, f"source {name!r}", options) for name, value in named.items()}


def align(
    partisan: str | Article,
    sources: Sequence[str | Article] | Mapping[str, str | Article] | str | Article,
    *,
    containment_threshold: float = CONTAINMENT_THRESHOLD,
    similarity_threshold: float = SIMILARITY_THRESHOLD,
    lexicon: LexiconLike | None = None,
    sentiment: SentimentScorer | None = None,
    hedges: HedgeList | None = None,
    case_sensitive_quotes: bool = False,
) -> Alignment:
    """Return the alignment of ``partisan`` with ``sources``, with its evidence.

    See :func:`compare` for the options; :attr:`Alignment.table` is what :func:`compare` returns
    and :meth:`Alignment.records` adds, per row, the matched trigrams and each quote's best
    source span.
    """
    containment_threshold = _check_threshold("containment_threshold", containment_threshold)
    similarity_threshold = _check_threshold("similarity_threshold", similarity_threshold)
    if lexicon is None and isinstance(partisan, Article):
        lexicon = partisan.lexicon
    if sentiment is None and isinstance(partisan, Article):
        sentiment = partisan.sentiment
    matcher = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
    options = {"lexicon": matcher, "sentiment": sentiment}
    article = _as_article(partisan, "the partisan article", options)
    documents = _source_articles(sources, options)
    hedges = hedges or load_hedges()

    source_paragraphs = [(name, p) for name, doc in documents.items() for p in doc.paragraphs]
    partisan_words = [[w.folded for w in _words(p.text)] for p in article.paragraphs]
    source_words = [[w.folded for w in _words(p.text)] for _, p in source_paragraphs]
    similarity = _similarity(
        [" ".join(w) for w in partisan_words], [" ".join(w) for w in source_words]
    )
    source_ngrams = [_ngrams(words, CONTAINMENT_NGRAM) for words in source_words]

    rows, used = [], set()
    for i, paragraph in enumerate(article.paragraphs):
        ngrams = _ngrams(partisan_words[i], CONTAINMENT_NGRAM)
        containment = np.array([_containment(ngrams, other) for other in source_ngrams])
        passes = (containment >= containment_threshold) | (similarity[i] >= similarity_threshold)
        quotes = [
            check_quote(
                paragraph.text[start:end],
                documents,
                case_sensitive=case_sensitive_quotes,
                paragraph=paragraph.index,
                start=start,
            )
            for start, end in _quote_spans(
                paragraph.text, paragraph.voice.quotes, min_words=QUOTE_MIN_WORDS
            )
        ]
        fidelity = ";".join(quote.label for quote in quotes) or None
        if not passes.any():
            nearest = int(np.argmax(containment + similarity[i]))
            rows.append(
                ParagraphAlignment(
                    "unsourced",
                    paragraph.index,
                    containment=float(containment.max()),
                    similarity=float(similarity[i].max()),
                    quote_fidelity=fidelity,
                    nearest=(source_paragraphs[nearest][0], source_paragraphs[nearest][1].index),
                    quotes=quotes,
                )
            )
            continue
        # The best match draws on the most: reuse and paraphrase added up.
        score = np.where(passes, containment + similarity[i], -1.0)
        best = int(np.argmax(score))
        name, source = source_paragraphs[best]
        used.add(best)
        also = [j for j in np.flatnonzero(containment >= containment_threshold) if int(j) != best]
        used.update(int(j) for j in also)
        rows.append(
            _aligned_row(
                paragraph,
                name,
                source,
                containment=float(containment[best]),
                similarity=float(similarity[i, best]),
                shared=ngrams & source_ngrams[best],
                also=[(source_paragraphs[j][0], source_paragraphs[j][1].index) for j in also],
                hedges=hedges,
                quotes=quotes,
            )
        )
    for j, (name, source) in enumerate(source_paragraphs):
        if j not in used:
            rows.append(ParagraphAlignment("omitted", None, name, source.index))
    return Alignment(article, documents, rows, containment_threshold, similarity_threshold)


def _aligned_row(
    paragraph: Paragraph,
    name: str,
    source: Paragraph,
    *,
    containment: float,
    similarity: float,
    shared: set,
    also: list[tuple[str, int]],
    hedges: HedgeList,
    quotes: list[QuoteCheck],
) -> ParagraphAlignment:
    partisan_terms = _terms(paragraph.loaded_matches)
    source_terms = _terms(source.loaded_matches)
    partisan_hedges = _terms(hedges.match(paragraph.text))
    source_hedges = _terms(hedges.match(source.text))
    return ParagraphAlignment(
        "aligned",
        paragraph.index,
        name,
        source.index,
        containment=containment,
        similarity=similarity,
        delta_polarity=paragraph.polarity - source.polarity,
        delta_subjectivity=paragraph.subjectivity - source.subjectivity,
        delta_loaded_per_100_words=paragraph.loaded_per_100_words - source.loaded_per_100_words,
        added_loaded_terms=_joined(
            {t: c for t, c in partisan_terms.items() if t not in source_terms}
        ),
        dropped_hedges=_joined(
            {t: c for t, c in source_hedges.items() if t not in partisan_hedges}
        ),
        quote_fidelity=";".join(quote.label for quote in quotes) or None,
        matched_ngrams=sorted(" ".join(gram) for gram in shared),
        also_draws_on=also,
        quotes=quotes,
    )


def compare(
    partisan: str | Article,
    sources: Sequence[str | Article] | Mapping[str, str | Article] | str | Article,
    *,
    containment_threshold: float = CONTAINMENT_THRESHOLD,
    similarity_threshold: float = SIMILARITY_THRESHOLD,
    lexicon: LexiconLike | None = None,
    sentiment: SentimentScorer | None = None,
    hedges: HedgeList | None = None,
    case_sensitive_quotes: bool = False,
) -> pd.DataFrame:
    """Return one row per partisan paragraph (aligned or unsourced) and per omitted source one.

    ``partisan`` is an article's text or an :class:`Article`; ``sources`` a list of texts or
    Articles (named ``source1``, ``source2``, ...) or a mapping ``{name: text}``. A partisan
    paragraph is aligned with its best source paragraph when the word-trigram containment
    reaches ``containment_threshold`` or the paraphrase similarity reaches
    ``similarity_threshold``; otherwise it is unsourced. The columns are :data:`COLUMNS`
    (explained in :data:`COLUMN_DEFINITIONS`); empty where they do not apply.

    Texts are measured with ``lexicon`` and ``sentiment`` (default: the partisan Article's, else
    the bundled ones); an Article passed in keeps its own. ``hedges`` replaces the bundled
    hedge list. With ``case_sensitive_quotes`` a quote that changes a letter's case (other than
    the first) is ``altered``, not ``verbatim``. For the evidence behind each row use
    :func:`align`.
    """
    return align(
        partisan,
        sources,
        containment_threshold=containment_threshold,
        similarity_threshold=similarity_threshold,
        lexicon=lexicon,
        sentiment=sentiment,
        hedges=hedges,
        case_sensitive_quotes=case_sensitive_quotes,
    ).table
