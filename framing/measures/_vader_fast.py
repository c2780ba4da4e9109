"""A copy of vaderSentiment 3.3.2's scoring path, made faster, its values unchanged.

The pieces copied, all from ``vaderSentiment/vaderSentiment.py`` of vaderSentiment 3.3.2,
exactly that version (pyproject.toml pins it, and importing this module checks that it is the one
installed):

- :meth:`FastAnalyzer.polarity_scores` copies ``SentimentIntensityAnalyzer.polarity_scores``
  after its emoji pass (a text with an emoji is scored by VADER's own ``polarity_scores``),
  with ``SentiText`` (its words and ``allcap_differential``) inline;
- :meth:`FastAnalyzer.compound` is the same up to ``score_valence``, of which
  :func:`_compound` copies the compound score alone;
- :func:`_sentiment_valence` copies ``SentimentIntensityAnalyzer.sentiment_valence``;
- :func:`_least_check`, :func:`_negation_check`, :func:`_special_idioms_check` and
  :func:`_but_check` copy the analyzer's methods of those names, and :func:`_negated` copies
  ``negated`` for the one word it is given.

What changes: the emoji pass, which rebuilds the text character by character, is skipped for a
text without emoji (it would give the text back; an ASCII text has none); the words are
lower-cased once per text, not again in each check; a word outside VADER's lexicon gets its
valence of 0 without a call to ``sentiment_valence``, and a word before it that is no booster
its scalar of 0.0 without a call to ``scalar_inc_dec``; the punctuation is stripped off the
words without a call per word; the compound score is computed without the three others, and
without the punctuation's emphasis where the text has no "!" and no "?" (VADER adds 0.0); the
special idioms are looked up only where two words that start one stand together; only the
characters that are not ASCII are looked up among the emoji, and only the tokens that lost
punctuation are checked for their length (:func:`_stripped_words`). The
lower-cased words are a local of each call, passed to the checks: a :class:`FastAnalyzer`
keeps nothing of one call, so one analyzer serves any number of threads.

Beside it, its plain twin :func:`reference_polarity_scores` calls VADER's public
``SentimentIntensityAnalyzer().polarity_scores``; tests/test_sentiment.py checks that both give
the same scores on every BABE sentence and AllSides paragraph.
"""

from __future__ import annotations

import re
import string
from functools import cache
from itertools import compress, count, repeat
from operator import is_not

from framing.errors import require_version
from framing.text.words import split_sentences

#: The vaderSentiment release copied here; pyproject.toml pins the same.
VADER_VERSION = "3.3.2"

require_version("vaderSentiment", VADER_VERSION, copied_by="framing's fast VADER sentiment")

from vaderSentiment.vaderSentiment import (  # noqa: E402  (only the copied version)
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
    scalar_inc_dec,
)

__all__ = ["VADER_VERSION", "FastAnalyzer", "reference_compounds", "reference_polarity_scores"]

_NEGATIONS = frozenset(NEGATE)
#: What VADER strips off a word's ends (SentiText._strip_punc_if_word).
_PUNCTUATION = string.punctuation
#: A character that is not ASCII.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


