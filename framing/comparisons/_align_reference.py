"""The first alignment, kept as the plain reference that the indexed one is tested against.

This is :mod:`framing.comparisons.align` as it was before the shingle index and the
paraphrase-aware score: every partisan paragraph against every source paragraph (trigram
containment, and TF-IDF cosine over words and character n-grams), and each direct quote looked
up by scanning every window of the sources. Only that scoring and scanning are its own: the
words, quote spans, inputs and rows come from :mod:`~framing.comparisons.align`. It is
quadratic in the texts' length (a 45,821-word article against a 42,918-word source took 367 s),
so it is not used by :func:`align`: the tests check that the fast path gives the same
containment, the same quote checks and the same rows where the two must agree, and
``benchmarks/alignment_speed.py`` times the two in one run.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import numpy as np

from framing.article import Article, Paragraph
from framing.comparisons.align import (
    CONTAINMENT_NGRAM,
    CONTAINMENT_THRESHOLD,
    QUOTE_MIN_WORDS,
    Alignment,
    ParagraphAlignment,
    QuoteCheck,
    _aligned_row,
    _check_threshold,
    _first_folded,
    _inputs,
    _keys,
    _ngrams,
    _quote_matcher,
    _quote_spans,
    _segment_words,
    _segments,
    _source_doc,
    _span_check,
    _verbatim,
    _window_ratio,
    _words,
)
from framing.measures.hedges import HedgeList
from framing.measures.sentiment import SentimentScorer
from framing.types import LexiconLike

#: The first alignment's similarity threshold and its n-grams (see align.py's history).
SIMILARITY_THRESHOLD = 0.18
WORD_NGRAM_RANGE = (1, 2)
CHAR_NGRAM_RANGE = (3, 5)

# --- words and n-grams --------------------------------------------------------------------------


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


def reference_check_quote(
    quote: str,
    sources: Mapping[str, Article],
    *,
    case_sensitive: bool = False,
    paragraph: int | None = None,
    start: int = 0,
) -> QuoteCheck:
    """Return whether ``quote`` is in the sources verbatim, altered, or not found.

    The plain twin of :func:`~framing.comparisons.align.check_quote` (see it for what each
    fidelity means): the quote is looked for at every place of every source, and every window
    of about its length is scored.
    """
    docs = [_source_doc(name, article) for name, article in sources.items()]
    segments = _segments(quote)
    end = start + len(quote)
    if not segments:
        return QuoteCheck(paragraph, start, end, quote, "not_found", 0.0)
    quoted = [word for segment in segments for word in segment]
    for doc in docs:
        keys = _keys(doc.words, case_sensitive=case_sensitive)
        found = _segment_words(
            segments,
            functools.partial(_find, keys=keys),
            case_sensitive=case_sensitive,
        )
        if found is not None:
            return _verbatim(quote, quoted, doc, found, paragraph=paragraph, start=start)
    # The best span: the most quote words matched in order (difflib's matching blocks), over the
    # longer of quote and span, so that a span that leaves a changed word out scores no higher.
    best = (0.0, None, 0, 0)
    wanted, matcher = _quote_matcher(quoted, case_sensitive=case_sensitive)
    shared = set(wanted)
    for doc in docs:
        keys = _keys(doc.words, case_sensitive=case_sensitive)
        for length in (len(wanted), len(wanted) - 1, len(wanted) + 1):
            for first in range(max(1, len(keys) - length + 1) if length > 0 else 0):
                window = keys[first : first + length]
                if not shared.intersection(window):
                    continue
                ratio = _window_ratio(matcher, window, wanted)
                if ratio > best[0]:
                    best = (ratio, doc, first, first + len(window))
    return _span_check(quote, best, paragraph=paragraph, start=start)


# --- alignment ----------------------------------------------------------------------------------


def reference_align(
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
    article, documents, hedges = _inputs(
        partisan, sources, lexicon=lexicon, sentiment=sentiment, hedges=hedges
    )

    source_paragraphs = [(name, p) for name, doc in documents.items() for p in doc.paragraphs]
    containments, similarity, partisan_ngrams, source_ngrams = _pair_scores(
        article.paragraphs, [p for _, p in source_paragraphs]
    )

    rows, used = [], set()
    for i, paragraph in enumerate(article.paragraphs):
        ngrams, containment = partisan_ngrams[i], containments[i]
        passes = (containment >= containment_threshold) | (similarity[i] >= similarity_threshold)
        quotes = [
            reference_check_quote(
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
                    nearest_source_doc=source_paragraphs[nearest][0],
                    nearest_source_paragraph=source_paragraphs[nearest][1].index,
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


def reference_scores(partisan: Article, source: Article) -> tuple[np.ndarray, np.ndarray]:
    """Return the first alignment's containment and similarity of every paragraph pair.

    Rows are the partisan article's paragraphs, columns the source's, as :func:`reference_align`
    computes them for one source.
    """
    containment, similarity, _, _ = _pair_scores(partisan.paragraphs, source.paragraphs)
    return containment, similarity


def _pair_scores(partisan: Sequence[Paragraph], sources: Sequence[Paragraph]) -> tuple:
    """Return the containment and similarity matrices of every pair of paragraphs, and the
    partisan and source paragraphs' trigram sets."""
    partisan_words = [[w.folded for w in _words(p.text)] for p in partisan]
    source_words = [[w.folded for w in _words(p.text)] for p in sources]
    similarity = _similarity(
        [" ".join(w) for w in partisan_words], [" ".join(w) for w in source_words]
    )
    partisan_ngrams = [_ngrams(words, CONTAINMENT_NGRAM) for words in partisan_words]
    source_ngrams = [_ngrams(words, CONTAINMENT_NGRAM) for words in source_words]
    containment = np.array(
        [[_containment(ngrams, other) for other in source_ngrams] for ngrams in partisan_ngrams]
    ).reshape(len(partisan_words), len(source_words))
    return containment, similarity, partisan_ngrams, source_ngrams
