"""Align a partisan article with the reports it cites, and measure how it reframes them.

Each paragraph of the partisan article is matched with the source paragraph it draws on, by two
measures computed on the documents being compared (no downloaded model):

- ``containment``: the share of the paragraph's word trigrams that occur in the source
  paragraph, the text-reuse measure of the METER corpus (Clough et al. 2002) and Churnalism;
- ``similarity``: the paraphrase score of :mod:`framing.comparisons.paraphrase`, the TF-IDF
  cosine of the two paragraphs' stemmed content words and numbers, which catches a paragraph
  that restates its source in other words.

Both are computed only for the pairs that share a trigram or a term (an index of shingles and a
sparse matrix product), so aligning grows about linearly with the texts' length; the first,
all-pairs alignment is kept in :mod:`framing.comparisons._align_reference` to test against.

A paragraph whose best match reaches neither threshold is ``unsourced``; a source paragraph
that no partisan paragraph draws on is ``omitted`` (selection is framing too, in Entman's sense).
Neither is sure to be absent: ``match`` says ``maybe said differently`` when the nearest pair
(shown in ``nearest_source_paragraph`` or ``nearest_paragraph``, with its scores) comes close to
the threshold, and ``not in the source`` only when nothing does.
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

import bisect
import difflib
import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from framing.article import Article, Paragraph
from framing.comparisons.paraphrase import paraphrase_matrix, paraphrase_terms
from framing.errors import FramingError, choices_error
from framing.measures.hedges import HedgeList, load_hedges
from framing.measures.lexicon import LexiconMatcher, load_lexicon
from framing.measures.sentiment import SentimentScorer
from framing.table.progress import progress_bar
from framing.text.words import iter_words, normalize_apostrophes
from framing.types import LexiconLike
from framing.voice.quotes import find_quotes

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
    "CLOSE_THRESHOLD",
    "MATCHES",
    "CONTAINMENT_NGRAM",
    "pair_scores",
    "PairScores",
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

#: A paragraph whose paraphrase score (:mod:`framing.comparisons.paraphrase`) with a source
#: paragraph reaches this restates it, in the same or in other words. Measured on the alignment
#: development set, 170 pairs of AllSides paragraphs labelled by hand by two people (86 restate
#: the source, docs/alignment-guidelines.md; ``python benchmarks/alignment_devset.py sweep`` and
#: ``evaluate``): at 0.15 the score finds 72% of the restatements at a precision of 0.85, at 0.16
#: 65% at 0.84, at 0.12 81% at 0.78; the first alignment's TF-IDF of words and character n-grams,
#: at its 0.18, finds 60% at 0.88. 0.16 rather than 0.15 keeps the seed's paragraph 2 (ISIS lost
#: Raqqa) from aligning with the DoD release's headline on the strike in Yemen, which it scores
#: 0.152 against.
SIMILARITY_THRESHOLD = 0.16

#: Below :data:`SIMILARITY_THRESHOLD` and at least this, a pair may still restate the source in
#: other words: an unsourced or omitted paragraph this close to its nearest is "maybe said
#: differently", not "not in the source". On the development set, 54% of the 35 pairs scoring
#: from 0.09 to 0.15 restate the source, 7% of the 15 from 0.06 to 0.09, and none of the 28
#: below 0.03 (``python benchmarks/alignment_devset.py sweep``).
CLOSE_THRESHOLD = 0.09

#: How a row relates to the source: copied (containment at its threshold), said differently
#: (paraphrase at its threshold), maybe said differently (its nearest pair between
#: :data:`CLOSE_THRESHOLD` and the threshold), not in the source (below that).
MATCHES = ("copied", "said differently", "maybe said differently", "not in the source")

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
    "similarity": "paraphrase score: TF-IDF cosine of the two paragraphs' stemmed content words "
    "and numbers (for an unsourced or omitted paragraph: the score of its nearest pair)",
    "match": "copied, said differently (aligned by containment or by paraphrase), or, for an "
    "unsourced or omitted paragraph, maybe said differently (its nearest pair scores at least "
    "the close threshold) or not in the source",
    "nearest_paragraph": "for an omitted source paragraph: the partisan paragraph nearest to it",
    "nearest_source_doc": "for an unsourced paragraph: the source document of its nearest "
    "source paragraph",
    "nearest_source_paragraph": "for an unsourced paragraph: its nearest source paragraph",
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
    "match",
    "nearest_source_doc",
    "added_loaded_terms",
    "dropped_hedges",
    "quote_fidelity",
)

#: Quotation marks, stripped from a quote before it is looked up in the sources.
_QUOTE_MARKS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|\u2026")


# --- words and n-grams --------------------------------------------------------------------------


class _Word(NamedTuple):
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


@dataclass
class PairScores:
    """Containment and paraphrase score of the partisan paragraphs with the source paragraphs.

    Only pairs that share a word trigram or a term are stored: containment through an index
    from each source trigram to the paragraphs that hold it, the paraphrase score as a sparse
    matrix product. ``containment``, ``paraphrase`` and ``aligned`` give the dense arrays (for
    small texts, as the development set's script uses them).
    """

    partisan_ngrams: list[set]
    source_ngrams: list[set]
    similarity: object  # a scipy.sparse CSR matrix, partisan rows by source columns
    containment_rows: list[dict[int, float]]

    def row(self, i: int) -> tuple[dict[int, float], dict[int, float]]:
        """Return partisan paragraph ``i``'s containment and similarity by source paragraph."""
        start, end = self.similarity.indptr[i], self.similarity.indptr[i + 1]
        columns = self.similarity.indices[start:end]
        values = self.similarity.data[start:end]
        similarity = {int(j): float(v) for j, v in zip(columns, values, strict=True) if v > 0}
        return self.containment_rows[i], similarity

    @property
    def containment(self) -> np.ndarray:
        """Return the containment of every pair as a dense array."""
        dense = np.zeros(self.similarity.shape)
        for i, row in enumerate(self.containment_rows):
            for j, value in row.items():
                dense[i, j] = value
        return dense

    @property
    def paraphrase(self) -> np.ndarray:
        """Return the paraphrase score of every pair as a dense array."""
        return self.similarity.toarray()

    @property
    def aligned(self) -> np.ndarray:
        """Return which pairs reach either default threshold."""
        return (self.containment >= CONTAINMENT_THRESHOLD) | (
            self.paraphrase >= SIMILARITY_THRESHOLD
        )


def _pair_scores(partisan: Sequence[Paragraph], sources: Sequence[Paragraph]) -> PairScores:
    partisan_words = [[w.folded for w in _words(p.text)] for p in partisan]
    source_words = [[w.folded for w in _words(p.text)] for p in sources]
    partisan_ngrams = [_ngrams(words, CONTAINMENT_NGRAM) for words in partisan_words]
    source_ngrams = [_ngrams(words, CONTAINMENT_NGRAM) for words in source_words]
    holders: dict[tuple[str, ...], list[int]] = {}
    for j, ngrams in enumerate(source_ngrams):
        for ngram in ngrams:
            holders.setdefault(ngram, []).append(j)
    containment_rows = []
    for ngrams in partisan_ngrams:
        counts: dict[int, int] = {}
        for ngram in ngrams:
            for j in holders.get(ngram, ()):
                counts[j] = counts.get(j, 0) + 1
        containment_rows.append({j: count / len(ngrams) for j, count in counts.items()})
    similarity = paraphrase_matrix(
        [paraphrase_terms(p.text) for p in partisan], [paraphrase_terms(p.text) for p in sources]
    )
    return PairScores(partisan_ngrams, source_ngrams, similarity, containment_rows)


def pair_scores(partisan: Article, source: Article) -> PairScores:
    """Return the containment and paraphrase score of every paragraph pair of two articles.

    >>> scores = pair_scores(Article("Talks failed on Monday.", headline=False),
    ...                      Article("On Monday the talks failed.\\n\\nIt rained.", headline=False))
    >>> scores.containment.tolist(), scores.aligned.tolist()
    ([[0.0, 0.0]], [[True, False]])
    """
    return _pair_scores(partisan.paragraphs, source.paragraphs)


# --- direct quotes ------------------------------------------------------------------------------


def direct_quotes(text: str, *, min_words: int = QUOTE_MIN_WORDS) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the direct quotes in ``text``, marks excluded.

    Quotations are found by :func:`framing.voice.quotes.find_quotes`, the same finder that
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
    """A source's words, with what the quote checks look up in them, built once per alignment."""

    name: str
    article: Article
    words: list[_Word]
    paragraph_of_word: list[int]
    #: Each word's key, letter case kept or folded, by ``case_sensitive``.
    keys: dict[bool, list[str]] = field(default_factory=dict)
    #: Where each key, its first letter folded, occurs (positions in order): the shingle index
    #: through which a quote's first word is found without scanning the whole source.
    positions: dict[bool, dict[str, list[int]]] = field(default_factory=dict)
    ids: dict[bool, tuple] = field(default_factory=dict)
    places: dict[bool, tuple] = field(default_factory=dict)

    def keys_for(self, case_sensitive: bool) -> list[str]:
        if case_sensitive not in self.keys:
            self.keys[case_sensitive] = _keys(self.words, case_sensitive=case_sensitive)
        return self.keys[case_sensitive]

    def ids_for(self, case_sensitive: bool) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        """Return a number for each key, the keys as numbers, and their first-folded numbers."""
        if case_sensitive not in self.ids:
            numbers: dict[str, int] = {}
            keys = self.keys_for(case_sensitive)
            ids = np.array([numbers.setdefault(k, len(numbers)) for k in keys], dtype=np.int64)
            folded = np.array(
                [numbers.setdefault(_first_folded(k), len(numbers)) for k in keys], dtype=np.int64
            )
            self.ids[case_sensitive] = (numbers, ids, folded)
        return self.ids[case_sensitive]

    def places_for(self, case_sensitive: bool) -> tuple[dict[int, np.ndarray], ...]:
        """Return where each key's number occurs, as written and with its first letter folded."""
        if case_sensitive not in self.places:
            _, ids, folded = self.ids_for(case_sensitive)
            self.places[case_sensitive] = tuple(
                {int(number): found for number, found in _group_places(array).items()}
                for array in (ids, folded)
            )
        return self.places[case_sensitive]

    def positions_for(self, case_sensitive: bool) -> dict[str, list[int]]:
        if case_sensitive not in self.positions:
            found: dict[str, list[int]] = {}
            for index, key in enumerate(self.keys_for(case_sensitive)):
                found.setdefault(_first_folded(key), []).append(index)
            self.positions[case_sensitive] = found
        return self.positions[case_sensitive]


_NO_PLACES = np.zeros(0, dtype=np.int64)


def _group_places(numbers: np.ndarray) -> dict[int, np.ndarray]:
    """Return the sorted positions of each value of ``numbers``."""
    order = np.argsort(numbers, kind="stable")
    values, starts = np.unique(numbers[order], return_index=True)
    return dict(zip(values.tolist(), np.split(order, starts[1:]), strict=True))


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


def _find(
    sequence: list[str],
    keys: list[str],
    positions: dict[str, list[int]],
    start: int,
    *,
    first_letter_free: bool,
) -> int:
    """Return where ``sequence`` occurs in ``keys`` from ``start`` on, or -1.

    With ``first_letter_free``, the case of the sequence's first letter may differ. Only the
    places where the first word occurs (``positions``, by first-letter-folded key) are tried;
    ``_align_reference._find`` tries every place and must give the same answer.
    """
    length = len(sequence)
    head = _first_folded(sequence[0])
    candidates = positions.get(head, ())
    for index in candidates[bisect.bisect_left(candidates, start) :]:
        if index > len(keys) - length:
            break
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
    return _check_quote(
        quote, docs, case_sensitive=case_sensitive, paragraph=paragraph, start=start
    )


def _check_quote(
    quote: str,
    docs: Sequence[_SourceDoc],
    *,
    case_sensitive: bool,
    paragraph: int | None,
    start: int,
) -> QuoteCheck:
    segments = _segments(quote)
    end = start + len(quote)
    if not segments:
        return QuoteCheck(paragraph, start, end, quote, "not_found", 0.0)
    quoted = [word for segment in segments for word in segment]
    for doc in docs:
        keys = doc.keys_for(case_sensitive)
        positions = doc.positions_for(case_sensitive)
        found = _segment_words(
            segments,
            functools.partial(_find, keys=keys, positions=positions),
            case_sensitive=case_sensitive,
        )
        if found is not None:
            return _verbatim(quote, quoted, doc, found, paragraph=paragraph, start=start)
    best = _best_span(quoted, docs, case_sensitive=case_sensitive)
    return _span_check(quote, best, paragraph=paragraph, start=start)


def _segment_words(segments: list[list[_Word]], find, *, case_sensitive: bool) -> list[int] | None:
    """Return the numbers of the source words that the quote's segments are, in order, or None.

    ``find(sequence, start=, first_letter_free=)`` returns where a segment's keys occur from
    ``start`` on, or -1; only the first segment's first letter may differ in case.
    """
    position, found = 0, []
    for index, segment in enumerate(segments):
        sequence = _keys(segment, case_sensitive=case_sensitive)
        where = find(sequence, start=position, first_letter_free=index == 0)
        if where < 0:
            return None
        found.extend(range(where, where + len(sequence)))
        position = where + len(sequence)
    return found


def _quote_matcher(
    quoted: list[_Word], *, case_sensitive: bool
) -> tuple[list[str], difflib.SequenceMatcher]:
    """Return the quote's keys, its first letter folded, and a matcher set to compare them."""
    wanted = _keys(quoted, case_sensitive=case_sensitive)
    wanted[0] = _first_folded(wanted[0])
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    return wanted, matcher


def _window_ratio(matcher: difflib.SequenceMatcher, window: list[str], wanted: list[str]) -> float:
    """Return the share of the quote's words that ``window`` has in order, over the longer."""
    matcher.set_seq1([_first_folded(window[0]), *window[1:]])
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(len(wanted), len(window))


def _verbatim(
    quote: str,
    quoted: list[_Word],
    doc: _SourceDoc,
    found: list[int],
    *,
    paragraph: int | None,
    start: int,
) -> QuoteCheck:
    """Return the check of a quote found word for word at ``found`` (word numbers) in ``doc``."""
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
        start + len(quote),
        quote,
        "verbatim",
        1.0,
        doc.name,
        doc.paragraph_of_word[found[0]],
        doc.article.text[matched[0].start : matched[-1].end],
        differences,
    )


