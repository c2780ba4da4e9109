"""Surnames: a person the article names in full once is recognised later by surname alone.

"NPR’s Tom Bowman" early in an article makes a later "Bowman reported" Tom Bowman. Full names
come from the attributions (a person's name of two words or more), from titled names ("Sen. Joe
Manchin") and, for a surname used alone as a source, from one or two capitalised words before it
anywhere in the article ("Tom Bowman covers it"). A surname two people share stays as it is.

>>> from framing.voice.model import Source
>>> full = surnames(["Sen. Joe Manchin spoke."], [[Source("Manchin", "unknown")]])
>>> full, resolve([Source("Manchin", "unknown")], full)
({'Manchin': 'Joe Manchin'}, (Source(name='Joe Manchin', kind='person'),))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from framing.voice.model import Source
from framing.voice.names import NOT_NAMES, ORG_WORDS, TITLES
from framing.voice.tokens import WORD_RUN, run_positions

__all__ = [
    "surnames",
    "resolve",
    "may_resolve",
    "titled_names",
    "titled_name",
    "titled_people",
    "titled_people_of",
]

#: A title, then one to three capitalised words: a person's name ("Sen. Joe Manchin").
_TITLED_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?\s+"
    r"((?:[A-Z][\w\u2019'-]+\s+){0,2}[A-Z][\w\u2019'-]+)"
)


def titled_names(text: str, runs: Sequence[str]) -> Iterator[re.Match[str]]:
    """Yield the matches of ``_TITLED_NAME`` in ``text``, trying the pattern only where a title
    begins.

    A title starts at a word boundary and ends before "." or white space (the hyphenated ones
    begin with a title), so it is a whole run of word characters: ``runs`` are the text's
    (:data:`framing.voice.tokens.WORD_RUN`). :func:`_reference_titled_names` is the plain
    search it must equal (tests/test_voice.py, on every real paragraph)."""
    after = 0
    for position in run_positions(text, TITLES.intersection(runs)):
        if position < after:
            continue
        match = _TITLED_NAME.match(text, position)
        if match is not None:
            after = match.end()
            yield match


def _reference_titled_names(text: str) -> Iterator[re.Match[str]]:
    """Yield what :func:`titled_names` yields, from a search of the whole text."""
    return _TITLED_NAME.finditer(text)


@lru_cache(maxsize=4096)
def _full_name_pattern(surname: str) -> re.Pattern[str]:
    """Return the pattern of ``surname`` after one or two capitalised words (compiled once:
    more surnames than the ``re`` module's own cache holds recur over a corpus)."""
    return re.compile(rf"\b((?:[A-Z][\w\u2019'-]*\s+){{1,2}}){re.escape(surname)}\b")


#: Besides letters and digits, the characters of a word of ``_full_name_pattern``.
_NAME_CHARACTERS = "_\u2019'-"


def _after_capitalised_word(text: str, surname: str) -> bool:
    """Return False when ``_full_name_pattern(surname)`` certainly has no match in ``text``: no
    occurrence of ``surname`` follows white space after a word that can start with a capital."""
    position = text.find(surname)
    while position >= 0:
        end = position  # of the word before the white space
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if 0 < end < position:
            start = end
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _NAME_CHARACTERS):
                start -= 1
            for index in range(start, end):
                if "A" <= text[index] <= "Z" and (
                    index == start or text[index - 1] in _NAME_CHARACTERS[1:]
                ):
                    return True
        position = text.find(surname, position + 1)
    return False


def full_names_with(surname: str, paragraphs: Sequence[str]) -> set[str]:
    """Return the full names the article writes with ``surname``: one or two capitalised words
    before it, none a title (dropped), an organisation word or a word that is no name.

    The surname's pattern is compiled and searched only in the paragraphs where a capitalised
    word stands before it (:func:`_after_capitalised_word`): over a corpus, most surnames used
    alone are never written in full. :func:`_reference_full_names_with` searches every
    paragraph; the two must be equal (tests/test_voice.py, on every real paragraph)."""
    texts = [text for text in paragraphs if _after_capitalised_word(text, surname)]
    return _full_names_in(surname, texts) if texts else set()


def _reference_full_names_with(surname: str, paragraphs: Sequence[str]) -> set[str]:
    """Return what :func:`full_names_with` returns, from a search of every paragraph."""
    return _full_names_in(surname, paragraphs)


def _full_names_in(surname: str, texts: Iterable[str]) -> set[str]:
    full_names = set()
    pattern = _full_name_pattern(surname)
    for text in texts:
        for match in pattern.finditer(text):
            words = [w for w in match.group(1).split() if w not in TITLES]
            if words and not any(w in ORG_WORDS or w in NOT_NAMES for w in words):
                full_names.add(" ".join([*words, surname]))
    return full_names


