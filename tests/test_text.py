"""Words and sentences without NLTK data."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.datasets.loaders import load_allsides, load_babe
from framing.text.words import (
    WORD,
    WORD_PART,
    count_words,
    iter_words,
    normalize_apostrophes,
    split_sentences,
)
from tests.conftest import need_data


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Now the entire city has fallen.", ["Now", "the", "entire", "city", "has", "fallen"]),
        # En and em dashes are punctuation between words, not part of one.
        ("Raqqa\u2013a hospital\u2013and", ["Raqqa", "a", "hospital", "and"]),
        (
            "Williams\u2014who\u2019s on the ground",
            ["Williams", "who\u2019s", "on", "the", "ground"],
        ),
        # Inner hyphens (ASCII, U+2010, non-breaking U+2011) and apostrophes join one word.
        ("the de-facto capital", ["the", "de-facto", "capital"]),
        ("anti\u2011ISIS US\u2010backed", ["anti\u2011ISIS", "US\u2010backed"]),
        ("wasn't wasn\u2019t ISIS\u2019 control", ["wasn't", "wasn\u2019t", "ISIS", "control"]),
        ("Ak-47s and rocket-propelled grenades", ["Ak-47s", "and", "rocket-propelled", "grenades"]),
        # Numbers with separators, and initialisms, are one word each.
        ("around 270,000 people", ["around", "270,000", "people"]),
        ("a 3.5% rise, 1,000.50 dollars", ["a", "3.5", "rise", "1,000.50", "dollars"]),
        ("the U.S. said", ["the", "U.S.", "said"]),
        ("at 9 a.m. today", ["at", "9", "a.m.", "today"]),
        # A comma between words (or between a digit and a letter) still separates them.
        ("Raqqa,Syria 1,a", ["Raqqa", "Syria", "1", "a"]),
        ("\u201cQuoted\u201d words\xa0with\tspaces", ["Quoted", "words", "with", "spaces"]),
        ("", []),
        ("\u2013 \u2014 ...", []),
    ],
)
def test_words(text, words):
    assert [match.group() for match in iter_words(text)] == words
    assert count_words(text) == len(words)


def test_word_offsets_point_into_the_text():
    text = "Raqqa\u2013a hospital\u2013and who\u2019s"
    for match in iter_words(text):
        assert text[match.start() : match.end()] == match.group()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # A hyphenated word is read part by part; its apostrophes stay inside a part.
        ("the de-facto capital", ["the", "de", "facto", "capital"]),
        ("anti\u2011ISIS who\u2019s", ["anti", "ISIS", "who\u2019s"]),
        ("rock-'n'-roll", ["rock", "n", "roll"]),
        # Initialisms and numbers split at their dots and commas.
        ("the U.S.'s 270,000 and 3.5", ["the", "U", "S", "s", "270", "000", "and", "3", "5"]),
        ("\u2013 \u2014 ...", []),
    ],
)
def test_word_parts(text, parts):
    assert WORD_PART.findall(text) == parts


def _parts_of_words(text: str) -> list[tuple[int, int]]:
    return [
        part.span()
        for word in iter_words(text)
        for part in WORD_PART.finditer(text, word.start(), word.end())
    ]


def test_the_word_parts_of_every_real_text_are_the_parts_of_its_words():
    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)
    texts = babe + [part for parts in sides["paragraphs"] for part in parts]
    assert len(texts) > 10_000
    for text in texts:
        assert [part.span() for part in WORD_PART.finditer(text)] == _parts_of_words(text), text
    # Words and parts differ on real text: the hyphens and separators are there.
    assert sum(len(WORD.findall(text)) != len(WORD_PART.findall(text)) for text in texts) > 1000


#: Words the real paragraphs may lack: initialisms next to points, digits and underscores.
WORD_CASES = [
    "U.S. a.m. a.b U.S.A.x 1.2.3 _a. a_b.c. É.U. 3.5% 270,000, x.5 5.x de-facto who\u2019s",
    "The U.S.-led plan, anti\u2011ISIS, ex-U.N. staff; (a.) A.. .A. \u02bcquoted' 'end",
]


def test_words_equal_those_of_the_plain_pattern():
    from framing.text.words import _REFERENCE_WORD, words_and_gaps

    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)
    texts = babe + [part for parts in sides["paragraphs"] for part in parts] + WORD_CASES
    assert len(texts) > 10_000
    found = 0
    for text in texts:
        expected = [m.span() for m in _REFERENCE_WORD.finditer(text)]
        assert [m.span() for m in WORD.finditer(text)] == expected, text
        assert words_and_gaps(text) == re.split(f"({_REFERENCE_WORD.pattern})", text), text
        found += len(expected)
    assert found > 350_000


def test_word_parts_equal_those_of_the_plain_pattern():
    # WORD_PART's repetitions are possessive; the plain pattern must find the same parts, in
    # the texts as they are and lower-cased with their apostrophes made straight, as the
    # lexicon matcher splits them.
    from framing.text.words import _REFERENCE_WORD_PART

    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)
    texts = babe + [part for parts in sides["paragraphs"] for part in parts] + WORD_CASES
    texts += ["rock-'n'-roll who\u2019s \u2019tis' 'a'b'' x'' ''y"]
    found = 0
    for text in texts + [normalize_apostrophes(text).lower() for text in texts]:
        expected = [m.span() for m in _REFERENCE_WORD_PART.finditer(text)]
        assert [m.span() for m in WORD_PART.finditer(text)] == expected, text
        plain = re.split(f"({_REFERENCE_WORD_PART.pattern})", text)
        assert re.split(f"({WORD_PART.pattern})", text) == plain, text
        found += len(expected)
    assert found > 700_000


def test_normalize_apostrophes_keeps_the_length():
    text = "who\u2019s anti\u2011ISIS \u02bcquoted"
    normalized = normalize_apostrophes(text)
    assert normalized == "who's anti-ISIS 'quoted"
    assert len(normalized) == len(text)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        (
            "He said \u201cit is won.\u201d Then left.",
            ["He said \u201cit is won.\u201d", "Then left."],
        ),
        ("Wait\u2026 more", ["Wait\u2026", "more"]),
        ("No end", ["No end"]),
        ("  padded.  ", ["padded."]),
        ("", []),
    ],
)
def test_split_sentences(text, sentences):
    spans = split_sentences(text)
    assert [text[start:end] for start, end in spans] == sentences


#: White space of every kind Python knows (str.split and the pattern's ``\\s`` agree on it),
#: sentence marks, closing quotes and brackets, and letters.
_SENTENCE_TEXT = st.lists(
    st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000.!?\u2026\"'\u201d\u2019)]ab"))
    | st.characters(),
    max_size=60,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_SENTENCE_TEXT)
def test_no_sentence_ends_inside_a_word(text):
    # A sentence ends before white space, so the words of the sentences, in turn, are the words
    # of the text: VADER's sentences are scored from the text's words (FastAnalyzer.compounds).
    spans = split_sentences(text)
    assert [word for start, end in spans for word in text[start:end].split()] == text.split()


@settings(max_examples=500, deadline=None)
@given(text=_SENTENCE_TEXT)
def test_sentence_ends_equal_those_of_the_plain_pattern_on_arbitrary_text(text):
    from framing.text.words import _REFERENCE_SENTENCE_END, _SENTENCE_END

    expected = [m.span() for m in _REFERENCE_SENTENCE_END.finditer(text)]
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == expected


def test_sentence_ends_equal_those_of_the_plain_pattern_on_real_texts():
    from framing.datasets.loaders import load_polnear
    from framing.text.words import _REFERENCE_SENTENCE_END, _SENTENCE_END

    shared_data = need_data("babe", "allsides-roundups", "polnear")
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)
    texts = babe + [part for parts in sides["paragraphs"] for part in parts]
    texts += load_polnear("train", data_dir=shared_data)["text"].tolist()
    found = 0
    for text in texts:
        expected = [m.span() for m in _REFERENCE_SENTENCE_END.finditer(text)]
        assert [m.span() for m in _SENTENCE_END.finditer(text)] == expected, text
        found += len(expected)
    assert found > 20_000
