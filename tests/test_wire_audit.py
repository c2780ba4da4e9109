"""benchmarks/wire_audit.py and benchmarks/wire_rates.py: the audit table in LEXICONS.md is what
the script prints, and the wire copy stays below the partisan outlets' own words."""

from __future__ import annotations

import contextlib
import io
from importlib import resources

import pytest

from benchmarks import wire_audit, wire_rates
from framing.measures.lexicon import load_lexicon
from tests.conftest import need_data


@pytest.fixture(scope="module")
def data_dir():
    return need_data("allsides-roundups", "polnear")


def test_lexicons_md_holds_the_audit_that_the_script_prints(data_dir):
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        wire_audit.main(["--data-dir", str(data_dir), "--markdown"])
    lexicons_md = (
        resources.files("framing").joinpath("data", "lexicons", "LEXICONS.md").read_text("utf-8")
    )
    assert printed.getvalue().strip() in lexicons_md


def test_every_entry_the_wire_uses_as_its_own_has_a_decision(data_dir):
    rows, sizes = wire_audit.audit_rows(data_dir)
    decisions = {row["term"]: row["decision"] for row in rows}
    assert set(decisions.values()) == {"keep", "restrict", "drop"}
    # The rule: two or more articles and a ratio of at least 0.5 is a drop, unless restricted.
    for row in rows:
        if row["decision"] == "keep" and row["wire_own_articles"] >= 2:
            assert row["wire_own_rate"] < 0.5 * row["partisan_rate"], row
    # After the decisions, the wire's own words are well below the partisan outlets' own words.
    wire = sizes["wire_own_matches_after"] / sizes["wire_own_words"]
    partisan = sizes["partisan_own_matches_after"] / sizes["partisan_own_words"]
    assert wire < 0.7 * partisan


def test_the_dod_release_terror_attacks_do_not_count():
    release = wire_audit.source_path().read_text(encoding="utf-8")
    assert "terror attacks" in release
    assert [m.text for m in load_lexicon("loaded").match(release)] == []


def test_wire_copy_is_at_least_30_percent_below_partisan_own_words(data_dir):
    rows = wire_rates.allsides_rows(data_dir)
    wire = rows[rows["group"].isin(wire_rates.ALLSIDES_WIRES.values())]
    partisan = rows[rows["group"].isin(["left", "right"])]
    assert wire["all_rate"].mean() <= 0.7 * partisan["own_rate"].mean()
    assert wire["own_rate"].mean() <= 0.7 * partisan["own_rate"].mean()


def test_lexicon_candidates_follow_their_written_rule(data_dir):
    from benchmarks import lexicon_candidates

    need_data("mpqa")
    key, table = lexicon_candidates.candidates(data_dir)
    sizes = key.attrs["sizes"]
    assert sizes["partisan"] > 100_000 and sizes["wire"] > 50_000
    assert len(key) > 100
    assert (key["log_odds"] > 0).all()
    assert (key["articles"] >= lexicon_candidates.MIN_ARTICLES).all()
    assert (key["wire_per_100k"] <= 0.5 * key["partisan_per_100k"]).all()
    assert set("+".join(key["listed_in"]).split("+")) == {"mpqa", "recasens"}
    lexicon = load_lexicon("loaded")
    assert not any(lexicon.match(term) for term in key["term"])
    # each candidate is shown where the partisan outlets use it
    assert lexicon_candidates.contexts(key["term"].iloc[0], table, 2)


@pytest.mark.parametrize(
    ("word", "adverb", "plural"),
    [
        ("feeble", "feebly", "feebles"),  # -le: the e gives way to y
        ("docile", "docilely", "dociles"),  # but -ile keeps it
        ("majestic", "majestically", "majestics"),  # -ic takes -ally
        ("mighty", "mightily", "mighties"),  # consonant + y
        ("spiteful", "spitefully", "spitefuls"),
        ("genius", "geniusly", "geniuses"),  # a sibilant takes -es
        ("decoy", "decoily", "decoys"),  # vowel + y keeps its y in the plural
    ],
)
def test_lexicon_forms_spelling_rules(word, adverb, plural):
    from benchmarks import lexicon_forms

    assert lexicon_forms.adverb(word) == adverb
    assert lexicon_forms.plural(word) == plural