def _span_check(quote: str, best: tuple, *, paragraph: int | None, start: int) -> QuoteCheck:
    """Return the check of a quote not found word for word, from its best span
    ``(ratio, doc, first, last)``: altered at :data:`QUOTE_ALTERED_THRESHOLD` or above."""
    ratio, doc, first, last = best
    end = start + len(quote)
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


def _best_span(quoted: list[_Word], docs: Sequence[_SourceDoc], *, case_sensitive: bool):
    """Return ``(ratio, doc, first, last)`` of the source span most like the quote.

    The span's score is the number of the quote's words it has in order (difflib's matching
    blocks) over the longer of quote and span, so that a span that leaves a changed word out
    scores no higher. Windows of the quote's length and one word shorter or longer are tried, and
    the first best one wins, in the order doc, length, position, as the reference tries them all
    (``_align_reference``). Here a window is scored only when an upper bound of its score (how
    many of its words the quote has, each counted at most as often as the quote has it) reaches
    :data:`QUOTE_ALTERED_THRESHOLD` and can beat the best found so far, from the highest bound
    down. So a quote that is altered gets the reference's span and score exactly; a quote that
    is not found gets the best score among the windows that could have reached the threshold
    (0 when none could): at most the reference's score, which is below the threshold too.
    """
    wanted, matcher = _quote_matcher(quoted, case_sensitive=case_sensitive)
    wanted_counts: dict[str, int] = {}
    for key in wanted:
        wanted_counts[key] = wanted_counts.get(key, 0) + 1
    # A window scores at least the threshold only if it matches at least `needed` of the
    # quote's word slots; then it holds one of the `len(wanted) - needed + 1` rarest slots' words
    # (pigeonhole), so only the windows around those words' places are bounded and scored.
    needed = max(1, math.ceil(QUOTE_ALTERED_THRESHOLD * len(wanted) - 1e-9))
    columns: list[list[np.ndarray]] = [[], [], [], [], []]  # bound, doc, length, first, size
    for order_doc, doc in enumerate(docs):
        numbers, ids, folded_ids = doc.ids_for(case_sensitive)
        count = len(ids)
        if not count:
            continue
        places = doc.places_for(case_sensitive)
        raw_places = {
            w: places[0].get(numbers[w], _NO_PLACES) if w in numbers else _NO_PLACES
            for w in wanted_counts
        }
        folded_places = {
            w: places[1].get(numbers[w], _NO_PLACES) if w in numbers else _NO_PLACES
            for w in wanted_counts
        }
        slots = sorted(wanted, key=lambda w: (len(raw_places[w]) + len(folded_places[w]), w))
        rare = set(slots[: len(wanted) - needed + 1])
        anchors = np.unique(
            np.concatenate([raw_places[w] for w in rare] + [folded_places[w] for w in rare])
        )
        for order_length, length in enumerate((len(wanted), len(wanted) - 1, len(wanted) + 1)):
            if length <= 0 or not len(anchors):
                continue
            last_first = max(1, count - length + 1) - 1
            firsts = np.unique((anchors[:, None] - np.arange(length)[None, :]).ravel())
            firsts = firsts[(firsts >= 0) & (firsts <= last_first)]
            ends = np.minimum(firsts + length, count)
            sizes = ends - firsts
            hits = np.zeros(len(firsts), dtype=np.int64)
            bound = np.zeros(len(firsts), dtype=np.int64)
            for word, wanted_count in wanted_counts.items():
                where = raw_places[word]
                inside = np.searchsorted(where, ends) - np.searchsorted(where, firsts)
                hits += inside
                # The matcher compares the window's first word with its first letter folded:
                # a multiset bound on the words the window can match, that word counted so.
                first_word = folded_ids[firsts] == numbers.get(word, -1)
                later = np.searchsorted(where, ends) - np.searchsorted(where, firsts + 1)
                bound += np.minimum(later + first_word, wanted_count)
            ratio_bound = bound / np.maximum(len(wanted), sizes)
            # The reference skips a window that shares no word with the quote; a window that
            # cannot reach the threshold cannot make the quote altered, so it is not scored.
            keep = (hits > 0) & (ratio_bound >= QUOTE_ALTERED_THRESHOLD)
            orders = (np.full(len(firsts), order_doc), np.full(len(firsts), order_length))
            for column, values in zip(columns, (ratio_bound, *orders, firsts, sizes), strict=True):
                column.append(values[keep])
    best = (0.0, None, 0, 0)
    if not columns[0]:
        return best
    bound, doc_order, length_order, firsts, sizes = (np.concatenate(c) for c in columns)
    best_order = None
    for index in np.lexsort((firsts, length_order, doc_order, -bound)):
        if bound[index] < best[0]:
            break
        doc = docs[int(doc_order[index])]
        first = int(firsts[index])
        window = doc.keys_for(case_sensitive)[first : first + int(sizes[index])]
        ratio = _window_ratio(matcher, window, wanted)
        order = (int(doc_order[index]), int(length_order[index]), first)
        if ratio > best[0] or (ratio == best[0] and ratio > 0 and order < best_order):
            best, best_order = (ratio, doc, first, first + len(window)), order
    return best


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
    match: str | None = None
    nearest_paragraph: int | None = None
    nearest_source_doc: str | None = None
    nearest_source_paragraph: int | None = None
    delta_polarity: float | None = None
    delta_subjectivity: float | None = None
    delta_loaded_per_100_words: float | None = None
    added_loaded_terms: str | None = None
    dropped_hedges: str | None = None
    quote_fidelity: str | None = None
    #: Word trigrams shared with the source paragraph (as text).
    matched_ngrams: list[str] = field(default_factory=list)
    #: Other source paragraphs this one draws on (either score at its threshold or above).
    also_draws_on: list[tuple[str, int]] = field(default_factory=list)
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
                if self.nearest_source_doc is None
                else {
                    "source_doc": self.nearest_source_doc,
                    "source_paragraph": self.nearest_source_paragraph,
                }
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
        for column in (
            "paragraph",
            "source_paragraph",
            "nearest_paragraph",
            "nearest_source_paragraph",
        ):
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


