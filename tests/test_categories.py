"""Any dictionary counted per category, and the Lexicoder Sentiment Dictionary's tone."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.errors import FramingError
from framing.measures.categories import (
    CategoryCounter,
    load_dictionaries,
    lsd_net,
    tone_lsd,
)
from framing.measures.lexicon import Entry, Lexicon, load_lexicon
from framing.text.words import count_words
from tests.conftest import need_data

#: A Lexicoder .lc3 file written for these tests: two terms per key, the NEG_ keys with
#: phrases (the LSD itself is licensed for academic use and is not in the repository).
LSD_FIXTURE = Path(__file__).parent / "fixtures" / "lsd-mini.lc3"

#: Texts, their number of words, and the LSD tone worked out by hand. The whole dictionary is
#: matched at once, the longest entry winning: "not good" is one negated positive (-1), not also
#: a positive; "not bad" one negated negative (+1).
TONE_CASES = [
    # great +1, not good -1, not bad +1, terrible -1, bad -1: net -1 over 18 words
    (
        "A great plan. It is not good, and not bad at all. The results were terrible and bad.",
        18,
        -1,
        -100 / 18,
    ),
    # good +1, greatest (great*) +1: net +2 over 5 words
    ("Good news: the greatest day.", 5, 2, 40.0),
    # not great (not great*) -1, terrible -1 ("not terrible" is no entry): net -2 over 4 words
    ("Not great, not terrible.", 4, -2, -50.0),
    # upper case is matched as lower case: NOT GOOD is a negated positive
    ("NOT GOOD", 2, -1, -50.0),
    # a comma breaks the phrase: "not, good" is a positive
    ("Not, good.", 2, 1, 50.0),
    # no term: a tone of 0
    ("Nothing to see here.", 4, 0, 0.0),
]


@pytest.fixture(scope="module")
def lsd() -> CategoryCounter:
    return CategoryCounter("lsd", load_lexicon(LSD_FIXTURE))


def test_the_fixture_reads_as_the_lsd(lsd):
    assert lsd.categories == ("NEGATIVE", "POSITIVE", "NEG_POSITIVE", "NEG_NEGATIVE")
    assert lsd.scorers == ("tone_lsd",)
    assert lsd.columns == (*lsd.categories, "tone")


@pytest.mark.parametrize(("text", "words", "net", "tone"), TONE_CASES)
def test_tone_lsd_worked_by_hand(lsd, text, words, net, tone):
    matches = lsd.scorer_matches(text)
    assert count_words(text) == words
    assert lsd.tone_net(matches) == net
    assert tone_lsd([match.category for match in matches], words) == pytest.approx(tone)


def test_tone_of_no_words_is_nan():
    assert math.isnan(tone_lsd([], 0))
    assert lsd_net(["positive", "NEG_POSITIVE", "other"]) == 0


def test_each_category_is_matched_on_its_own(lsd):
    """quanteda's nested_scope = "key": the "good" of "not good" is a positive too."""
    text = TONE_CASES[0][0]
    found = lsd.matches(text)
    assert [m.text for m in found["POSITIVE"]] == ["great", "good"]
    assert [m.text for m in found["NEGATIVE"]] == ["bad", "terrible", "bad"]
    assert [m.text for m in found["NEG_POSITIVE"]] == ["not good"]
    assert [m.text for m in found["NEG_NEGATIVE"]] == ["not bad"]


def test_a_word_in_two_categories_counts_in_both():
    moral = CategoryCounter(
        "moral",
        Lexicon([Entry("protect", "care"), Entry("protect", "authority"), Entry("kill", "harm")]),
    )
    found = moral.matches("They protect and protect.")
    assert {category: len(matches) for category, matches in found.items()} == {
        "care": 2,
        "authority": 2,
        "harm": 0,
    }
    assert moral.scorers == ()


@pytest.mark.parametrize(
    ("categories", "scored"),
    [
        (["positive", "negative"], True),  # LSD2015.lc3 without its negation file
        (["POSITIVE", "NEGATIVE", "NEG_POSITIVE", "NEG_NEGATIVE"], True),
        (["positive", "negative", "neutral"], False),  # another dictionary's categories
        (["positive"], False),
    ],
)
def test_tone_is_scored_for_the_lsds_categories_only(categories, scored):
    counter = CategoryCounter("d", Lexicon([Entry(f"w{n}", c) for n, c in enumerate(categories)]))
    assert (counter.scorers == ("tone_lsd",)) is scored


