"""Tests for framing.measures.dictionaries: quanteda's dictionary formats, their quirks, and
load_lexicon's format=, levels= and encoding=."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from framing.errors import FramingError, InputError
from framing.measures.dictionaries import DictionaryWarning, read_dictionary
from framing.measures.lexicon import LEXICON_FORMATS, load_lexicon
from tests.conftest import need_data

MARY = {"A CATEGORY": ["more", "lamb", "little"], "ANOTHER CATEGORY": ["had", "mary"]}

#: quanteda's test files and what quanteda makes of them (PROVENANCE.md), key by key.
QUANTEDA_FILES = [
    ("mary.cat", MARY),
    ("mary.ykd", MARY),
    # The file itself names its keys "A category" and "Another category"; they are kept as
    # written (PROVENANCE lists them in capitals, with the .ykd file's).
    ("mary.lcd", {"A category": MARY["A CATEGORY"], "Another category": MARY["ANOTHER CATEGORY"]}),
    ("mary.lc3", MARY),
    ("mary.yml", MARY),
    ("mary.dic", {"A_CATEGORY": ["lamb", "little", "more"], "ANOTHER_CATEGORY": ["had", "mary"]}),
    (
        "mary_doubleterm.dic",
        {"A_CATEGORY": ["lamb", "little", "more"], "ANOTHER_CATEGORY": ["had", "little", "mary"]},
    ),
    (
        "mary_multipletabs.dic",
        {"A_CATEGORY": ["lamb", "little", "more"], "ANOTHER_CATEGORY": ["had", "little", "mary"]},
    ),
]


def keys_of(path: Path, **options) -> dict[str, list[str]]:
    lexicon = load_lexicon(path, **options)
    keys: dict[str, list[str]] = {}
    for entry in lexicon.entries:
        keys.setdefault(entry.category, []).append(entry.term)
    return keys


@pytest.mark.parametrize(("name", "expected"), QUANTEDA_FILES)
def test_quanteda_examples_read_as_quanteda_reads_them(name, expected):
    folder = need_data("quanteda-dictionaries") / "dictionaries"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert keys_of(folder / name) == expected


def test_mfd2_through_the_liwc_reader_keeps_its_ten_foundations():
    folder = need_data("mfd") / "lexicons"
    keys = read_dictionary(folder / "mfd2.0.dic")
    assert list(keys) == [
        f"{foundation}.{side}"
        for foundation in ("care", "fairness", "loyalty", "authority", "sanctity")
        for side in ("virtue", "vice")
    ]
    assert sum(map(len, keys.values())) == 2103
    assert "levels the playing field" in keys["fairness.virtue"]


def test_original_mfd_zero_padded_ids_and_eleven_keys():
    folder = need_data("mfd") / "lexicons"
    keys = read_dictionary(folder / "mft_original.dic")
    assert len(keys) == 11 and keys["moral"]
    assert "preserve" in keys["care.virtue"] and "preserve" in keys["sanctity.virtue"]


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


#: One row per quirk: file name, its text, and the keys it gives.
QUIRKS = [
    # LIWC: a multi-word category name is kept whole ("A category", not "A").
    ("multiword.dic", "%\n1\tA category\n%\nmore\t1\n", {"A category": ["more"]}),
    # LIWC: zero-padded ids match unpadded ones; a name that is a number stays as written.
    ("padded.dic", "%\n01\t007\n2\tb\n%\nx\t1\ny\t02\n", {"007": ["x"], "b": ["y"]}),
    # LIWC: nested keys by indentation in the header.
    (
        "nested.dic",
        "%\n1\tmoral\n\t2\tcare\n\t3\tharm\n4\tother\n%\nkind\t2\nkill\t3\nx\t4\nmoral\t1\n",
        {"moral": ["moral"], "moral.care": ["kind"], "moral.harm": ["kill"], "other": ["x"]},
    ),
    # LIWC: a multi-word term and a glob.
    (
        "phrase.dic",
        "%\n1\tfair\n%\nlevel playing field\t1\nfair*\t1\n",
        {"fair": ["fair*", "level playing field"]},
    ),
    # WordStat: nesting by indentation, (1) weights, globs, multi-word entries with _ or space.
    (
        "nested.cat",
        "ECONOMY\n\tTAXES\n\t\tTAX* (1)\n\t\tINCOME_TAX (2)\n\tJOBS\n\t\tJOBLESS (1)\n"
        "\t\tHIRING FREEZE (1)\nCULTURE\n\tART (1)\n",
        {
            "ECONOMY.TAXES": ["tax*", "income tax"],
            "ECONOMY.JOBS": ["jobless", "hiring freeze"],
            "CULTURE": ["art"],
        },
    ),
    # WordStat indented with spaces, weights without a space before them.
    ("spaces.cat", "POS\n  GOOD(1)\n  NICE (3)\n", {"POS": ["good", "nice"]}),
    # Lexicoder .lc3: terms indented or not, blank lines between.
    (
        "tone.lc3",
        "+POSITIVE\ngood*\n\n+NEGATIVE\n  bad\n",
        {"POSITIVE": ["good*"], "NEGATIVE": ["bad"]},
    ),
    # Yoshikoder: nested cnodes.
    (
        "nested.ykd",
        '<?xml version="1.0"?><dictionary><cnode name="Top"><pnode name="a"/>'
        '<cnode name="Sub"><pnode name="B"/></cnode></cnode></dictionary>',
        {"Top": ["a"], "Top.Sub": ["b"]},
    ),
    # YAML: nested mappings, and a list of terms beside them.
    (
        "nested.yml",
        "moral:\n  care: [kind*]\n  harm: [kill]\nother: [x]\n",
        {"moral.care": ["kind*"], "moral.harm": ["kill"], "other": ["x"]},
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), QUIRKS)
def test_format_quirks(tmp_path, name, text, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert keys_of(write(tmp_path, name, text)) == expected


#: levels=: deeper keys' terms go to their ancestor at the kept level.
LEVELS = [
    ("nested.cat", "A\n\tB\n\t\tC\n\t\t\tx (1)\n\t\ty\n", 1, {"A": ["x", "y"]}),
    ("nested.cat", "A\n\tB\n\t\tC\n\t\t\tx (1)\n\t\ty\n", 2, {"A.B": ["x", "y"]}),
    ("nested.cat", "A\n\tB\n\t\tC\n\t\t\tx (1)\n\t\ty\n", 3, {"A.B.C": ["x"], "A.B": ["y"]}),
    ("nested.yml", "a:\n  b: [x]\n  c: [y]\n", 1, {"a": ["x", "y"]}),
    ("nested.dic", "%\n1\ta\n\t2\tb\n%\nx\t2\ny\t1\n", 1, {"a": ["x", "y"]}),
]


@pytest.mark.parametrize(("name", "text", "levels", "expected"), LEVELS)
def test_levels_keeps_the_top_levels(tmp_path, name, text, levels, expected):
    keys = keys_of(write(tmp_path, name, text), levels=levels)
    assert {key: sorted(terms) for key, terms in keys.items()} == expected


#: LIWC lines that quanteda skips with a note: the text, and what the warning says.
LIWC_WARNINGS = [
    (
        "%\n1\tlike\n2\tfunct\n%\nlike\t02 134/125/464 (02 134)125/464\nkind\t1\nthe\t2\n",
        {"like": ["kind"], "funct": ["the"]},
        r"lines 5 hold <of> tags or parenthetical codes",
    ),
    (
        "%\n1\tlike\n%\nlike\t<of>1\nkind\t1\nnice\t1\n",
        {"like": ["kind", "nice"]},
        r"lines 4 hold <of> tags",
    ),
    (
        "%\n1\tcare\n%\nkind\t1 7\nevil\t7\n",
        {"care": ["kind"]},
        r"category 7 is not defined in the header; dropped from lines 4, 5",
    ),
    (
        "%\n1\tcare\n2\tunused\n%\nkind\t1\n",
        {"care": ["kind"]},
        r"categories \['unused'\] have no terms; dropped",
    ),
]


@pytest.mark.parametrize(("text", "expected", "message"), LIWC_WARNINGS)
def test_liwc_quirks_are_skipped_with_a_warning(tmp_path, text, expected, message):
    path = write(tmp_path, "quirk.dic", text)
    with pytest.warns(DictionaryWarning, match=message) as caught:
        assert keys_of(path) == expected
    assert all(str(path) in str(warning.message) for warning in caught)


def test_terms_that_cannot_match_a_word_are_skipped_with_a_warning(tmp_path):
    path = write(tmp_path, "emoticons.dic", "%\n1\tposemo\n%\n:)\t1\ngood\t1\nwom?n\t1\n")
    with pytest.warns(DictionaryWarning, match=r"2 terms are not words .* \[':\)', 'wom\?n'\]"):
        assert keys_of(path) == {"posemo": ["good"]}


@pytest.mark.parametrize(
    ("encoding", "text", "expected"),
    [
        ("latin-1", "ÉCONOMIE\n\tPRÊT (1)\n", {"ÉCONOMIE": ["prêt"]}),
        # Windows-1252 has the curly apostrophe at 0x92, where Latin-1 has a control character.
        ("cp1252", "ÉCONOMIE\n\tPRÊT (1)\n\tCAFÉ’S (1)\n", {"ÉCONOMIE": ["prêt", "café’s"]}),
    ],
)
def test_wordstat_in_a_declared_encoding(tmp_path, encoding, text, expected):
    path = write(tmp_path, "legacy.cat", text, encoding)
    assert keys_of(path, encoding=encoding) == expected
    with pytest.raises(InputError, match=r"is not UTF-8 text .* encoding='cp1252'"):
        load_lexicon(path)


@pytest.mark.parametrize(
    ("name", "text", "options", "message"),
    [
        ("mary.txt", "+A\n x\n", {"format": "lexicoder"}, None),
        ("x.lc3", "+A\n x\n", {"format": "quanteda"}, r"format='quanteda' is not valid; use"),
        ("x.lc3", "+A\n x\n", {"levels": 0}, r"levels=0 is not valid"),
        ("x.csv", "term,category\nx,A\n", {"levels": 1}, r"levels= and encoding= apply to"),
        ("x.lc3", "+A\n x\n", {"encoding": "no-such"}, r"encoding='no-such' is not an encoding"),
    ],
)
def test_format_levels_and_encoding_options(tmp_path, name, text, options, message):
    path = write(tmp_path, name, text)
    if message is None:
        assert keys_of(path, **options) == {"A": ["x"]}
        return
    with pytest.raises(FramingError, match=message) as error:
        load_lexicon(path, **options)
    assert "\n" not in str(error.value)


def test_every_format_name_is_listed_when_one_is_wrong(tmp_path):
    with pytest.raises(FramingError) as error:
        load_lexicon(write(tmp_path, "x.lc3", "+A\n x\n"), format="xml")
    for name in LEXICON_FORMATS:
        assert name in str(error.value)


#: Bad files: one line naming the file and the line, and saying what to fix.
MALFORMED = [
    ("orphan.lc3", "good\n+POSITIVE\n", r"orphan.lc3:1: term 'good' comes before any '\+CATEGORY'"),
    ("orphan.cat", "GOOD (1)\nPOS\n\tNICE (1)\n", r"orphan.cat:1: term 'good \(1\)'|orphan.cat:1"),
    ("broken.ykd", '<dictionary><cnode name="A">\n<pnode', r"broken.ykd:2 is not well-formed XML"),
    ("empty.ykd", "<dictionary/>", r"empty.ykd holds no <cnode> categories"),
    ("header.dic", "%\ncare\n%\nkind\t1\n", r"header.dic:2 should be a category id and name"),
    ("noids.dic", "%\n1\tcare\n%\nkind\n", r"noids.dic:4 should be a term followed by category"),
    ("noheader.dic", "kind\t1\n", r"needs a category header between two '%' lines"),
]


@pytest.mark.parametrize(("name", "text", "message"), MALFORMED)
def test_bad_files_give_one_line_naming_file_and_line(tmp_path, name, text, message):
    with pytest.raises(InputError) as error:
        load_lexicon(write(tmp_path, name, text))
    assert re.search(message, str(error.value))
    assert "\n" not in str(error.value)


def test_a_dictionary_matches_text_like_any_lexicon(tmp_path):
    path = write(tmp_path, "tone.cat", "NEG\n\tTERROR* (1)\n\tSTATUS_QUO (1)\n")
    lexicon = load_lexicon(path)
    assert [(m.text, m.category) for m in lexicon.match("Terrorists keep the status quo.")] == [
        ("Terrorists", "NEG"),
        ("status quo", "NEG"),
    ]