def _inputs(
    partisan: str | Article,
    sources: object,
    *,
    lexicon: LexiconLike | None,
    sentiment: SentimentScorer | None,
    hedges: HedgeList | None,
) -> tuple[Article, dict[str, Article], HedgeList]:
    """Return the partisan article, the named sources and the hedges that an alignment reads.

    Texts become Articles with ``lexicon`` and ``sentiment``, by default the partisan
    Article's own, so that both sides are measured alike.
    """
    if lexicon is None and isinstance(partisan, Article):
        lexicon = partisan.lexicon
    if sentiment is None and isinstance(partisan, Article):
        sentiment = partisan.sentiment
    matcher = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
    options = {"lexicon": matcher, "sentiment": sentiment}
    article = _as_article(partisan, "the partisan article", options)
    documents = _source_articles(sources, options)
    hedges = hedges or load_hedges()
    return article, documents, hedges


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
    progress: bool | None = False,
) -> Alignment:
    """Return the alignment of ``partisan`` with ``sources``, with its evidence.

    See :func:`compare` for the options; :attr:`Alignment.table` is what :func:`compare` returns
    and :meth:`Alignment.records` adds, per row, the matched trigrams and each quote's best
    source span.
    """
    containment_threshold = _check_threshold("containment_threshold", containment_threshold)
    similarity_threshold = _check_threshold("similarity_threshold", similarity_threshold)
    if progress not in (None, True, False):
        raise choices_error("progress", progress, [None, True, False])
    article, documents, hedges = _inputs(
        partisan, sources, lexicon=lexicon, sentiment=sentiment, hedges=hedges
    )

    source_paragraphs = [(name, p) for name, doc in documents.items() for p in doc.paragraphs]
    docs = [_source_doc(name, doc) for name, doc in documents.items()]
    scores = _pair_scores(article.paragraphs, [p for _, p in source_paragraphs])
    # For each source paragraph, the partisan paragraph nearest to it: (score, -index, index).
    nearest_partisan: dict[int, tuple[float, int]] = {}

    rows, used = [], set()
    with progress_bar(progress, len(article.paragraphs), unit="paragraph", desc="aligning") as bar:
        for i, paragraph in enumerate(article.paragraphs):
            containment, similarity = scores.row(i)
            for j in containment.keys() | similarity.keys():
                score = containment.get(j, 0.0) + similarity.get(j, 0.0)
                if j not in nearest_partisan or score > nearest_partisan[j][0]:
                    nearest_partisan[j] = (score, i)
            quotes = [
                _check_quote(
                    paragraph.text[start:end],
                    docs,
                    case_sensitive=case_sensitive_quotes,
                    paragraph=paragraph.index,
                    start=start,
                )
                for start, end in _quote_spans(
                    paragraph.text, paragraph.voice.quotes, min_words=QUOTE_MIN_WORDS
                )
            ]
            rows.append(
                _partisan_row(
                    paragraph,
                    containment,
                    similarity,
                    source_paragraphs,
                    used,
                    thresholds=(containment_threshold, similarity_threshold),
                    ngrams=scores.partisan_ngrams[i],
                    source_ngrams=scores.source_ngrams,
                    hedges=hedges,
                    quotes=quotes,
                )
            )
            bar.update(1)
    for j, (name, source) in enumerate(source_paragraphs):
        if j in used:
            continue
        row = ParagraphAlignment("omitted", None, name, source.index)
        if j in nearest_partisan:
            _, i = nearest_partisan[j]
            containment, similarity = scores.row(i)
            row.containment = containment.get(j, 0.0)
            row.similarity = similarity.get(j, 0.0)
            row.nearest_paragraph = article.paragraphs[i].index
        row.match = _unmatched(row.similarity)
        rows.append(row)
    return Alignment(article, documents, rows, containment_threshold, similarity_threshold)


