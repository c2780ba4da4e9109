"""Split a text into paragraphs, keeping exact character offsets.

The default :class:`BlankLineSegmenter` reads a text the way a person does:

- when paragraphs are separated by blank lines, a single line break inside a block is a wrapped
  line and stays inside its paragraph;
- when the text has no blank lines at all, every line is a paragraph;
- ``\\r\\n``, ``\\r``, U+2028 and U+2029 are line breaks too (NEL, U+0085, is not: in text
  decoded from Windows-1252 as Latin-1 it stands for an ellipsis);
- a line that shows nothing is blank: a line of white space (non-breaking spaces included),
  control characters (NUL, NEL) and zero-width characters (U+200B, U+FEFF) only, see
  :mod:`framing.text.characters`.

Every span is trimmed of those characters, so ``text[start:end]`` is the paragraph, from its
first visible character to its last.
"""

from __future__ import annotations

import itertools
import re
from typing import Protocol, runtime_checkable

from framing.text.characters import INVISIBLE

__all__ = ["Segmenter", "BlankLineSegmenter", "LineSegmenter"]

Span = tuple[int, int]

_LINE = re.compile(r"[^\r\n\u2028\u2029]+")
_BREAK = re.compile(r"\r\n|[\r\n\u2028]")


@runtime_checkable
class Segmenter(Protocol):
    """Anything that returns the ``(start, end)`` offsets of a text's paragraphs."""

    def split(self, text: str) -> list[Span]:
        """Return the trimmed, ordered, non-overlapping spans of the paragraphs of ``text``."""
        ...


def _one_line(text: str) -> bool:
    """Return whether ``text`` is one line that starts and ends with a visible character, so
    that its only line, trimmed, is the whole text.

    Most texts of a corpus are one paragraph on one line: two look-ups and a few searches of
    the text for a line break, all in C, answer for them without the pattern of lines and the
    trimming of each line. A line break is one of the four characters that end a line of
    :data:`_LINE`; none of them is ASCII but ``\\r`` and ``\\n``.
    """
    return (
        bool(text)
        and text[0] not in INVISIBLE
        and text[-1] not in INVISIBLE
        and "\n" not in text
        and "\r" not in text
        and (text.isascii() or ("\u2028" not in text and "\u2029" not in text))
    )


def _nonblank_lines(text: str) -> list[Span]:
    """Return the spans of the lines of ``text`` that show something, each trimmed.

    A text of one line with nothing to trim is its own line (:func:`_one_line`); any other is
    read line by line (:func:`_reference_nonblank_lines`, which gives the same for every text:
    tests/test_segment.py checks it on every real text and on arbitrary ones).
    """
    if _one_line(text):
        return [(0, len(text))]
    return _reference_nonblank_lines(text)


def _reference_nonblank_lines(text: str) -> list[Span]:
    """Return what :func:`_nonblank_lines` returns, the plain way: every line found, trimmed,
    and kept when something is left."""
    lines = []
    for match in _LINE.finditer(text):
        chunk = match.group()
        stripped = chunk.strip(INVISIBLE)
        if stripped:
            start = match.start() + (len(chunk) - len(chunk.lstrip(INVISIBLE)))
            lines.append((start, start + len(stripped)))
    return lines


def _is_paragraph_break(gap: str) -> bool:
    """Return whether the text between two lines holds a blank line (or a U+2029)."""
    return "\u2029" in gap or len(_BREAK.findall(gap)) >= 2


class LineSegmenter:
    """Every non-blank line is a paragraph.

    >>> LineSegmenter().split("Headline\\nFirst.\\r\\nSecond.")
    [(0, 8), (9, 15), (17, 24)]
    """

    def split(self, text: str) -> list[Span]:
        return _nonblank_lines(text)


class BlankLineSegmenter:
    """Paragraphs separated by blank lines, or by line breaks when a text has no blank lines.

    >>> text = "Title\\n\\nOne line\\nwrapped.\\n\\nTwo."
    >>> [text[s:e] for s, e in BlankLineSegmenter().split(text)]
    ['Title', 'One line\\nwrapped.', 'Two.']
    """

    def split(self, text: str) -> list[Span]:
        lines = _nonblank_lines(text)
        if len(lines) < 2:  # no lines to join: most often a text of one line
            return lines
        breaks = [_is_paragraph_break(text[a[1] : b[0]]) for a, b in itertools.pairwise(lines)]
        if not any(breaks):
            return lines
        paragraphs = []
        start, end = lines[0] if lines else (0, 0)
        for (line_start, line_end), is_break in zip(lines[1:], breaks, strict=True):
            if is_break:
                paragraphs.append((start, end))
                start = line_start
            end = line_end
        if lines:
            paragraphs.append((start, end))
        return paragraphs
