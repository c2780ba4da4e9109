"""Sentiment scorers: TextBlob's pattern analyzer, and VADER as a second opinion.

Each scorer is a small object with one method, so a user can pass their own to
:class:`framing.Article` or :func:`framing.analyze` and have it honoured everywhere.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple, Protocol, runtime_checkable

from framing._cache import cached
from framing.errors import FramingError

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
    pattern_sentiment = _textblob_en_sentiment()

    class LoadedSentiment(type(pattern_sentiment)):
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__
        get = dict.get

        def assessments(self, words=None, negation=True):
            return _pattern_assessments(self, words, negation)

    len(pattern_sentiment)  # loads the lexicon
    loaded = LoadedSentiment.__new__(LoadedSentiment)
    dict.update(loaded, dict.items(pattern_sentiment))
    loaded.__dict__.update(pattern_sentiment.__dict__)
    for name in ("__contains__", "__getitem__", "__len__", "__iter__", "get"):
        loaded.__dict__.pop(name, None)  # methods lazydict bound on the instance
    loaded.tokenizer = _pattern_find_tokens
    return loaded


def _pattern_find_tokens(string: str) -> list[str]:
    """TextBlob 0.20.1's ``find_tokens`` with its default options: the same result, sooner.

    The contractions are replaced with ``str.replace`` (they are literal text, which ``re.sub``
    replaces the same way), and a token with no punctuation at either end, most of them, is
    kept without the loops that split punctuation off.
    """
    pattern_text = _textblob_text()
    abbreviations, replace = pattern_text.ABBREVIATIONS, pattern_text.replacements
    eos = pattern_text.EOS
    abbreviation_patterns = (pattern_text.RE_ABBR1, pattern_text.RE_ABBR2, pattern_text.RE_ABBR3)
    punctuation = tuple(pattern_text.PUNCTUATION.replace(".", ""))
    trailing = (*punctuation, ".")
    # Every punctuation mark is one character: a token starts (ends) with one of them when its
    # first (last) character is one.
    leading_marks, trailing_marks = frozenset(punctuation), frozenset(trailing)
    for a, b in replace.items():
        if a in string:
            string = string.replace(a, b)
    string = (
        string.replace("\u201c", " \u201c ")
        .replace("\u201d", " \u201d ")
        .replace("\u2018", " \u2018 ")
        .replace("\u2019", " \u2019 ")
        .replace("'", " ' ")
        .replace('"', ' " ')
    )
    string = string.replace("\r\n", "\n")
    if "\n\n" in string:
        string = _PATTERN_LINEBREAK.sub(f" {eos} ", string)
    string = _PATTERN_SPACES.sub(" ", string)
    tokens = []
    for t in pattern_text.TOKEN.findall(string + " "):
        if t[0] not in leading_marks and t[-1] not in trailing_marks:
            tokens.append(t)
            continue
        tail = []
        while t.startswith(punctuation) and t not in replace:
            if t.startswith(punctuation):
                tokens.append(t[0])
                t = t[1:]
        while t.endswith(trailing) and t not in replace:
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in abbreviations or any(
                    pattern.match(t) is not None for pattern in abbreviation_patterns
                ):
                    break
                else:
                    tail.append(t[-1])
                    t = t[:-1]
        if t != "":
            tokens.append(t)
        tokens.extend(reversed(tail))
    closers = ("'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")", eos)
    enders = ("...", ".", "!", "?", eos)
    # TextBlob's loop over every token, jumping from one sentence end to the next.
    ends = [index for index, token in enumerate(tokens) if token in enders]
    next_end = 0
    sentences, i, j = [[]], 0, 0
    while j < len(tokens):
        while next_end < len(ends) and ends[next_end] < j:
            next_end += 1
        if next_end == len(ends):
            j = len(tokens)
            break
        j = ends[next_end]
        if tokens[j] in enders:
            while j < len(tokens) and tokens[j] in closers:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # Balanced quotes.
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != eos)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    sentences = (" ".join(s) for s in sentences if len(s) > 0)
    sentences = (pattern_text.RE_SARCASM.sub("(!)", s) for s in sentences)
    emoticons = pattern_text.RE_EMOTICONS
    return [emoticons.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s) for s in sentences]


@cache
def _textblob_text() -> ModuleType:
    """Return TextBlob's ``textblob._text`` module, without importing the ``textblob`` package.

    ``import textblob`` imports NLTK, and NLTK imports SciPy's statistics: about a second, most
    of a one-article ``framing analyze``. ``_text.py`` itself needs only the standard library.
    When TextBlob is already imported its module is used; else ``_text.py`` is run by itself,
    as a private module: the same code and constants, from the same file.
    """
    imported = sys.modules.get("textblob._text")
    if imported is not None:
        return imported
    package = importlib.util.find_spec("textblob")  # finds it; does not run its __init__
    if package is None or not package.submodule_search_locations:
        raise FramingError("TextBlob is not installed; install it with: pip install textblob")
    path = Path(package.submodule_search_locations[0]) / "_text.py"
    spec = importlib.util.spec_from_file_location("framing.measures._textblob_text", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: The English sentiment lexicon's options, as ``textblob.en`` (TextBlob 0.20.1) sets them.
_EN_SENTIMENT_OPTIONS = {
    "synset": "wordnet_id",
    "negations": ("no", "not", "n't", "never"),
    "modifiers": ("RB",),
    "language": "en",
}


def _textblob_en_sentiment():
    """Return ``textblob.en.sentiment`` with its lexicon loaded, without importing TextBlob.

    When TextBlob is already imported, its own object. Otherwise a ``Sentiment`` of the same
    file with the same options, whose lexicon (words, labels and synsets) is read from the user
    cache when a copy made from this very XML file is there (:func:`framing._cache.cached`),
    else from the XML, as ``textblob.en.Sentiment.load`` reads it.
    """
    imported = sys.modules.get("textblob.en")
    if imported is not None:
        len(imported.sentiment)  # loads its lexicon
        return imported.sentiment
    pattern_text = _textblob_text()
    xml = Path(pattern_text.__file__).parent / "en" / "en-sentiment.xml"
    sentiment = pattern_text.Sentiment(
        path=str(xml), modifier=lambda w: w.endswith("ly"), **_EN_SENTIMENT_OPTIONS
    )
    words, labels, synsets, language = cached(
        "textblob-en-sentiment",
        sources=[xml, Path(pattern_text.__file__)],
        code=[__name__],
        build=lambda: _read_en_sentiment(pattern_text, xml),
    )
    dict.update(sentiment, words)
    sentiment.labeler.update(labels)
    sentiment._synsets.update(synsets)
    sentiment._language = language
    return sentiment


def _read_en_sentiment(pattern_text: ModuleType, xml: Path) -> tuple[dict, dict, dict, str]:
    """Return the words, labels, synsets and language of TextBlob's English sentiment XML.

    ``textblob.en.Sentiment.load`` (TextBlob 0.20.1): the XML as ``_text.Sentiment`` reads it,
    then an adverb in "-ly" for each adjective ("terrible" gives "terribly").
    """
    sentiment = pattern_text.Sentiment(path=str(xml), **_EN_SENTIMENT_OPTIONS)
    pattern_text.Sentiment.load(sentiment)
    for w, pos in list(dict.items(sentiment)):
        if "JJ" in pos:
            if w.endswith("y"):
                w = w[:-1] + "i"
            if w.endswith("le"):
                w = w[:-2]
            p, s, i = pos["JJ"]
            sentiment.annotate(w + "ly", "RB", p, s, i)
    return dict(dict.items(sentiment)), sentiment.labeler, sentiment._synsets, sentiment._language


# TextBlob's find_tokens: the line breaks that end a sentence, and white space.
_PATTERN_LINEBREAK = re.compile(r"\n{2,}")
_PATTERN_SPACES = re.compile(r"\s+")


def _pattern_assessments(sentiment, words=None, negation=True):
    """TextBlob 0.20.1's ``Sentiment.assessments``, with its emoticons looked up in a dict.

    TextBlob lower-cases every emoticon of every mood for each short word that is not a letter
    (a number, "U.S."); the dict holds each lower-cased emoticon with the first mood that has it,
    in TextBlob's order, which is the mood TextBlob's loop finds.
    """
    pattern_text = _textblob_text()
    IRONY, MOOD = pattern_text.IRONY, pattern_text.MOOD
    PUNCTUATION = pattern_text.PUNCTUATION
    emoticons = _pattern_emoticons()
    if words is None:
        words = []
    a = []
    m = None  # Preceding modifier (i.e., adverb or adjective).
    n = None  # Preceding negation (e.g., "not beautiful").
    for w, pos in words:
        if w is None:
            continue
        if w in sentiment and pos in sentiment[w]:
            p, s, i = sentiment[w][pos]
            if m is None:
                a.append(dict(w=[w], p=p, s=s, i=i, n=1, x=sentiment.labeler.get(w)))
            if m is not None:
                a[-1]["w"].append(w)
                a[-1]["p"] = max(-1.0, min(p * a[-1]["i"], +1.0))
                a[-1]["s"] = max(-1.0, min(s * a[-1]["i"], +1.0))
                a[-1]["i"] = i
                a[-1]["x"] = sentiment.labeler.get(w)
            if n is not None:
                a[-1]["w"].insert(0, n)
                a[-1]["i"] = 1.0 / a[-1]["i"]
                a[-1]["n"] = -1
            m = None
            n = None
            if (
                pos
                and pos in sentiment.modifiers
                or any(map(sentiment[w].__contains__, sentiment.modifiers))
            ):
                m = (w, pos)
            if negation and w in sentiment.negations:
                n = w
        else:
            if negation and w in sentiment.negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if (
                n is not None
                and m is not None
                and (pos in sentiment.modifiers or sentiment.modifier(m[0]))
            ):
                a[-1]["w"].append(n)
                a[-1]["n"] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1]["w"].append("!")
                a[-1]["p"] = max(-1.0, min(a[-1]["p"] * 1.25, +1.0))
            if w == "(!)":
                a.append(dict(w=[w], p=0.0, s=1.0, i=1.0, n=1, x=IRONY))
            if w.isalpha() is False and len(w) <= 5 and w not in PUNCTUATION:
                p = emoticons.get(w)
                if p is not None:
                    a.append(dict(w=[w], p=p, s=1.0, i=1.0, n=1, x=MOOD))
    for i in range(len(a)):
        w = a[i]["w"]
        p = a[i]["p"]
        s = a[i]["s"]
        n = a[i]["n"]
        x = a[i]["x"]
        # "not good" = slightly bad, "not bad" = slightly good.
        a[i] = (w, p * -0.5 if n < 0 else p, s, x)
    return a


@cache
def _pattern_emoticons() -> dict[str, float]:
    """Return TextBlob's emoticons, lower-cased, each with the polarity of its first mood."""
    EMOTICONS = _textblob_text().EMOTICONS

    polarities: dict[str, float] = {}
    for (_mood, polarity), emoticons in EMOTICONS.items():
        for emoticon in emoticons:
            polarities.setdefault(emoticon.lower(), polarity)
    return polarities


