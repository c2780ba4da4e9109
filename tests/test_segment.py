"""Paragraph spans: exact offsets on every kind of line break, checked on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.characters import INVISIBLE, is_blank
from framing.text.segment import BlankLineSegmenter, LineSegmenter, Segmenter

SEGMENTERS = [BlankLineSegmenter(), LineSegmenter()]


def _texts(text: str, segmenter: Segmenter) -> list[str]:
    return [text[start:end] for start, end in segmenter.split(text)]


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        # Blank lines separate paragraphs; a single line break inside a block is a wrapped line.
        ("One\n\nTwo\nwrapped.\n\nThree.", ["One", "Two\nwrapped.", "Three."]),
        # No blank line anywhere: every line is a paragraph.
        ("Title\nFirst.\nSecond.", ["Title", "First.", "Second."]),
        # Windows and old Mac line endings.
        ("One\r\n\r\nTwo\r\nwrapped.", ["One", "Two\r\nwrapped."]),
        ("One\r\rTwo", ["One", "Two"]),
        ("One\r\nTwo\r\nThree", ["One", "Two", "Three"]),
        # Unicode line and paragraph separators.
        ("One\u2028Two", ["One", "Two"]),
        ("One\u2029Two\nwrapped\u2029Three", ["One", "Two\nwrapped", "Three"]),
        # A line of non-breaking spaces or tabs is blank; paragraphs are trimmed of them.
        ("One\n\xa0\t\nTwo", ["One", "Two"]),
        ("\xa0 One\xa0\n\n\tTwo\t", ["One", "Two"]),
        # Non-breaking spaces, curly quotes and dashes inside a paragraph stay as they are.
        (
            "\u201cWon\u201d\xa0\u2013 Raqqa\u2013a hospital\n\nNext",
            ["\u201cWon\u201d\xa0\u2013 Raqqa\u2013a hospital", "Next"],
        ),
        ("", []),
        (" \n\r\n\t\xa0\u2029 ", []),
        ("Only one.", ["Only one."]),
    ],
)
def test_blank_line_segmenter(text, paragraphs):
    assert _texts(text, BlankLineSegmenter()) == paragraphs


#: Characters that show nothing, each in the same places: a line of them alone is blank (it
#: separates paragraphs), and a paragraph is trimmed of them; inside a paragraph they stay.
INVISIBLE_CASES = {
    "NUL": "\x00",
    "NEL": "\x85",
    "bell": "\x07",
    "zero-width space": "\u200b",
    "zero-width no-break space": "\ufeff",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "right-to-left mark": "\u200f",
    "soft hyphen": "\xad",
}


@pytest.mark.parametrize("char", INVISIBLE_CASES.values(), ids=INVISIBLE_CASES.keys())
@pytest.mark.parametrize(
    ("template", "paragraphs"),
    [
        # A line of it alone, between two lines, is a blank line: two paragraphs.
        ("One\n{c}\nTwo", ["One", "Two"]),
        ("One\r\n{c}{c} \r\nTwo\nwrapped", ["One", "Two\nwrapped"]),
        # ... and a line of it with white space is blank too.
        ("One\n \xa0{c}\t\nTwo\n\nThree", ["One", "Two", "Three"]),
        # At the start or end of a line (a byte-order mark, say), it is trimmed off.
        ("{c}One{c}\n\n{c}Two\nwrapped{c}", ["One", "Two\nwrapped"]),
        # Inside a paragraph, it stays where it is.
        ("One {c}word\n\nTwo", ["One {c}word", "Two"]),
        # A text of nothing else has no paragraph.
        ("{c}", []),
        ("{c}\n{c}\r\n\n{c}", []),
    ],
)
def test_a_line_that_shows_nothing_is_blank(char, template, paragraphs):
    text = template.format(c=char)
    assert _texts(text, BlankLineSegmenter()) == [p.format(c=char) for p in paragraphs]
    assert all(not is_blank(line) for line in _texts(text, LineSegmenter()))


@pytest.mark.parametrize("char", INVISIBLE_CASES.values(), ids=INVISIBLE_CASES.keys())
def test_a_line_that_shows_nothing_is_no_line_of_its_own(char):
    text = f"{char}One\n{char}\nTwo\nThree{char}"
    assert _texts(text, LineSegmenter()) == ["One", "Two", "Three"]
    # For the blank-line segmenter, that line is the blank one: it separates paragraphs.
    assert _texts(text, BlankLineSegmenter()) == ["One", "Two\nThree"]


def test_nel_is_white_space_not_a_line_break():
    # In Windows-1252 text read as Latin-1, U+0085 stands for an ellipsis: the line goes on.
    assert _texts("One\x85two\nThree", BlankLineSegmenter()) == ["One\x85two", "Three"]


def test_line_segmenter_splits_every_line():
    text = "One\n\nTwo\r\nwrapped.\u2028Three"
    assert _texts(text, LineSegmenter()) == ["One", "Two", "wrapped.", "Three"]


@pytest.mark.parametrize("segmenter", SEGMENTERS, ids=lambda s: type(s).__name__)
def test_segmenters_satisfy_the_protocol(segmenter):
    assert isinstance(segmenter, Segmenter)


#: Characters that stress the segmenters: every line break Python knows, white space of every
#: kind, curly quotes and dashes, controls (NUL, NEL) and zero-width characters (U+200B, U+FEFF
#: as a byte-order mark), mixed with ordinary letters and any other character.
_TRICKY = list(
    "ab .,\n\r\t\xa0\u2028\u2029\u2013\u2014\u201c\u201d\u2019\x0b\x0c\x1c\x85\u3000"
    "\x00\x07\u200b\u200d\ufeff\xad"
)
#: Arbitrary text: single characters (tricky ones often), and whole pieces such as "\r\n" and
#: blank lines, joined.
ARBITRARY_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_TRICKY),
        st.sampled_from(["Para.", "\r\n", "\n\n", "\r\n\r\n", " \xa0\n", "\n\u200b\n", "\n\ufeff"]),
        st.characters(),
    ),
    max_size=80,
).map("".join)


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Assert the invariants every segmenter keeps."""
    previous_end = 0
    covered = set()
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)  # ordered, non-overlapping, non-empty
        paragraph = text[start:end]
        assert paragraph == paragraph.strip(INVISIBLE)  # trimmed of what shows nothing
        covered.update(range(start, end))
        previous_end = end
    lost = [i for i, char in enumerate(text) if char not in INVISIBLE and i not in covered]
    assert lost == []  # no visible character left out
    if is_blank(text):
        assert spans == []


@pytest.mark.parametrize("segmenter", SEGMENTERS, ids=lambda s: type(s).__name__)
@settings(max_examples=300, deadline=None)
@given(text=ARBITRARY_TEXT)
def test_spans_are_exact_on_arbitrary_text(segmenter, text):
    check_spans(text, segmenter.split(text))


@settings(max_examples=200, deadline=None)
@given(text=ARBITRARY_TEXT)
def test_blank_line_paragraphs_are_separated_by_blank_lines_or_are_lines(text):
    spans = BlankLineSegmenter().split(text)
    lines = LineSegmenter().split(text)
    # Every paragraph is a run of whole lines: it starts where a line starts, ends where one ends.
    line_starts = {start for start, _ in lines}
    line_ends = {end for _, end in lines}
    assert all(start in line_starts and end in line_ends for start, end in spans)