def _unmatched(similarity: float | None) -> str:
    """Return how an unmatched paragraph relates to its nearest: said differently, maybe."""
    if similarity is not None and similarity >= CLOSE_THRESHOLD:
        return "maybe said differently"
    return "not in the source"


def _partisan_row(
    paragraph: Paragraph,
    containment: dict[int, float],
    similarity: dict[int, float],
    source_paragraphs: list[tuple[str, Paragraph]],
    used: set[int],
    *,
    thresholds: tuple[float, float],
    ngrams: set,
    source_ngrams: list[set],
    hedges: HedgeList,
    quotes: list[QuoteCheck],
) -> ParagraphAlignment:
    containment_threshold, similarity_threshold = thresholds
    candidates = sorted(containment.keys() | similarity.keys())
    total = {j: containment.get(j, 0.0) + similarity.get(j, 0.0) for j in candidates}
    passing = [
        j
        for j in candidates
        if containment.get(j, 0.0) >= containment_threshold
        or similarity.get(j, 0.0) >= similarity_threshold
    ]
    fidelity = ";".join(quote.label for quote in quotes) or None
    if not passing:
        row = ParagraphAlignment(
            "unsourced", paragraph.index, quote_fidelity=fidelity, quotes=quotes
        )
        if candidates:
            # The first of the best, as numpy's argmax over every source paragraph would give.
            nearest = max(candidates, key=lambda j: (total[j], -j))
            row.containment = containment.get(nearest, 0.0)
            row.similarity = similarity.get(nearest, 0.0)
            row.nearest_source_doc = source_paragraphs[nearest][0]
            row.nearest_source_paragraph = source_paragraphs[nearest][1].index
        else:
            row.containment = row.similarity = 0.0
        row.match = _unmatched(row.similarity)
        return row
    # The best match draws on the most: reuse and paraphrase added up.
    best = max(passing, key=lambda j: (total[j], -j))
    also = [j for j in passing if j != best]
    used.update([best, *also])
    name, source = source_paragraphs[best]
    row = _aligned_row(
        paragraph,
        name,
        source,
        containment=containment.get(best, 0.0),
        similarity=similarity.get(best, 0.0),
        shared=ngrams & source_ngrams[best],
        also=[(source_paragraphs[j][0], source_paragraphs[j][1].index) for j in also],
        hedges=hedges,
        quotes=quotes,
    )
    row.match = "copied" if row.containment >= containment_threshold else "said differently"
    return row


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
    progress: bool | None = False,
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
    the first) is ``altered``, not ``verbatim``. ``progress`` shows a tqdm bar of the partisan
    paragraphs on standard error (``None``: only when it is a terminal). For the evidence behind
    each row use :func:`align`.
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
        progress=progress,
    ).table
