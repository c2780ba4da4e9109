"""Sentiment scorers: TextBlob's pattern analyzer, and VADER as a second opinion.

Each scorer is a small object with one method, so a user can pass their own to
:class:`framing.Article` or :func:`framing.analyze` and have it honoured everywhere. The scorers
run copies of TextBlob's and VADER's internals, each in a private module of its own
(``_textblob_fast``, ``_vader_fast``) that names the exact version it copies and refuses any
other. A scorer keeps nothing of one call: threads may share one.
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple, Protocol, runtime_checkable

from framing.text.words import split_sentences

__all__ = [
    "Sentiment",
    "SentimentScorer",
    "CompoundScorer",
    "TextBlobSentiment",
    "VaderSentiment",
    "default_sentiment",
    "default_vader",
    "mean_or_nan",
    "sentence_compounds",
    "text_and_sentence_compounds",
]


class Sentiment(NamedTuple):
    """Polarity in [-1, 1] and subjectivity in [0, 1], as TextBlob defines them."""

    polarity: float
    subjectivity: float


@runtime_checkable
class SentimentScorer(Protocol):
    """Anything that scores a text's polarity and subjectivity."""

    def score(self, text: str) -> Sentiment:
        """Return the polarity and subjectivity of ``text``."""
        ...


@runtime_checkable
class CompoundScorer(Protocol):
    """Anything that scores a text with one compound sentiment value in [-1, 1]."""

    def compound(self, text: str) -> float:
        """Return the compound sentiment of ``text``."""
        ...


class TextBlobSentiment:
    """TextBlob's default (pattern) sentiment, called without building a ``TextBlob``.

    ``TextBlob(text).sentiment`` builds a blob and a new namedtuple class on every call; the
    numbers come from ``textblob.en.sentiment``, which this calls directly, with the faster
    copies of TextBlob's tokenizer and scoring in :mod:`framing.measures._textblob_fast`.
    The values are exactly TextBlob's, and no NLTK data is needed.

    >>> TextBlobSentiment().score("a horrible movie")
    Sentiment(polarity=-1.0, subjectivity=1.0)
    """

    def __init__(self) -> None:
        # Imported here: TextBlob is slow to import, and the copy checks TextBlob's version.
        from framing.measures._textblob_fast import loaded_sentiment, polarity_subjectivity

        self._pattern_sentiment = loaded_sentiment()
        self._polarity_subjectivity = polarity_subjectivity

    def score(self, text: str) -> Sentiment:
        return Sentiment(*self._polarity_subjectivity(self._pattern_sentiment, text))


class VaderSentiment:
    """VADER's compound score (Hutto and Gilbert 2014), over the whole text given.

    Scored by the faster copy of VADER's scoring path in :mod:`framing.measures._vader_fast`;
    the values are exactly VADER's.

    >>> VaderSentiment().compound("a horrible movie")
    -0.5423
    """

    def __init__(self) -> None:
        # Imported here, as TextBlob is above: the copy checks vaderSentiment's version.
        from framing.measures._vader_fast import FastAnalyzer

        self._analyzer = FastAnalyzer()

    def compound(self, text: str) -> float:
        return self._analyzer.compound(text)

    def compounds(self, text: str) -> tuple[float, list[float]]:
        """Return the compound of ``text`` and of each of its sentences, from one pass over its
        words (:meth:`framing.measures._vader_fast.FastAnalyzer.compounds`).

        >>> VaderSentiment().compounds("A horrible movie. A fine cast.")
        (-0.4019, [-0.5423, 0.2023])
        """
        return self._analyzer.compounds(text)


@cache
def default_sentiment() -> TextBlobSentiment:
    """Return the shared default polarity and subjectivity scorer (built once)."""
    return TextBlobSentiment()


@cache
def default_vader() -> VaderSentiment:
    """Return the shared default VADER scorer (its lexicon is loaded once)."""
    return VaderSentiment()


def sentence_compounds(
    scorer: CompoundScorer, text: str, *, whole: float | None = None
) -> list[float]:
    """Return ``scorer``'s compound score of each sentence of ``text``
    (:func:`~framing.text.words.split_sentences`).

    VADER's compound saturates on long texts (the seed's own words, joined, score -0.985); the
    mean over sentences, with their count, does not. ``whole`` is the score of all of ``text``
    when it is known already: a text of one sentence then is not scored again.

    >>> sentence_compounds(default_vader(), "A horrible movie. A fine cast.")
    [-0.5423, 0.2023]
    """
    spans = split_sentences(text)
    if whole is not None and spans == [(0, len(text))]:
        return [whole]
    return [scorer.compound(text[start:end]) for start, end in spans]


def text_and_sentence_compounds(scorer: CompoundScorer, text: str) -> tuple[float, list[float]]:
    """Return ``scorer``'s compound score of ``text`` and of each of its sentences: VADER's
    from one pass over the words (:meth:`VaderSentiment.compounds`), any other scorer's from
    :func:`sentence_compounds`.

    >>> text_and_sentence_compounds(default_vader(), "A horrible movie. A fine cast.")
    (-0.4019, [-0.5423, 0.2023])
    """
    if isinstance(scorer, VaderSentiment):
        return scorer.compounds(text)
    whole = scorer.compound(text)
    return whole, sentence_compounds(scorer, text, whole=whole)


def mean_or_nan(values: list[float]) -> float:
    """Return the mean of ``values``, or NaN when there are none."""
    return math.fsum(values) / len(values) if values else math.nan