def _vader_analyzer():
    """Return VADER's analyzer with two of its loops made cheaper, its values unchanged.

    ``polarity_scores`` rebuilds the text character by character to replace emojis, and its
    checks lower-case every word of the text again for each sentiment word. This subclass skips
    the rebuild when the text has no emoji (it would give the text back), lower-cases the words
    once per text, and gives a word outside VADER's lexicon its valence of 0 without calling
    ``sentiment_valence``. tests/test_sentiment.py checks the values against VADER's on every
    BABE sentence and AllSides paragraph.
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
            lower = [word.lower() for word in words_and_emoticons]
            self._words, self._lower = words_and_emoticons, lower
            boosters, lexicon = vader.BOOSTER_DICT, self.lexicon
            for i, item in enumerate(words_and_emoticons):
                valence = 0
                if lower[i] in boosters:
                    sentiments.append(valence)
                    continue
                if i < len(words_and_emoticons) - 1 and lower[i] == "kind" and lower[i + 1] == "of":
                    sentiments.append(valence)
                    continue
                if lower[i] not in lexicon:
                    # What sentiment_valence does with a word outside the lexicon.
                    sentiments.append(valence)
                    continue
                sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

        def _lowered(self, words_and_emoticons) -> list[str]:
            if words_and_emoticons is not self._words:
                self._words = words_and_emoticons
                self._lower = [str(word).lower() for word in words_and_emoticons]
            return self._lower

        def sentiment_valence(self, valence, sentitext, item, i, sentiments):
            # VADER 3.3.2's sentiment_valence, with the words lower-cased once.
            is_cap_diff = sentitext.is_cap_diff
            words_and_emoticons = sentitext.words_and_emoticons
            lower = self._lowered(words_and_emoticons)
            lexicon = self.lexicon
            item_lowercase = item.lower()
            if item_lowercase in lexicon:
                valence = lexicon[item_lowercase]
                if (
                    item_lowercase == "no"
                    and i != len(words_and_emoticons) - 1
                    and lower[i + 1] in lexicon
                ):
                    valence = 0.0
                if (
                    (i > 0 and lower[i - 1] == "no")
                    or (i > 1 and lower[i - 2] == "no")
                    or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
                ):
                    valence = lexicon[item_lowercase] * vader.N_SCALAR
                if item.isupper() and is_cap_diff:
                    if valence > 0:
                        valence += vader.C_INCR
                    else:
                        valence -= vader.C_INCR
                for start_i in range(0, 3):
                    if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                        s = vader.scalar_inc_dec(
                            words_and_emoticons[i - (start_i + 1)], valence, is_cap_diff
                        )
                        if start_i == 1 and s != 0:
                            s = s * 0.95
                        if start_i == 2 and s != 0:
                            s = s * 0.9
                        valence = valence + s
                        valence = _vader_negation(valence, lower, start_i, i)
                        if start_i == 2:
                            valence = _vader_idioms(valence, lower, i)
                valence = _vader_least(valence, lower, i, lexicon)
            sentiments.append(valence)
            return sentiments

        def _negation_check(self, valence, words_and_emoticons, start_i, i):
            return _vader_negation(valence, self._lowered(words_and_emoticons), start_i, i)

        def _special_idioms_check(self, valence, words_and_emoticons, i):
            return _vader_idioms(valence, self._lowered(words_and_emoticons), i)

        def _least_check(self, valence, words_and_emoticons, i):
            return _vader_least(valence, self._lowered(words_and_emoticons), i, self.lexicon)

    return Analyzer()


@cache
def _vader_module():
    """Return ``vaderSentiment.vaderSentiment`` (imported on first use)."""
    from vaderSentiment import vaderSentiment

    return vaderSentiment


def _vader_least(valence: float, lower: list[str], i: int, lexicon: dict) -> float:
    """VADER 3.3.2's ``_least_check``, given the words already lower-cased."""
    N_SCALAR = _vader_module().N_SCALAR
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _vader_negates(word: str) -> bool:
    """VADER 3.3.2's ``negated([word])``: a negation word, or a word with "n't"."""
    word = word.lower()
    return word in _vader_negations() or "n't" in word


@cache
def _vader_negations() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import NEGATE

    return frozenset(NEGATE)


def _vader_idioms(valence: float, lower: list[str], i: int) -> float:
    """VADER 3.3.2's ``_special_idioms_check``, given the words already lower-cased."""
    vader = _vader_module()
    BOOSTER_DICT, SPECIAL_CASES = vader.BOOSTER_DICT, vader.SPECIAL_CASES
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for sequence in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if sequence in SPECIAL_CASES:
            valence = SPECIAL_CASES[sequence]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    # Booster and dampener bi-grams such as "sort of" or "kind of".
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _vader_negation(valence: float, lower: list[str], start_i: int, i: int) -> float:
    """VADER 3.3.2's ``_negation_check``, given the words already lower-cased."""
    N_SCALAR = _vader_module().N_SCALAR
    if start_i == 0:
        if _vader_negates(lower[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            valence = valence
        elif _vader_negates(lower[i - (start_i + 1)]):
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
        elif _vader_negates(lower[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    return valence
