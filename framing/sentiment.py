"""Sentiment scorers: TextBlob's pattern analyzer, and VADER as a second opinion.

Each scorer is a small object with one method, so a user can pass their own to
:class:`framing.Article` or :func:`framing.analyze` and have it honoured everywhere.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple, Protocol, runtime_checkable

__all__ = [
    "Sentiment",
    "SentimentScorer",
    "CompoundScorer",
    "TextBlobSentiment",
    "VaderSentiment",
    "default_sentiment",
    "default_vader",
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
    numbers come from ``textblob.en.sentiment``, which this calls directly. The values are
    exactly TextBlob's, and no NLTK data is needed.

    >>> TextBlobSentiment().score("a horrible movie")
    Sentiment(polarity=-1.0, subjectivity=1.0)
    """

    def __init__(self) -> None:
        self._pattern_sentiment = _loaded_pattern_sentiment()

    def score(self, text: str) -> Sentiment:
        polarity, subjectivity = self._pattern_sentiment(text)
        return Sentiment(polarity, subjectivity)


class VaderSentiment:
    """VADER's compound score (Hutto and Gilbert 2014), over the whole text given.

    >>> VaderSentiment().compound("a horrible movie")
    -0.5423
    """

    def __init__(self) -> None:
        self._analyzer = _vader_analyzer()

    def compound(self, text: str) -> float:
        return self._analyzer.polarity_scores(text)["compound"]


@cache
def default_sentiment() -> TextBlobSentiment:
    """Return the shared default polarity and subjectivity scorer (built once)."""
    return TextBlobSentiment()


@cache
def default_vader() -> VaderSentiment:
    """Return the shared default VADER scorer (its lexicon is loaded once)."""
    return VaderSentiment()


def _loaded_pattern_sentiment():
    """Return TextBlob's English sentiment analyzer, loaded, without its lazy-dict lookups.

    ``textblob.en.sentiment`` is a ``lazydict``: every ``word in lexicon`` and ``lexicon[word]``
    goes through a Python-level check that the XML is loaded, which costs about a sixth of its
    run time. This copy runs TextBlob's own scoring code over the same loaded dictionary with
    plain ``dict`` lookups, so its values are TextBlob's exactly (tests/test_sentiment.py).
    """
    from textblob.en import sentiment as pattern_sentiment

    class LoadedSentiment(type(pattern_sentiment)):
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__
        get = dict.get

    len(pattern_sentiment)  # loads the lexicon
    loaded = LoadedSentiment.__new__(LoadedSentiment)
    dict.update(loaded, dict.items(pattern_sentiment))
    loaded.__dict__.update(pattern_sentiment.__dict__)
    for name in ("__contains__", "__getitem__", "__len__", "__iter__", "get"):
        loaded.__dict__.pop(name, None)  # methods lazydict bound on the instance
    return loaded


def _vader_analyzer():
    """Return VADER's analyzer with two of its loops made cheaper, its values unchanged.

    ``polarity_scores`` rebuilds the text character by character to replace emojis, and
    ``_negation_check`` lower-cases every word of the text again for each sentiment word. This
    subclass skips the rebuild when the text has no emoji (it would give the text back) and
    lower-cases the words once per text. tests/test_sentiment.py checks the values against
    VADER's on every BABE sentence and AllSides paragraph.
    """
    from vaderSentiment import vaderSentiment as vader

    class Analyzer(vader.SentimentIntensityAnalyzer):
        def __init__(self) -> None:
            super().__init__()
            self._emoji_characters = frozenset(key for key in self.emojis if len(key) == 1)
            self._words: list | None = None
            self._lower: list[str] = []

        def polarity_scores(self, text):
            if not self._emoji_characters.isdisjoint(text):
                return super().polarity_scores(text)
            # VADER's own steps after the emoji replacement (vaderSentiment 3.3.2).
            text = text.strip()
            sentitext = vader.SentiText(text)
            sentiments = []
            words_and_emoticons = sentitext.words_and_emoticons
            for i, item in enumerate(words_and_emoticons):
                valence = 0
                if item.lower() in vader.BOOSTER_DICT:
                    sentiments.append(valence)
                    continue
                if (
                    i < len(words_and_emoticons) - 1
                    and item.lower() == "kind"
                    and words_and_emoticons[i + 1].lower() == "of"
                ):
                    sentiments.append(valence)
                    continue
                sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

        def _negation_check(self, valence, words_and_emoticons, start_i, i):
            if words_and_emoticons is not self._words:
                self._words = words_and_emoticons
                self._lower = [str(word).lower() for word in words_and_emoticons]
            return _vader_negation(valence, self._lower, start_i, i)

    return Analyzer()


def _vader_negation(valence: float, lower: list[str], start_i: int, i: int) -> float:
    """VADER 3.3.2's ``_negation_check``, given the words already lower-cased."""
    from vaderSentiment.vaderSentiment import N_SCALAR, negated

    if start_i == 0:
        if negated([lower[i - (start_i + 1)]]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            valence = valence
        elif negated([lower[i - (start_i + 1)]]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (
            lower[i - 3] == "never"
            and (lower[i - 2] == "so" or lower[i - 2] == "this")
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            valence = valence
        elif negated([lower[i - (start_i + 1)]]):
            valence = valence * N_SCALAR
    return valence
