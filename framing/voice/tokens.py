"""What the attribution and name rules read: sentences, tokens, and runs of word characters.

These are not the words that voice counts (those are :data:`framing.text.words.WORD`'s, in
:mod:`framing.voice.labels`): the rules read punctuation too, and a name with its possessive.

>>> text = "Sen. Joe Manchin said so. NPR’s Tom Bowman agreed."
>>> [text[start:end] for start, end in sentences(text)]
['Sen. Joe Manchin said so.', 'NPR’s Tom Bowman agreed.']
>>> [(token.text, token.possessive, token.base) for token in tokens(text, 26, 31)]
[('NPR’s', True, 'NPR')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from framing.text.words import split_sentences

__all__ = [
    "Token",
    "TOKEN",
    "WORD_RUN",
    "word_runs",
    "tokens",
    "token_texts",
    "base_of",
    "sentences",
    "ends_in_abbreviation",
    "run_positions",
]

# --- sentences ----------------------------------------------------------------------------------

#: A sentence that ends in one of these did not end: a title or an abbreviation ("Sen.", "U.S."),
#: or a party and state, or a state alone, after a name ("Sen. Lindsey Graham (R-S.C.) told",
#: "Sen. Ted Cruz (Tex.) has said", at most 12 characters). The state alone was added later:
#: on PolNeAR train (``benchmarks/polnear_voice.py``), with and without it, named sources of a
#: speech verb found 5,459 -> 5,461 of 6,018.
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b[A-Z]|\b(?:Sen|Rep|Gov|Gen|Mr|Mrs|Ms|Dr|St|Lt|Col|Sgt|Capt|Adm|Jr|Sr|"
    r"Maj|Prof|Rev|Ft|Mt|No|vs|Inc|Co|Corp|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.[\"'\u201d\u2019]?$"
    r"|\((?:[DRI]-)?[A-Z][A-Za-z.]{0,6}\.\)$"
)

#: How far back from a text's end a match of ``_ABBREVIATION_END`` that ends it can start: the
#: longest abbreviation ("Sept") with its point and a quotation mark is 6 characters, and an
#: initialism's last letter and points are a match of their own. 12 leaves room to spare.
_ABBREVIATION_REACH = 12


def ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    """Return whether ``text[start:end]`` ends in a title or an abbreviation ("Sen.", "U.S.").

    Only the last :data:`_ABBREVIATION_REACH` characters are searched (the pattern still sees
    the characters before them, for its ``\\b``); :func:`_reference_ends_in_abbreviation` is the
    plain search it must equal (tests/test_voice.py, on every real paragraph and sentence)."""
    return _ABBREVIATION_END.search(text, max(start, end - _ABBREVIATION_REACH), end) is not None


def _reference_ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    """Return what :func:`ends_in_abbreviation` returns, from a search of the whole span."""
    return _ABBREVIATION_END.search(text, start, end) is not None


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the sentence spans of ``text``: those of :func:`framing.text.words.split_sentences`,
    with a split after a title or an abbreviation joined again ("Sen. Joe Manchin said")."""
    merged: list[tuple[int, int]] = []
    for start, end in split_sentences(text):
        if merged and ends_in_abbreviation(text, *merged[-1]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# --- tokens -------------------------------------------------------------------------------------

#: A token: an initialism of capitals ("U.S."), a word with its inner hyphens, ampersands,
#: apostrophes and points ("AT&T", "O'Brien") and a final apostrophe or "'s" ("ISIS’",
#: "NPR’s"), or one mark of punctuation. It differs from :data:`framing.text.words.WORD`, the
#: pattern of the words voice counts, because the name rules need what WORD leaves out: the
#: punctuation between words (a comma before "said", a quotation mark, the point of "Sen."), and
#: a possessive kept on its name ("NPR’s Tom Bowman" is NPR, then a person).
#:
#: Every token starts with a character that is no white space, so the pattern starts with
#: ``\S`` and says after it which kind of token that character starts: the engine then skips
#: the white space between tokens in C, where a choice at the start is tried at every
#: character (as :data:`framing.text.words.WORD` does). :data:`_REFERENCE_TOKEN` is the plain
#: way to write it; :func:`_reference_tokens` reads it (tests/test_voice.py, on every real
#: paragraph and sentence).
TOKEN = re.compile(
    r"\S(?:(?<=[A-Z])\.(?:[A-Z]\.)+"
    r"|(?<=\w)\w*(?:[-\u2010\u2011&\u2019'.]\w+)*(?:[\u2019'](?:s\b)?)?"
    r"|(?<=[^\w\s]))"
)
_REFERENCE_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|\w+(?:[-\u2010\u2011&\u2019'.]\w+)*(?:[\u2019'](?:s\b)?)?|[^\w\s]"
)


class _TokenFields(NamedTuple):
    text: str
    start: int
    end: int
    #: The text in lower case, made with the token: the rules read it about once for each
    #: token they make (a property would lower-case the text again at each reading).
    lower: str