@pytest.mark.parametrize(
    ("dictionaries", "message"),
    [
        ({"m.f": {"care": ["kind"]}}, "dictionary name 'm.f' is not valid"),
        ({"": {"care": ["kind"]}}, "dictionary name '' is not valid"),
        ({"m": 3}, "dictionaries['m'] is a int; give a dictionary file's path"),
        ({"m": {}}, "dictionary 'm' (m) has no terms"),
        (["mfd2.0.dic"], "dictionaries= takes a mapping of name to dictionary"),
        ({"m": "missing.dic"}, "lexicon file 'missing.dic' does not exist"),
    ],
)
def test_bad_dictionaries_say_what_to_do(dictionaries, message):
    with pytest.raises(FramingError, match=re.escape(message)):
        load_dictionaries(dictionaries)


def test_a_loaded_dictionary_a_mapping_and_a_path_give_the_same_counts(tmp_path):
    path = tmp_path / "moral.yml"
    path.write_text("moral:\n  care: [kind*]\n  harm: [kill]\n", encoding="utf-8")
    counters = load_dictionaries(
        {
            "a": path,
            "b": load_lexicon(path),
            "c": {"moral": {"care": ["kind*"], "harm": ["kill"]}},
        }
    )
    text = "Kindness does not kill; the kind kill nobody."
    counts = [
        {category: len(found) for category, found in counter.matches(text).items()}
        for counter in counters
    ]
    assert counts[0] == counts[1] == counts[2] == {"moral.care": 2, "moral.harm": 2}


def test_mfd_2_categories_and_counts():
    folder = need_data("mfd")
    mfd = load_dictionaries({"mfd": folder / "lexicons" / "mfd2.0.dic"})[0]
    assert mfd.categories == tuple(
        f"{foundation}.{side}"
        for foundation in ("care", "fairness", "loyalty", "authority", "sanctity")
        for side in ("virtue", "vice")
    )
    assert mfd.scorers == ()
    # compassion (care.virtue), cruelty (care.vice), loyalty (loyalty.virtue), in the file
    found = mfd.matches("Compassion, not cruelty: loyalty to the compassionate.")
    counts = {category: len(matches) for category, matches in found.items()}
    assert counts["care.virtue"] == 2
    assert counts["care.vice"] == 1
    assert counts["loyalty.virtue"] == 1
    assert sum(counts.values()) == 4


def test_matching_only_candidate_categories_equals_matching_every_one():
    """The fast path beside its plain twin, on every real paragraph: BABE's sentences and the
    AllSides articles' paragraphs, with MFD 2.0, the original MFD (globs) and the LSD fixture."""
    folder = need_data("mfd", "babe", "allsides-roundups")
    from framing.datasets.loaders import load_allsides, load_babe

    texts = load_babe(data_dir=folder)["text"].tolist()
    texts += [p for ps in load_allsides(data_dir=folder)["paragraphs"] for p in ps]
    texts += ["ISIS’s cruelty", "KİLL the İnfidel", "the lie's", "Honor-bound, kind-hearted"]
    counters = load_dictionaries(
        {
            "mfd": folder / "lexicons" / "mfd2.0.dic",
            "mft": folder / "lexicons" / "mft_original.dic",
            "lsd": LSD_FIXTURE,
        }
    )
    assert counters[1]._first_globs  # the original MFD's globs take the glob path
    for counter in counters:
        found = 0
        for text in texts:
            fast = counter.matches(text)
            assert fast == counter._reference_matches(text), (counter.name, text)
            found += sum(map(len, fast.values()))
        assert found > (100 if counter.name == "lsd" else 1000), counter.name


def test_a_term_of_art_hides_the_entries_inside_it_in_every_category(tmp_path):
    path = tmp_path / "harm.csv"
    path.write_text(
        "term,category,context\nterror*,fear,\nattack*,violence,\n"
        "terror attack*,violence,term-of-art\n",
        encoding="utf-8",
    )
    (counter,) = load_dictionaries({"d": path})
    found = counter.matches("A terror attack, then terror and an attack.")
    assert [m.text for m in found["fear"]] == ["terror"]  # not the "terror" of "terror attack"
    assert [m.text for m in found["violence"]] == ["attack"]
    assert found == counter._reference_matches("A terror attack, then terror and an attack.")