def test_lexicon_forms_come_only_from_the_categories_and_endings_of_the_rule():
    from benchmarks import lexicon_forms
    from framing.measures.lexicon import Entry

    entries = [
        Entry("spiteful", "emotive-negative"),  # adjective ending: adverb
        Entry("radical", "partisan-label"),  # a label's adverb labels no side: none
        Entry("shrill", "loaded-saying"),  # not a verb of saying: none
        Entry("simpleton", "derogatory"),  # a label for a person: plural
        Entry("deception", "emotive-negative"),  # noun ending: plural
        Entry("notorious", "emotive-negative", context="not-in-name"),  # restricted: none
        Entry("smear*", "emotive-negative"),  # a glob has its forms already
        Entry("so unfair", "emotive-negative"),  # phrases are left alone
    ]
    made = {(form.term, form.kind) for form in lexicon_forms.implied_forms(entries)}
    assert made == {
        ("spitefully", "adverb"),
        ("simpletons", "plural"),
        ("deceptions", "plural"),
    }


def test_lexicon_forms_added_are_the_ones_the_rule_prints(data_dir):
    from benchmarks import lexicon_forms

    rows = lexicon_forms.candidates(data_dir)
    assert len(rows) >= 30
    bundled = {entry.term: entry for entry in load_lexicon("loaded").entries}
    base = {row["term"]: row for row in rows}
    added = {
        term
        for term, entry in bundled.items()
        if entry.reason.startswith(lexicon_forms.FORM_REASONS)
    }
    assert added == {row["term"] for row in rows if row["decision"] == "add"}
    for term in added:
        entry, row = bundled[term], base[term]
        assert entry.category == bundled[row["base"]].category == row["category"]
        assert entry.intensity == bundled[row["base"]].intensity
        assert entry.reason.startswith(f"{row['kind']} of {row['base']}, ")
    _, decisions = wire_audit.audit_lexicon()
    assert not {term for term, decision in decisions.items() if decision == "drop"} & added


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('The bill is a mere "reform" for the rich.', ["reform"]),
        ("Its “experts” were wrong.", ["experts"]),
        ('Critics call the bill "reform" for the rich.', []),  # a verb of naming says whose
        ('The bill is "reform," Smith said.', []),  # a reporting verb in the sentence
        ('The bill is "A Fair Deal" for all.', []),  # capitalised: a title or a sentence
        ('The bill is "a fair deal for all of us" now.', []),  # more than three words
    ],
)
def test_scare_quotes_follow_their_written_rule(text, found):
    from benchmarks import lexicon_constructions
    from framing.article import Article

    paragraph = Article(text).paragraphs[0]
    verbs = lexicon_constructions._naming_or_reporting()
    spans = lexicon_constructions.scare_quotes(paragraph, verbs)
    assert [text[start:end].strip('"\u201c\u201d') for start, end in spans] == found


def test_constructions_on_wire_copy_give_the_figures_in_lexicons_md(data_dir):
    from benchmarks import lexicon_constructions

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        lexicon_constructions.main(["--data-dir", str(data_dir), "--examples", "0"])
    lexicons_md = (
        resources.files("framing").joinpath("data", "lexicons", "LEXICONS.md").read_text("utf-8")
    )
    lines = printed.getvalue().strip().splitlines()
    assert [line.split(":")[0] for line in lines] == list(lexicon_constructions.CONSTRUCTIONS)
    for line in lines:
        assert line in lexicons_md
    # the decisions recorded: the wire uses intensifiers and factives as much as partisans do
    assert lines[1].endswith("not under half") and lines[2].endswith("not under half")


def test_lexicon_forms_of_a_verb_phrase_follow_their_written_rule():
    from benchmarks import lexicon_forms
    from framing.measures.lexicon import Entry

    words = {"cave", "caves", "caved", "caving", "tear", "tears", "teared", "tearing", "rip"}
    words |= {"rips", "ripped", "ripping", "riped", "riping", "in", "into", "bow", "bowed"}
    entries = [
        Entry("caved in", "emotive-negative"),  # two forms: the others are implied
        Entry("caves in", "emotive-negative"),
        Entry("tears into", "loaded-saying"),  # no -ed form listed: no "teared into"
        Entry("tearing into", "loaded-saying"),
        Entry("ripped into", "loaded-saying"),  # a doubled consonant where one is listed
        Entry("rips into", "loaded-saying"),
        Entry("bowed to", "emotive-negative"),  # one form alone implies nothing
        Entry("caving under", "emotive-negative", context="not-in-name"),  # restricted
        Entry("caved under", "emotive-negative"),
    ]
    made = {form.term for form in lexicon_forms.phrase_verb_forms(entries, words)}
    assert made == {"cave in", "caving in", "tear into", "rip into", "ripping into"}