class Token(_TokenFields):
    """A word or punctuation mark of a sentence, with its offsets in the paragraph, and its
    text in lower case (``Token("NPR", 0, 3).lower`` is ``"npr"``)."""

    __slots__ = ()

    def __new__(cls, text: str, start: int, end: int) -> Token:
        return _new_tuple(cls, (text, start, end, text.lower()))

    @property
    def possessive(self) -> bool:
        """Return whether the word ends in "’s", or in "s’" ("Reuters’")."""
        word = self.text
        return len(word) > 2 and (
            word[-2:] in ("\u2019s", "'s") or (word[-1] in "\u2019'" and word[-2] in "sS")
        )

    @property
    def base(self) -> str:
        """Return the word without a possessive "’s" or a final apostrophe."""
        return base_of(self.text)

    @property
    def cap(self) -> bool:
        """Return whether the token starts with a capital."""
        return self.text[0].isupper()


def base_of(word: str) -> str:
    """Return ``word`` without a possessive "’s" or a final apostrophe (:attr:`Token.base`)."""
    if word[-2:] in ("\u2019s", "'s"):
        return word[:-2]
    return word.rstrip("\u2019'")


def token_texts(text: str, start: int, end: int) -> list[str]:
    """Return the texts of :func:`tokens` of ``text[start:end]``, for a rule that reads no
    offsets: without a :class:`Token` for each."""
    return TOKEN.findall(text, start, end)


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Return the tokens of ``text[start:end]``, with offsets into ``text``."""
    # tuple.__new__ makes the same Token as Token(text, start, end), without the call of the
    # class's own __new__ for each of the tens of thousands of tokens of a corpus.
    return [
        _new_tuple(Token, (word, m.start(), m.end(), word.lower()))
        for m in TOKEN.finditer(text, start, end)
        for word in [m[0]]  # one name for the match's text, read twice
    ]


def _reference_tokens(text: str, start: int, end: int) -> list[Token]:
    """Return what :func:`tokens` returns, each token made by its class from a match of the
    plain pattern :data:`_REFERENCE_TOKEN`."""
    return [
        Token(m.group(), m.start(), m.end()) for m in _REFERENCE_TOKEN.finditer(text, start, end)
    ]


_new_tuple = tuple.__new__


# --- runs of word characters --------------------------------------------------------------------

#: A run of word characters. A reporting verb and a title each start where such a run starts
#: (their patterns say so), so the runs of a paragraph tell where those patterns can match. They
#: are not words: "re-told" is two runs and one WORD.
WORD_RUN = re.compile(r"\w+")

#: Every ASCII character that is no word character (``\w``: a letter, a digit or "_") made a
#: space, for ``str.translate``.
_ASCII_NON_WORD_TO_SPACE = str.maketrans(
    {chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")}
)


def word_runs(text: str) -> list[str]:
    """Return the runs of word characters of ``text``, in order: ``WORD_RUN.findall(text)``.

    In a text of ASCII characters alone (``str.isascii`` reads a flag of the string), once
    every character that is no word character is a space, the runs are the pieces between the
    spaces: ``str.translate`` with a table of ASCII characters and ``str.split`` find them in
    C, without the pattern's test at every character. Other texts are searched with the
    pattern. :func:`_reference_word_runs` is the search it must equal (tests/test_voice.py, on
    every real paragraph).

    >>> word_runs("He said: 're-told' it_s U.S. 2,000."), word_runs("Né à Paris")
    (['He', 'said', 're', 'told', 'it_s', 'U', 'S', '2', '000'], ['Né', 'à', 'Paris'])
    """
    if text.isascii():
        return text.translate(_ASCII_NON_WORD_TO_SPACE).split()
    return WORD_RUN.findall(text)


def _reference_word_runs(text: str) -> list[str]:
    """Return what :func:`word_runs` returns, from the pattern alone."""
    return WORD_RUN.findall(text)


def run_positions(text: str, words: Iterable[str]) -> list[int]:
    """Return where ``words`` stand in ``text`` as whole runs of word characters, in order.

    Each word is found with ``str.find`` and kept when no word character touches it, instead of
    a match object for every run of the text; :func:`_reference_run_positions` is the plain
    search it must equal (tests/test_voice.py, on every real paragraph).

    >>> run_positions("He said, she said; unsaid.", {"said", "He"})
    [0, 3, 13]
    """
    positions = []
    length = len(text)
    for word in words:
        size = len(word)
        position = text.find(word)
        while position >= 0:
            # A whole run: no word character (``\w``: alphanumeric or "_") on either side.
            before = text[position - 1] if position else " "
            after = text[position + size] if position + size < length else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                positions.append(position)
            position = text.find(word, position + size)
    positions.sort()
    return positions


def _reference_run_positions(text: str, words: Iterable[str]) -> list[int]:
    """Return what :func:`run_positions` returns, from every run of the text."""
    wanted = set(words)
    return [run.start() for run in WORD_RUN.finditer(text) if run.group() in wanted]
