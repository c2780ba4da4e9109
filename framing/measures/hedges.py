"""Hedges and qualifiers: the words that soften a claim ("believed to", "about 80 percent").

The list is package data (``framing/data/hedges.tsv``): each entry has a category and the reason
it is a hedge, and a context that keeps common words from being read as hedges where they are
not ones: an approximator ("about", "some", "nearly") counts only right before a number, and
"may" and "might" count only as verbs (not "the might of", nor the month "May").

>>> [m.text for m in find_hedges("About 80 percent is destroyed, officials estimate. "
...                              "Fighters may be hiding, about the city. In May 2017, "
...                              "the might of the army ...")]
['About 80', 'estimate', 'may']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from framing.errors import FramingError
from framing.io.tables import bundled_file, read_data_table
from framing.measures.lexicon import Entry, Lexicon, LexiconInfo, Match
from framing.text.words import WORD_PART

__all__ = ["Hedge", "HedgeList", "load_hedges", "find_hedges", "CONTEXTS", "HEDGES_FILE"]

#: The bundled list, under ``framing/data/``.
HEDGES_FILE = "hedges.tsv"

#: Where an entry counts: anywhere; only right before a number; only as a modal verb.
CONTEXTS = ("any", "before-number", "modal")

#: Words after which "might" or "may" is a noun ("the might of", "their might").
_DETERMINERS = frozenset("the a an its their his her our your my this that whose".split())

#: Words that spell a number, for approximators written out ("some two dozen", "nearly half").
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens "
    "half third quarter score scores".split()
)
#: What follows an approximator when it hedges a number: a currency sign, "a" or "an", then
#: digits (with their dots and commas) or a word that may spell a number. Not a word count's
#: notion of a word: it finds the number that the hedge covers ("about 80", "some $5").
_NEXT_WORD = re.compile(r"\s*[$£€]?\s*(?:(?:a|an)\s+)?(\d[\d,.]*|[A-Za-z]+)")
#: The end of a text before the start of a sentence (where a capitalised "May" may be the verb).
_SENTENCE_START = re.compile(r"(?:^|[.!?\u2026][\"'\u201d\u2019)\]]*\s+)$")
#: The word before a hedge, as the lexicon matcher that found the hedge splits words.
_WORD_BEFORE = re.compile(rf"({WORD_PART.pattern})\W*$")


@dataclass(frozen=True)
class Hedge:
    """One entry of the hedge list: a term, its category, where it counts, and why."""

    term: str
    category: str
    context: str
    reason: str


@dataclass
class HedgeList:
    """Hedges matched like a lexicon (whole words, phrases, case-insensitive), in context."""

    hedges: tuple[Hedge, ...]

    def __post_init__(self) -> None:
        self.hedges = tuple(self.hedges)
        bad = sorted({h.context for h in self.hedges} - set(CONTEXTS))
        if bad:
            raise FramingError(
                f"hedge list has unknown contexts {bad}; use one of: {', '.join(CONTEXTS)}"
            )
        self._context = {h.term.lower(): h.context for h in self.hedges}
        self._lexicon = Lexicon(
            [Entry(h.term, h.category, h.reason) for h in self.hedges],
            info=LexiconInfo(name="hedges", source=f"framing/data/{HEDGES_FILE}"),
        )

    def __len__(self) -> int:
        return len(self.hedges)

    def match(self, text: str) -> list[Match]:
        """Return the hedges found in ``text``, in order, with offsets into ``text``."""
        found = []
        for match in self._lexicon.match(text):
            context = self._context.get(match.term.lower(), "any")
            if context == "before-number":
                number = _number_after(text, match.end)
                if number is None:
                    continue
                # The number is part of what is hedged: "about 80", not "about".
                match = Match(
                    match.term, match.category, match.start, number, text[match.start : number]
                )
            elif context == "modal" and not _is_modal_verb(text, match):
                continue
            found.append(match)
        return found


def _number_after(text: str, position: int) -> int | None:
    """Return where the number right after ``position`` ends, or ``None`` if none follows."""
    following = _NEXT_WORD.match(text, position)
    if following is None:
        return None
    word = following.group(1)
    if word[0].isdigit() or word.lower() in _NUMBER_WORDS:
        return following.end(1)
    return None


def _is_modal_verb(text: str, match: Match) -> bool:
    previous = _WORD_BEFORE.search(text, 0, match.start)
    if previous is not None and previous.group(1).lower() in _DETERMINERS:
        return False
    if not match.text[0].isupper():
        return True
    # A capitalised "May" inside a sentence, or before a day or year, is the month.
    followed_by_number = re.match(r"\s+\d", text[match.end :]) is not None
    return not followed_by_number and _SENTENCE_START.search(text[: match.start]) is not None


@cache
def load_hedges() -> HedgeList:
    """Return the bundled hedge list (``framing/data/hedges.tsv``), read once.

    >>> hedges = load_hedges()
    >>> {h.category for h in hedges.hedges} >= {"approximator", "epistemic", "modal"}
    True
    """
    rows = read_data_table(
        bundled_file(HEDGES_FILE), required={"term", "category", "context", "reason"}
    )
    hedges = [
        Hedge(row.text("term"), row.text("category"), row.text("context"), row.text("reason"))
        for row in rows
    ]
    return HedgeList(hedges)


def find_hedges(text: str, *, hedges: HedgeList | None = None) -> list[Match]:
    """Return the hedges and qualifiers in ``text`` (the bundled list unless one is given)."""
    return (hedges or load_hedges()).match(text)