class FastAnalyzer:
    """VADER's analyzer with two of its loops made cheaper: the scores of ``polarity_scores``.

    >>> FastAnalyzer().polarity_scores("not a horrible movie")["compound"]
    0.431
    """

    def __init__(self) -> None:
        self._vader = SentimentIntensityAnalyzer()
        self.lexicon: dict[str, float] = self._vader.lexicon
        # The emoji pass replaces single characters only: a text with none of them is unchanged.
        self._emoji_characters = frozenset(key for key in self._vader.emojis if len(key) == 1)
        # None of them is ASCII (in vaderSentiment 3.3.2): an ASCII text has none of them, and
        # str.isascii() answers at once, where a look-up of every character takes microseconds.
        self._ascii_emoji = any(character.isascii() for character in self._emoji_characters)

    def _may_hold_emoji(self, text: str) -> bool:
        """Return whether ``text`` holds a character that VADER's emoji pass replaces.

        No emoji is ASCII, so only the characters of a text that are not ASCII are looked up
        (a few in a paragraph of news, its curly quotes and dashes), found by one pattern in C,
        where looking up every character costs about twice as much. Equal to
        :meth:`_reference_may_hold_emoji` (tests/test_sentiment.py, on every real text).
        """
        if self._ascii_emoji:  # not in vaderSentiment 3.3.2: every character is looked up
            return self._reference_may_hold_emoji(text)
        if text.isascii():
            return False
        return not self._emoji_characters.isdisjoint(_NOT_ASCII.findall(text))

    def _reference_may_hold_emoji(self, text: str) -> bool:
        """Return what :meth:`_may_hold_emoji` returns, the plain way: every character looked
        up."""
        return not self._emoji_characters.isdisjoint(text)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Return VADER's ``neg``, ``neu``, ``pos`` and ``compound`` scores of ``text``."""
        if self._may_hold_emoji(text):
            return self._vader.polarity_scores(text)
        text, sentiments = self._sentiments(text)
        return self._vader.score_valence(sentiments, text)

    def compound(self, text: str) -> float:
        """Return VADER's ``compound`` score of ``text``: ``polarity_scores(text)["compound"]``,
        without the ``neg``, ``neu`` and ``pos`` scores.

        >>> FastAnalyzer().compound("not a horrible movie")
        0.431
        """
        if self._may_hold_emoji(text):
            return self._vader.polarity_scores(text)["compound"]
        text, sentiments = self._sentiments(text)
        return _compound(sentiments, text, self._vader)

    def compounds(self, text: str) -> tuple[float, list[float]]:
        """Return ``compound(text)`` and the compound of each sentence of ``text``
        (:func:`~framing.text.words.split_sentences`), from one pass over its words.

        The words of the sentences are the words of the text, in order (a sentence ends before
        white space, so no sentence ends inside a word): each word is stripped, lower-cased and
        looked up once. A word's valence depends on the three words before it, the two after
        it and whether only some words of its text are in capitals; a word at least three words
        from its sentence's start and two from its end, in a sentence whose capitals differ as
        the text's do, has the valence it has in the whole text. Only the others are scored
        again, and "but" and the punctuation's emphasis are applied to each sentence on its
        own, as VADER does.
        :func:`reference_compounds` is the plain twin it must equal.

        >>> FastAnalyzer().compounds("A horrible movie. A fine cast.")
        (-0.4019, [-0.5423, 0.2023])
        """
        spans = split_sentences(text)
        if self._may_hold_emoji(text):  # each text is scored on its own
            return self.compound(text), [self.compound(text[s:e]) for s, e in spans]
        words = _stripped_words(text.split())
        upper = list(map(str.isupper, words))
        lower = list(map(str.lower, words))
        lexicon = self.lexicon
        hits = _indexes_in(lower, lexicon)
        is_cap_diff = 0 < len(words) - sum(upper) < len(words)
        valences = _valences(words, lower, is_cap_diff, lexicon, hits)
        whole = _compound(_but_check(lower, valences.copy()), text, self._vader)
        if len(spans) <= 1:
            return whole, [whole] * len(spans)
        scores = []
        first = 0
        for start, end in spans:
            size = len(text[start:end].split())  # the sentence's words: the text's next ones
            last = first + size
            sentence_lower = lower[first:last]
            capitals = sum(upper[first:last])
            sentence_cap_diff = 0 < size - capitals < size
            # The words whose valence is the text's: far enough from both ends, same capitals.
            kept = range(first + 3, last - 2) if sentence_cap_diff == is_cap_diff else range(0)
            fresh = [i - first for i in hits if first <= i < last and i not in kept]
            sentiments = _valences(
                words[first:last], sentence_lower, sentence_cap_diff, lexicon, fresh
            )
            for i in kept:
                sentiments[i - first] = valences[i]
            scores.append(
                _compound(_but_check(sentence_lower, sentiments), text[start:end], self._vader)
            )
            first = last
        return whole, scores

    def _sentiments(self, text: str) -> tuple[str, list[float]]:
        """Return the text stripped and the valence of each of its words, as VADER's
        ``polarity_scores`` finds them after its emoji pass."""
        text = text.strip()
        # SentiText(text): the words with their punctuation stripped, and whether only some of
        # them are in capitals.
        words = _stripped_words(text.split())
        capitals = sum(map(str.isupper, words))
        is_cap_diff = 0 < len(words) - capitals < len(words)
        lower = list(map(str.lower, words))
        lexicon = self.lexicon
        hits = _indexes_in(lower, lexicon)
        return text, _but_check(lower, _valences(words, lower, is_cap_diff, lexicon, hits))


