"""Words and sentences without NLTK data: the tokenizer every measure shares.

TextBlob's ``.words`` and ``.sentences`` need NLTK's ``punkt_tab`` model, which would have to be
downloaded. These regular expressions need nothing and keep character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "WORD",
    "WORD_PART",
    "iter_words",
    "count_words",
    "words_and_gaps",
    "per_100_words",
    "split_sentences",
    "normalize_apostrophes",
]

#: Hyphens that join the parts of one word ("de-facto", "anti‑ISIS"). En and em dashes are
#: punctuation between words ("Raqqa–a hospital–and") and are deliberately not here.
WORD_HYPHENS = "-\u2010\u2011"

#: Apostrophes inside a word: straight, right single quotation mark (curly), modifier letter.
APOSTROPHES = "'\u2019\u02bc"

#: A word: an initialism with its dots ("U.S.", "a.m."), or letters or digits joined by inner
#: hyphens or apostrophes ("who’s", "de-facto"), or by a comma or point between digits
#: ("270,000", "3.5"), so that numbers count as one word each.
#:
#: Both kinds start with a word character, so the pattern starts with ``\w`` and the choice
#: comes after it: a pattern that starts with one character class lets the regular expression
#: engine skip to the next word character in C, where a choice at the start is tried at every
#: character of the gaps (about 18% faster on real paragraphs). Each choice, and each joint
#: between digits, starts with the character it needs (``\.``, ``[.,]``) and looks behind it
#: after that, so that the engine rejects it on that one character; and the repetitions are
#: possessive (``*+``), which keeps the engine from saving places to come back to: nothing
#: after them can fail, so it would never come back (together about 24% fewer instructions for
#: :func:`words_and_gaps` on real paragraphs). :data:`_REFERENCE_WORD` is the plain way to
#: write it, and the two must find the same words (tests/test_text.py, on every real paragraph).
WORD = re.compile(
    rf"\w(?:\.(?<=[^\W\d_]\.)(?:[^\W\d_]\.)+"
    rf"|\w*+(?:(?:[{WORD_HYPHENS}{APOSTROPHES}]|[.,](?<=\d[.,])(?=\d))\w+)*+)"
)
_REFERENCE_WORD = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}"
    rf"|\w+(?:(?:[{WORD_HYPHENS}{APOSTROPHES}]|(?<=\d)[.,](?=\d))\w+)*"
)

#: The parts of a :data:`WORD` that the lexicon matcher walks: the word split at its hyphens and
#: at the dots and commas inside initialisms and numbers, its inner apostrophes kept ("who’s",
#: "anti", "ISIS", "270", "000"). Read part by part, a phrase entry matches a hyphenated
#: compound ("far left" in "far-left"), and ``terror*`` the "terror" of "anti-terror". Every
#: word is one or more whole parts, and no part reaches outside a word (tests/test_text.py).
#:
#: Its repetitions are possessive (``++``, ``*+``), as :data:`WORD`'s are, for the same reason;
#: :data:`_REFERENCE_WORD_PART` is the plain way to write it (tests/test_text.py checks the two
#: equal on every real paragraph).
WORD_PART = re.compile(rf"\w++(?:[{APOSTROPHES}]\w+)*+")
_REFERENCE_WORD_PART = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*")

_APOSTROPHE_TABLE = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})
_APOSTROPHE_REPLACEMENTS = tuple((chr(code), new) for code, new in _APOSTROPHE_TABLE.items())

# A sentence ends at . ! ? or … (with any closing quotes or brackets), followed by white space.
# The first mark is written on its own: a pattern that opens with a repetition (``[.!?…]+``)
# gives the regular expression engine no first character to skip to in C, and it tries the
# pattern at every character (58% fewer instructions on real paragraphs with it written so).
# _REFERENCE_SENTENCE_END is the plain way to write it (tests/test_text.py: equal on every real
# paragraph and on arbitrary text).
_SENTENCE_END = re.compile(r"[.!?\u2026][.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s)")
_REFERENCE_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")


def normalize_apostrophes(text: str) -> str:
    """Return ``text`` with curly apostrophes and non-ASCII word hyphens made ASCII.

    >>> normalize_apostrophes("who\u2019s anti\u2011ISIS")
    "who's anti-ISIS"
    """
    if text.isascii():
        return text
    # Four str.replace calls give what str.translate with the table gives, several times faster.
    for character, replacement in _APOSTROPHE_REPLACEMENTS:
        if character in text:
            text = text.replace(character, replacement)
    return text


def iter_words(text: str) -> Iterator[re.Match[str]]:
    """Yield a match for each word of ``text``, with its character offsets.

    >>> [m.group() for m in iter_words("Raqqa\u2013a hospital\u2013and who\u2019s")]
    ['Raqqa', 'a', 'hospital', 'and', 'who’s']
    """
    return WORD.finditer(text)


def count_words(text: str) -> int:
    """Return the number of words in ``text``.

    >>> count_words("Now the entire city has fallen.")
    6
    >>> count_words("About 270,000 people fled, the U.S. said.")
    7
    """
    return len(WORD.findall(text))


#: :data:`WORD` as one group: ``split`` returns the gaps and the words in turn (gap, word, gap,
#: ..., word, gap).
_WORDS_AND_GAPS = re.compile(f"({WORD.pattern})", WORD.flags)


def words_and_gaps(text: str) -> list[str]:
    """Return the gaps and the words of ``text`` in turn: gap, word, gap, ..., word, gap (a gap
    can be empty). Its words are :func:`count_words`'s: ``len(words_and_gaps(text)) // 2`` is
    ``count_words(text)``.

    >>> words_and_gaps("ISIS lost, the U.S. said.")
    ['', 'ISIS', ' ', 'lost', ', ', 'the', ' ', 'U.S.', ' ', 'said', '.']
    """
    return _WORDS_AND_GAPS.split(text)


def per_100_words(count: float, words: int) -> float:
    """Return ``count`` per 100 words: the one definition of every ``*_per_100_words`` column.

    A text with no words has no rate: NaN, not 0, so that a separator line ("* * *") or an
    empty voice does not pull a mean towards zero; pandas leaves NaN out of means and counts.

    >>> per_100_words(3, 60)
    5.0
    >>> per_100_words(0, 0)
    nan

    ``count`` and ``words`` may also be pandas Series (one rate per row, NaN where ``words`` is 0).
    """
    if hasattr(words, "where"):  # a pandas Series
        return 100.0 * count / words.where(words > 0).astype(float)
    return 100.0 * count / words if words else float("nan")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``text``, trimmed of white space.

    A rule-based splitter: a sentence ends at ``.``, ``!``, ``?`` or ``…`` (and any closing quote)
    before white space. It does not know abbreviations, which is good enough for the sentence
    counts and quote spans the measures need.

    >>> text = "ISIS lost Raqqa. It was there that SDF forces won!  Next."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['ISIS lost Raqqa.', 'It was there that SDF forces won!', 'Next.']
    """
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        chunk = text[begin:end]
        stripped = chunk.strip()
        if stripped:
            offset = begin + (len(chunk) - len(chunk.lstrip()))
            trimmed.append((offset, offset + len(stripped)))
    return trimmed