#: A possessive "’s" or a final apostrophe at the end of a word ("Manchin’s", "Reuters’").
_POSSESSIVE_END = re.compile(r"[\u2019']s?$")


def titled_name(match: re.Match[str]) -> str | None:
    """Return the name of two words or more that a match of ``_TITLED_NAME`` holds ("Sen. Joe
    Manchin" is Joe Manchin), without titles and possessives, or ``None``."""
    words = [w for w in match.group(1).split() if w.rstrip(".") not in TITLES]
    words = [_POSSESSIVE_END.sub("", w) for w in words]
    if len(words) >= 2 and not any(w in ORG_WORDS or w in NOT_NAMES for w in words):
        return " ".join(words)
    return None


def titled_people(text: str, runs: Sequence[str]) -> list[tuple[int, str]]:
    """Return where each name after a title starts in ``text``, with the name of two words or
    more it holds (:func:`titled_name`; a title before one word names nobody in full).

    ``runs`` are the text's runs of word characters (:data:`framing.voice.tokens.WORD_RUN`).
    :func:`surnames` and :func:`framing.voice.attribution.resolve_pronouns` both read them: a
    detector finds them once per paragraph and hands them to both.

    >>> titled_people("Sen. Joe Manchin met Gov. Cuomo.", WORD_RUN.findall("Sen. Joe Manchin"))
    [(0, 'Joe Manchin')]
    """
    return [
        (match.start(), name)
        for match in titled_names(text, runs)
        if (name := titled_name(match)) is not None
    ]


def titled_people_of(
    paragraphs: Sequence[str], all_runs: Sequence[Sequence[str]] | None = None
) -> list[list[tuple[int, str]]]:
    """Return :func:`titled_people` of each paragraph; ``all_runs`` are the paragraphs' runs
    of word characters (:data:`framing.voice.tokens.WORD_RUN`), when known."""
    if all_runs is None:
        all_runs = [WORD_RUN.findall(text) for text in paragraphs]
    return [titled_people(text, runs) for text, runs in zip(paragraphs, all_runs, strict=True)]


def surnames(
    paragraphs: Sequence[str],
    all_sources: Iterable[Sequence[Source]],
    all_runs: Sequence[Sequence[str]] | None = None,
    *,
    all_titled: Sequence[Sequence[tuple[int, str]]] | None = None,
) -> dict[str, str]:
    """Return surname -> full name for the people the article names in full exactly once.

    ``all_sources`` are the sources of the article's attributions; ``all_runs`` the runs of
    word characters of each paragraph (:data:`framing.voice.tokens.WORD_RUN`), when known;
    ``all_titled`` the :func:`titled_people` of each paragraph, when known."""
    if all_titled is None:
        all_titled = titled_people_of(paragraphs, all_runs)
    named = [source for sources in all_sources for source in sources]
    full_names = {
        source.name for source in named if source.kind == "person" and len(source.name.split()) >= 2
    }
    full_names |= {name for titled in all_titled for _, name in titled}
    # A surname used alone as a source ("Bowman reported") and written in full anywhere in the
    # article ("Tom Bowman covers it").
    alone = {source.name for source in named if _alone(source)}
    for surname in alone - {name.split()[-1] for name in full_names}:
        full_names |= full_names_with(surname, paragraphs)
    by_surname: dict[str, set[str]] = {}
    for name in full_names:
        by_surname.setdefault(name.split()[-1], set()).add(name)
    return {surname: next(iter(names)) for surname, names in by_surname.items() if len(names) == 1}


def may_resolve(sources: Sequence[Source]) -> bool:
    """Return whether :func:`resolve` can change ``sources`` for some surnames: one of them is
    a surname used alone, or one is there twice (``resolve`` keeps each source once).

    >>> may_resolve((Source("CBS News", "outlet"),)), may_resolve((Source("Manchin", "unknown"),))
    (False, True)
    """
    if any(_alone(source) for source in sources):
        return True
    return len(sources) > 1 and len(set(sources)) < len(sources)


def _alone(source: Source) -> bool:
    """Return whether a source is a person's surname used alone ("Bowman reported")."""
    return source.kind in ("person", "unknown") and " " not in source.name


def resolve(sources: Iterable[Source], surnames: dict[str, str]) -> tuple[Source, ...]:
    """Return ``sources`` with each surname used alone replaced by the person's full name."""
    resolved = []
    for source in sources:
        if _alone(source) and source.name in surnames:
            source = Source(surnames[source.name], "person")
        resolved.append(source)
    return tuple(dict.fromkeys(resolved))
