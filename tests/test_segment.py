"""Paragraph spans: exact offsets on every kind of line break, checked on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.datasets.loaders import load_allsides, load_babe, load_polnear
from framing.text.characters import INVISIBLE, is_blank
from framing.text.segment import (
    BlankLineSegmenter,
    LineSegmenter,
    Segmenter,
    _nonblank_lines,
    _one_line,
    _reference_nonblank_lines,
)
from tests.conftest import need_data

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


@settings(max_examples=300, deadline=None)
@given(text=ARBITRARY_TEXT)
def test_lines_of_one_line_texts_are_the_plain_ones_on_arbitrary_text(text):
    assert _nonblank_lines(text) == _reference_nonblank_lines(text)


@pytest.mark.parametrize(
    ("text", "one_line"),
    [
        ("Only one.", True),  # the common case: answered without reading its lines
        ("“Won” \u2013 Raqqa\u2013a hospital\xa0fell.", True),
        ("x", True),
        ("", False),
        (" Lead.", False),  # something to trim at either end
        ("Trail.\u200b", False),
        ("\ufeffBOM.", False),
        ("Two\nlines.", False),  # each of _LINE's line breaks
        ("Two\rlines.", False),
        ("Two\u2028lines.", False),
        ("Two\u2029lines.", False),
        ("Not\x85a break.", True),  # NEL is no line break, and a form feed neither
        ("Not\x0ca break.", True),
    ],
)
def test_one_line_texts_are_their_own_line(text, one_line):
    assert _one_line(text) is one_line
    assert _nonblank_lines(text) == _reference_nonblank_lines(text)
    if one_line:
        assert BlankLineSegmenter().split(text) == [(0, len(text))]


def test_lines_of_one_line_texts_are_the_plain_ones_on_real_texts():
    shared_data = need_data("babe", "allsides-roundups", "polnear")
    sides = load_allsides(data_dir=shared_data, include_roundup=True)
    texts = [
        *load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"],
        *(part for parts in sides["paragraphs"] for part in parts),
        *sides["text"].dropna(),
        *load_polnear("train", data_dir=shared_data)["text"],
    ]
    one_line = 0
    for text in texts:
        assert _nonblank_lines(text) == _reference_nonblank_lines(text), text
        one_line += _one_line(text)
    assert one_line > len(texts) // 2  # the fast path is the common one