def _stripped_words(tokens: list[str]) -> list[str]:
    """Return VADER 3.3.2's words of a text split at white space (``SentiText``'s
    ``_strip_punc_if_word``): each token with the punctuation at its ends stripped, unless that
    leaves two characters or fewer (an emoticon, ":)"), which keep the token as it is.

    Every token is stripped by one ``map`` in C; only the tokens that stripping changed (a
    token with no punctuation at its ends comes back as the very same object), a few in a
    paragraph, are checked for their length in Python: about 15% fewer instructions than a
    comprehension that checks each token. Equal to :func:`_reference_stripped_words`
    (tests/test_sentiment.py, on every real text).
    """
    words = list(map(str.strip, tokens, repeat(_PUNCTUATION)))
    for i in compress(count(), map(is_not, words, tokens)):
        if len(words[i]) <= 2:
            words[i] = tokens[i]
    return words


def _reference_stripped_words(tokens: list[str]) -> list[str]:
    """Return what :func:`_stripped_words` returns, as VADER finds each word."""
    return [
        token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped for token in tokens
    ]


def _indexes_in(words: list[str], lexicon: dict[str, float]) -> list[int]:
    """Return the indexes of the ``words`` that are in ``lexicon``, found in C (``map``,
    ``compress``): ``[i for i, word in enumerate(words) if word in lexicon]``."""
    return list(compress(count(), map(lexicon.__contains__, words)))


def _valences(
    words: list[str], lower: list[str], is_cap_diff: bool, lexicon: dict[str, float], hits
) -> list[float]:
    """Return the valence of each of ``words`` before VADER's "but" check, given the indices
    of the words of the lexicon to score (``hits``); every other word gets 0.

    A word outside the lexicon, a booster ("very") or the "kind" of "kind of" gets 0, as VADER
    gives it; a word of the lexicon gets its valence."""
    last = len(words) - 1
    sentiments = [0] * len(words)
    for i in hits:
        word = lower[i]
        if word in BOOSTER_DICT or (i < last and word == "kind" and lower[i + 1] == "of"):
            continue
        sentiments[i] = _sentiment_valence(words, lower, is_cap_diff, lexicon, i)
    return sentiments


def _compound(sentiments: list[float], text: str, vader: SentimentIntensityAnalyzer) -> float:
    """VADER 3.3.2's ``score_valence(sentiments, text)["compound"]``."""
    if not sentiments:
        return round(0.0, 4)
    sum_s = float(sum(sentiments))
    if "!" not in text and "?" not in text:
        return round(normalize(sum_s), 4)  # no emphasis to add: VADER adds 0.0
    punct_emph_amplifier = vader._punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    return round(normalize(sum_s), 4)


