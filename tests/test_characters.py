"""Characters that show nothing, and lone surrogates: which they are, and where."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from framing.text.characters import INVISIBLE, is_blank, replace_surrogates, surrogate_problem


def test_invisible_holds_all_white_space_and_every_control_character():
    everything = map(chr, range(sys.maxunicode + 1))
    white_space = {char for char in everything if char.isspace()}
    assert white_space <= set(INVISIBLE)  # all of them are at most U+3000, where it looks
    controls = {chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Cc"}
    assert controls <= set(INVISIBLE)
    assert len(INVISIBLE) == len(set(INVISIBLE))


def test_invisible_format_characters_are_format_characters():
    # Besides white space and controls, only characters of category Cf (format): nothing that
    # a reader sees is trimmed from a paragraph.
    others = {char for char in INVISIBLE if not char.isspace()}
    assert {unicodedata.category(char) for char in others} == {"Cc", "Cf"}
    assert {"\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u200e", "\u200f"} <= others


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        ("", True),
        (" \t\xa0\u3000", True),
        ("\x00", True),  # NUL
        ("\x85", True),  # NEL
        ("\u200b\ufeff\u200d", True),  # zero-width space, byte-order mark, joiner
        ("\ufeff\u00ad \x07", True),  # byte-order mark, soft hyphen, bell
        ("\u200bA", False),
        ("\ufffd", False),  # the replacement character is seen
        ("-", False),
    ],
)
def test_is_blank(text, blank):
    assert is_blank(text) is blank


@pytest.mark.parametrize(
    ("text", "problem", "replaced"),
    [
        ("Title \ud83d", "lone surrogate U+D83D at character 6", "Title \ufffd"),
        ("\udc00 and \ud800", "lone surrogate U+DC00 at character 0", "\ufffd and \ufffd"),
        # A pair split into two code points cannot be written as UTF-8 either.
        ("a\ud83d\ude00", "lone surrogate U+D83D at character 1", "a\ufffd\ufffd"),
        ("\U0001f600 is one character", None, "\U0001f600 is one character"),
        ("plain", None, "plain"),
    ],
)
def test_surrogates_are_found_and_replaced_one_for_one(text, problem, replaced):
    assert surrogate_problem(text) == problem
    assert replace_surrogates(text) == replaced
    assert len(replace_surrogates(text)) == len(text)
