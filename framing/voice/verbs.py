"""Reporting verbs: the data file, and finding the verbs (and "according to") in a text.

Each verb has a kind, neutral or loaded, after Wikipedia's MOS:SAID and the AP Stylebook
(``framing/data/reporting_verbs.tsv``).

>>> finder = VerbFinder(load_reporting_verbs())
>>> text = "NPR reported that the city fell, according to officials."
>>> [m.group() for m in finder.matches(text, 0, len(text), finder.positions(text))]
['reported', 'according to']
>>> finder.verb("reported").lemma, finder.verb("claims").kind
('report', 'loaded')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from framing.errors import InputError
from framing.io.tables import bundled_file, read_data_table
from framing.voice.model import VERB_KINDS
from framing.voice.tokens import WORD_RUN, run_positions

__all__ = [
    "ReportingVerb",
    "read_reporting_verbs",
    "load_reporting_verbs",
    "normal_form",
    "VerbFinder",
]


@dataclass(frozen=True)
class ReportingVerb:
    """A reporting verb: its lemma, kind (neutral or loaded), its forms, and why."""

    lemma: str
    kind: str
    forms: tuple[str, ...]
    reason: str = ""


def read_reporting_verbs(path: str | Path) -> tuple[ReportingVerb, ...]:
    """Return the reporting verbs in a TSV file with ``lemma``, ``kind``, ``forms`` (``|``-
    separated) and ``reason`` columns."""
    path = Path(path)
    verbs = []
    for row in read_data_table(path, required={"lemma", "kind", "forms"}):
        verb = ReportingVerb(
            lemma=row.text("lemma"),
            kind=row.text("kind"),
            forms=tuple(f.strip() for f in row.text("forms").split("|") if f.strip()),
            reason=row.text("reason"),
        )
        if verb.kind not in VERB_KINDS:
            raise InputError(
                f"reporting verb {verb.lemma!r} in {path} has kind {verb.kind!r}; use one of: "
                f"{', '.join(VERB_KINDS)}"
            )
        verbs.append(verb)
    return tuple(verbs)


@cache
def load_reporting_verbs() -> tuple[ReportingVerb, ...]:
    """Return the bundled reporting verbs (``framing/data/reporting_verbs.tsv``).

    >>> {verb.lemma: verb.kind for verb in load_reporting_verbs()}["claim"]
    'loaded'
    """
    with resources.as_file(bundled_file("reporting_verbs.tsv")) as path:
        return read_reporting_verbs(path)


_SPACES = re.compile(r"\s+")


def normal_form(form: str) -> str:
    """Return a matched form with its white space made one space ("according\\nto").

    A form of letters only, as most are ("said"), has no white space and is returned as it is,
    without the search; :func:`_reference_normal_form` is the plain substitution it must equal
    (tests/test_voice.py, on every match in every real paragraph)."""
    return form if form.isalpha() else _SPACES.sub(" ", form)


def _reference_normal_form(form: str) -> str:
    """Return what :func:`normal_form` returns, from the substitution alone."""
    return _SPACES.sub(" ", form)


def _forms_pattern(forms: Sequence[str]) -> re.Pattern[str]:
    """Return the pattern of ``forms`` (in the order given, any white space between their
    words) as whole words, and of "according to"."""
    alternatives = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    verbs = rf"(?<![\w\u2019'-])(?:{alternatives})(?![\w-])|" if forms else ""
    return re.compile(rf"{verbs}\b[Aa]ccording\s+to\b")


class VerbFinder:
    """The forms of some reporting verbs, and "according to", found in a text.

    A form matches as a whole word, not inside a hyphenated word or after an apostrophe
    ("ex-said", "said’s" are no verbs), with any white space between its words. The finder
    holds nothing of the texts it reads, so one finder can serve many threads.
    """

    def __init__(self, verbs: Iterable[ReportingVerb]) -> None:
        self.by_form: dict[str, ReportingVerb] = {}
        for verb in verbs:
            for form in verb.forms:
                self.by_form[form] = verb
        #: The kind of "according to": the verb list's, or neutral when it has none.
        self.according_to_kind = (
            self.by_form["according to"].kind if "according to" in self.by_form else "neutral"
        )
        forms = sorted(self.by_form, key=len, reverse=True)
        self.pattern = _forms_pattern(forms)
        # The pattern tries its forms one after the other at each position (about 3 µs for
        # the 291 bundled forms); a form can match only where the text starts with its first
        # two letters, so at a position the forms that start with the text's two characters
        # there, in the same order, find the same match. A form shorter than two letters, or
        # with other characters among its first two, leaves the whole pattern in use.
        self._by_opening: dict[str, list[str]] | None = None
        if all(len(form) >= 2 and form[:2].isalpha() for form in forms):
            openings = {form[:2] for form in forms} | {"ac", "Ac"}
            self._by_opening = {
                opening: [form for form in forms if form.startswith(opening)]
                for opening in openings
            }
        # Each opening's pattern is compiled when a text first needs it (compiling all 56 of
        # them took 11 ms, three times the whole pattern, at every start): the same pattern
        # for every text, so a cache of the finder's own, never state of one call; two
        # threads that compile the same one at once store equal patterns.
        self._opening_patterns: dict[str, re.Pattern[str]] = {}
        # A match of the pattern starts a run of word characters (nothing of a word stands
        # before it), and that run is the first run of word characters of a form, or
        # "according": a text without any of those runs has no match.
        self.starts = frozenset(
            [WORD_RUN.match(form).group() for form in forms] + ["according", "According"]
        )

    def verb(self, form: str) -> ReportingVerb:
        """Return the verb of a matched form (white space in it made one space)."""
        return self.by_form[normal_form(form)]

    def positions(self, text: str, runs: Sequence[str] | None = None) -> list[int]:
        """Return where the runs of word characters of ``text`` that can start a match begin,
        in order: none, and the text certainly has no reporting verb. ``runs`` are the text's
        runs of word characters (:data:`framing.voice.tokens.WORD_RUN`), when known."""
        runs = WORD_RUN.findall(text) if runs is None else runs
        return run_positions(text, self.starts.intersection(runs))

    def matches(
        self, text: str, start: int, end: int, positions: Sequence[int]
    ) -> Iterator[re.Match[str]]:
        """Yield the matches of the pattern in ``text[start:end]``, tried only at ``positions``.

        ``positions`` are :meth:`positions` of the whole text, and ``start`` and ``end`` cut no
        run of word characters (a sentence's span): the pattern is tried where a match can
        begin instead of at every character, and after the end of the last match, as
        ``finditer`` does. :meth:`_reference_matches` is the plain search it must equal
        (tests/test_voice.py, on every real paragraph and sentence)."""
        after = start
        by_opening = self._by_opening
        compiled = self._opening_patterns
        for position in positions[bisect_left(positions, start) :]:
            if position >= end:
                break
            if position < after:
                continue
            if by_opening is None:
                match = self.pattern.match(text, position, end)
            else:
                opening = text[position : position + 2]
                pattern = compiled.get(opening) or self._opening_pattern(opening)
                match = None if pattern is None else pattern.match(text, position, end)
            if match is not None:
                after = match.end()
                yield match

    def _opening_pattern(self, opening: str) -> re.Pattern[str] | None:
        """Return the pattern of the forms that open with ``opening`` (two characters), or
        ``None`` when no form does."""
        pattern = self._opening_patterns.get(opening)
        if pattern is None and self._by_opening is not None and opening in self._by_opening:
            pattern = self._opening_patterns[opening] = _forms_pattern(self._by_opening[opening])
        return pattern

    def _reference_matches(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """Yield what :meth:`matches` yields, from a search at every character."""
        return self.pattern.finditer(text, start, end)