def _sentiment_valence(
    words: list[str], lower: list[str], is_cap_diff: bool, lexicon: dict[str, float], i: int
) -> float:
    """VADER 3.3.2's ``sentiment_valence`` of word ``i``, a word of the lexicon; ``lower`` holds
    ``words`` lower-cased."""
    item, item_lowercase = words[i], lower[i]
    valence = lexicon[item_lowercase]
    if item_lowercase == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
    ):
        valence = lexicon[item_lowercase] * N_SCALAR
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    for start_i in range(0, 3):
        if i > start_i and lower[i - (start_i + 1)] not in lexicon:
            # scalar_inc_dec gives 0.0 for a word that is no booster: called only for one.
            before = i - (start_i + 1)
            s = (
                scalar_inc_dec(words[before], valence, is_cap_diff)
                if lower[before] in BOOSTER_DICT
                else 0.0
            )
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lower, start_i, i)
            if start_i == 2:
                valence = _special_idioms_check(valence, lower, i)
    return _least_check(valence, lower, i, lexicon)


def _least_check(valence: float, lower: list[str], i: int, lexicon: dict[str, float]) -> float:
    """VADER 3.3.2's ``_least_check``, given the words already lower-cased."""
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _negated(word: str) -> bool:
    """VADER 3.3.2's ``negated([word])``, given the word lower-cased: a negation or an "n't"."""
    return word in _NEGATIONS or "n't" in word


#: The first two words of each phrase of VADER's special cases and boosters ("kind of",
#: "kiss of death"): a phrase can be one of the check's word sequences only where its first two
#: words stand together.
_IDIOM_STARTS = frozenset(
    tuple(phrase.split()[:2]) for phrase in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in phrase
)

_IDIOM_FIRST_WORDS = frozenset(first for first, _second in _IDIOM_STARTS)


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """VADER 3.3.2's ``_special_idioms_check``, given the words already lower-cased.

    Every sequence it looks up starts with words ``i - 3``, ``i - 2``, ``i - 1`` or ``i`` and the
    word after it, so where none of those four pairs starts a phrase (:data:`_IDIOM_STARTS`),
    no look-up can succeed and the valence is returned as it is (``i`` is at least 3 here);
    most often none of the four words even starts one. Else VADER's check runs as it is
    (:func:`_reference_special_idioms_check`). About 0.8 instead of 1.6 to 2 microseconds a
    call, 2.7 calls a paragraph (BABE and AllSides); tests/test_sentiment.py checks the two
    equal at every word of every real text.
    """
    if _IDIOM_FIRST_WORDS.isdisjoint(lower[i - 3 : i + 1]):  # most often: no pair can start one
        return valence
    pairs = zip(lower[i - 3 : i + 1], lower[i - 2 : i + 2])  # noqa: B905 (one pair fewer at the end)
    if _IDIOM_STARTS.isdisjoint(pairs):
        return valence
    return _reference_special_idioms_check(valence, lower, i)


def _reference_special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """VADER 3.3.2's ``_special_idioms_check`` as it is, given the words already lower-cased."""
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


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    """VADER 3.3.2's ``_negation_check``, given the words already lower-cased."""
    if start_i == 0:
        if _negated(lower[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            valence = valence
        elif _negated(lower[i - (start_i + 1)]):
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
        elif _negated(lower[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    return valence


def _but_check(lower: list[str], sentiments: list[float]) -> list[float]:
    """VADER 3.3.2's ``_but_check``, given the words already lower-cased.

    Kept as VADER wrote it, ``sentiments.index`` included: a valence that also stands earlier
    in the list is scaled at that earlier place, and scores must be VADER's.
    """
    if "but" in lower:
        bi = lower.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


# --- the plain twin: VADER's public API ---------------------------------------------------------


@cache
def _reference_analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def reference_polarity_scores(text: str) -> dict[str, float]:
    """Return ``SentimentIntensityAnalyzer().polarity_scores(text)``: what the copy must give."""
    return _reference_analyzer().polarity_scores(text)


def reference_compounds(text: str) -> tuple[float, list[float]]:
    """Return what :meth:`FastAnalyzer.compounds` must give: VADER's compound of ``text``, and
    of each of its sentences scored on its own."""
    whole = reference_polarity_scores(text)["compound"]
    spans = split_sentences(text)
    return whole, [reference_polarity_scores(text[s:e])["compound"] for s, e in spans]