#: The Lexicoder Sentiment Dictionary's structure (LSD2015, as quanteda's
#: data_dictionary_LSD2015 has it): the four keys negative, positive, neg_positive and
#: neg_negative, globs and phrases, in the three forms it is passed around in: Lexicoder .lc3,
#: WordStat .cat (keys and terms in capitals, "(1)" weights) and YAML. The entries are a handful
#: written for these tests, not the LSD's.
LSD2015_STRUCTURE = {
    suffix: Path(__file__).parent / "fixtures" / f"lsd2015-structure.{suffix}"
    for suffix in ("lc3", "cat", "yml")
}

#: One paragraph of 23 words, worked out by hand. Each key on its own (quanteda's
#: nested_scope "key"): negative: a lie, betrayed, bad (3); positive: good, good (of "not
#: good"), Great, honesty (4); neg_positive: not good (1); neg_negative: not a lie, not bad (2).
#: The tone matches the whole dictionary at once, the longest entry winning: not a lie +1,
#: good +1, betrayed -1, not good -1, not bad +1, Great +1, honesty +1: net +3.
LSD2015_TEXT = (
    "It was not a lie. The plan is good, but the aides betrayed him. "
    "It is not good and not bad. Great honesty."
)
LSD2015_COUNTS = {"negative": 3, "positive": 4, "neg_positive": 1, "neg_negative": 2, "tone": 3}


@pytest.mark.parametrize("suffix", ["lc3", "cat", "yml"])
def test_the_lsd2015_structure_is_scored_through_dictionaries(suffix):
    table = framing.analyze(
        LSD2015_TEXT, dictionaries={"lsd": LSD2015_STRUCTURE[suffix]}, measures=["loaded"]
    )
    counter = load_dictionaries({"lsd": LSD2015_STRUCTURE[suffix]})[0]
    assert [c.lower() for c in counter.categories] == list(LSD2015_COUNTS)[:4]
    assert counter.scorers == ("tone_lsd",)
    row = table.iloc[0]
    assert row["words"] == 23
    found = {c.lower(): row[f"lsd.{c}"] for c in (*counter.categories, "tone")}
    assert found == LSD2015_COUNTS
    assert row["lsd.tone_per_100_words"] == pytest.approx(300 / 23)


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        ("not good", -1),  # neg_positive only, not also positive
        ("not a lie", 1),  # neg_negative only, not also negative
        ("never honestly", -1),  # a negated glob
        ("not terribly bad", 0),  # not terribl* +1, bad -1
        ("no good abilities", 0),  # no good -1, abilit* +1
    ],
)
def test_the_lsd2015_negation_keys(text, tone):
    for path in LSD2015_STRUCTURE.values():
        table = framing.analyze(text, dictionaries={"lsd": path}, measures=["loaded"])
        assert table["lsd.tone"].tolist() == [tone], path.name


def test_the_lsd2015_structure_through_the_command_line(tmp_path, capsys):
    import io

    from framing.cli import main

    article = tmp_path / "a.txt"
    article.write_text(LSD2015_TEXT, encoding="utf-8")
    for suffix, path in LSD2015_STRUCTURE.items():
        code = main(["analyze", str(article), "--dictionary", f"lsd={path}", "--format", "csv"])
        captured = capsys.readouterr()
        assert (code, captured.err) == (0, ""), suffix
        row = pd.read_csv(io.StringIO(captured.out)).iloc[0]
        found = {c.split(".", 1)[1].lower(): row[c] for c in row.index if c.startswith("lsd.")}
        assert {k: found[k] for k in LSD2015_COUNTS} == LSD2015_COUNTS, suffix
        assert found["tone_per_100_words"] == pytest.approx(300 / 23)
        code = main(
            ["analyze", str(article), "--dictionary", f"lsd={path}", "--format", "csv"]
            + ["--dictionary-form", "long"]
        )
        long = pd.read_csv(io.StringIO(capsys.readouterr().out))
        counts = dict(zip(long["category"].str.lower(), long["count"], strict=True))
        assert counts == LSD2015_COUNTS, suffix
