"""Tests for framing.lexicon: matching, the bundled lexicon, and the loaders on real files."""

from __future__ import annotations

import csv
import re
from importlib import resources
from pathlib import Path

import pytest

from framing.errors import FramingError, InputError
from framing.measures.lexicon import (
    CONTEXTS,
    Entry,
    Lexicon,
    LexiconMatcher,
    Match,
    load_lexicon,
    read_liwc_dic,
    read_mpqa,
    read_table,
    read_wordlist,
    read_yaml,
)
from tests.conftest import need_data

#: A small lexicon whose entries nest, overlap and use globs, for the language cases.
CASE_LEXICON = Lexicon(
    [
        Entry("massive", "hyperbole"),
        Entry("massive military victory", "glorifying"),
        Entry("military victory", "glorifying"),
        Entry("the might of", "glorifying"),
        Entry("root out", "eradication-violence"),
        Entry("rooting out", "eradication-violence"),
        Entry("eradicat*", "eradication-violence"),
        Entry("a source of evil", "dehumanising"),
        Entry("evil", "emotive-negative"),
        Entry("terror*", "emotive-negative"),
        Entry("terrorist", "label"),
        Entry("far left", "partisan-label"),
        Entry("so-called", "discrediting"),
        Entry("has-been", "derogatory"),
        Entry("who's to blame", "sensational"),
        Entry("won't believe", "sensational"),
        Entry("hero", "glorifying"),
        Entry("slam*", "loaded-saying"),
        Entry("illegal alien*", "dehumanising"),
    ]
)


def found(text: str, lexicon: Lexicon = CASE_LEXICON) -> list[tuple[str, str]]:
    return [(m.text, m.term) for m in lexicon.match(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # case
        ("EVIL deeds", [("EVIL", "evil")]),
        ("Evil deeds", [("Evil", "evil")]),
        # whole words only
        ("devil and evilness", []),
        ("medieval", []),
        # globs
        ("terrorists and terrorism", [("terrorists", "terror*"), ("terrorism", "terror*")]),
        (
            "eradicate, eradicated, eradication",
            [
                ("eradicate", "eradicat*"),
                ("eradicated", "eradicat*"),
                ("eradication", "eradicat*"),
            ],
        ),
        ("slammed and slams", [("slammed", "slam*"), ("slams", "slam*")]),
        # an exact entry beats a glob for the same word
        ("a terrorist", [("terrorist", "terrorist")]),
        # a glob inside a phrase
        ("illegal aliens", [("illegal aliens", "illegal alien*")]),
        # multi-word phrases, across white space and line breaks
        ("before the might of SDF", [("the might of", "the might of")]),
        ("to root\nout ISIS", [("root\nout", "root out")]),
        ("rooting   out", [("rooting   out", "rooting out")]),
        # punctuation between the words of a phrase breaks it
        ("the root, out of reach", []),
        ("the might. Of", []),
        ("the might\u2013of", []),
        ("root - out", []),
        # nesting: the longest match wins and the shorter is not counted again
        ("A Massive Military Victory", [("Massive Military Victory", "massive military victory")]),
        ("a military victory", [("military victory", "military victory")]),
        ("a massive crowd", [("massive", "massive")]),
        (
            "eradicate a source of evil",
            [
                ("eradicate", "eradicat*"),
                ("a source of evil", "a source of evil"),
            ],
        ),
        ("a source of evil deeds", [("a source of evil", "a source of evil")]),
        # curly apostrophes in the text and in the term
        ("who\u2019s to blame", [("who\u2019s to blame", "who's to blame")]),
        ("You won\u2019t believe it", [("won\u2019t believe", "won't believe")]),
        ("You won't believe it", [("won't believe", "won't believe")]),
        # possessives: the match covers the noun, not the 's
        ("the hero's welcome", [("hero", "hero")]),
        ("the hero\u2019s welcome", [("hero", "hero")]),
        ("ISIS\u2019 evil", [("evil", "evil")]),
        # hyphens: a space in a term matches a hyphen, a hyphen matches only a hyphen
        ("the far-left mob", [("far-left", "far left")]),
        ("the far\u2011left mob", [("far\u2011left", "far left")]),
        ("the far left mob", [("far left", "far left")]),
        ("a so-called expert", [("so-called", "so-called")]),
        ("a so called expert", []),
        ("a has-been", [("has-been", "has-been")]),
        ("it has been", []),
        # inside a hyphenated word, each part is a word
        ("anti-terror laws", [("terror", "terror*")]),
        ("evil-doers", [("evil", "evil")]),
        # en and em dashes are punctuation between words
        ("Raqqa\u2013evil\u2014terror", [("evil", "evil"), ("terror", "terror*")]),
        # nothing to find
        ("", []),
        ("ISIS lost the city of Raqqa on Tuesday.", []),
    ],
)
def test_match_language_cases(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("ISIS is evil.", [False]),
        ("ISIS is not evil.", [True]),
        ("It isn\u2019t evil.", [True]),
        ("never a hero", [True]),
        ("nothing but a hero", [True]),
        # beyond the window of three words, or past a clause break, a negator does not reach
        ("not in any way at all evil", [False]),
        ("No, evil", [False]),
        ("It was not; evil", [False]),
        # negation does not stop the match from counting
        ("not evil and not a hero", [True, True]),
    ],
)
def test_negation_is_recorded_not_dropped(text, negated):
    assert [m.negated for m in CASE_LEXICON.match(text)] == negated


def test_match_offsets_index_the_text():
    text = "Obama\u2019s far-left allies \u201cslammed\u201d the hero\u2019s terrorists."
    matches = CASE_LEXICON.match(text)
    assert [(m.start, m.end) for m in matches] == [(8, 16), (25, 32), (38, 42), (45, 55)]
    assert all(text[m.start : m.end] == m.text for m in matches)


def test_lexicon_is_a_matcher_and_counts():
    assert isinstance(CASE_LEXICON, LexiconMatcher)
    assert CASE_LEXICON.count("evil terror, evil") == 3
    assert len(CASE_LEXICON) == 19
    assert CASE_LEXICON.categories[:3] == ["hyperbole", "glorifying", "eradication-violence"]


def test_earlier_entry_breaks_a_tie():
    lexicon = Lexicon([Entry("evil", "first"), Entry("EVIL", "second")])
    assert [m.category for m in lexicon.match("evil")] == ["first"]


@pytest.mark.parametrize("term", ["*evil", "ev*il", "evil!", "", "   ", "a,b", "root -"])
def test_invalid_terms_are_refused(term):
    with pytest.raises(FramingError, match="invalid terms"):
        Lexicon([Entry(term, "emotive-negative")])


def test_a_term_without_category_is_refused():
    with pytest.raises(FramingError, match="without a category"):
        Lexicon([Entry("evil", " ")])


# --- the bundled lexicon -------------------------------------------------------------------------

LEXICON_DIR = resources.files("framing").joinpath("data", "lexicons")
KNOWN_CATEGORIES = {
    "emotive-negative",
    "glorifying",
    "hyperbole",
    "dehumanising",
    "eradication-violence",
    "certainty",
    "sensational",
    "loaded-saying",
    "partisan-label",
    "derogatory",
    "scare",
    "discrediting",
}


@pytest.fixture(scope="module")
def bundled_rows() -> list[dict]:
    text = LEXICON_DIR.joinpath("loaded_language.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.fixture(scope="module")
def lexicons_md() -> str:
    return LEXICON_DIR.joinpath("LEXICONS.md").read_text(encoding="utf-8")


def test_bundled_file_has_its_five_columns_and_reasons(bundled_rows):
    assert 1000 <= len(bundled_rows) <= 3100
    for row in bundled_rows:
        assert list(row) == ["term", "category", "intensity", "context", "reason"], row
        assert row["term"] == row["term"].strip() and row["term"], row
        assert len(row["reason"].split()) >= 3, row
        assert row["context"] in CONTEXTS, row


#: The intensity rule of LEXICONS.md: by what the category asks of the reader.
INTENSITY_BY_CATEGORY = {
    "dehumanising": 3,
    "derogatory": 3,
    "emotive-negative": 2,
    "glorifying": 2,
    "eradication-violence": 2,
    "scare": 2,
    "discrediting": 2,
    "partisan-label": 2,
    "sensational": 2,
    "hyperbole": 1,
    "certainty": 1,
    "loaded-saying": 1,
}


def test_bundled_intensities_follow_the_written_rule(bundled_rows):
    wrong = [
        row["term"]
        for row in bundled_rows
        if int(row["intensity"]) != INTENSITY_BY_CATEGORY[row["category"]]
    ]
    assert wrong == []


def test_lexicons_md_states_the_intensity_rule(lexicons_md):
    stated = {}
    for intensity, categories in re.findall(r"^\| ([123]) \| ([^|]*) \|", lexicons_md, flags=re.M):
        for category in re.findall(r"`([a-z-]+)`", categories):
            stated[category] = int(intensity)
    assert stated == INTENSITY_BY_CATEGORY


@pytest.fixture(scope="module")
def dropped_rows() -> list[dict]:
    text = LEXICON_DIR.joinpath("loaded_language_dropped.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_dropped_entries_are_out_of_the_lexicon_and_in_the_audit_table(
    bundled_rows, dropped_rows, lexicons_md
):
    terms = {row["term"] for row in bundled_rows}
    assert len(dropped_rows) >= 20
    for row in dropped_rows:
        assert row["term"] not in terms, row
        assert f"| `{row['term']}` |" in lexicons_md, row
        assert " drop " in lexicons_md.split(f"| `{row['term']}` |", 1)[1].split("\n", 1)[0]


def test_every_restricted_entry_is_in_the_audit_table(bundled_rows, lexicons_md):
    for row in bundled_rows:
        if row["context"] == "not-in-name":
            assert f"| `{row['term']}` |" in lexicons_md, row


WIRE_PLAIN_TERMS = [
    # term of art: the DoD release's "terror attacks", and its kin, count nothing
    ("ISIS used the camps to train militants to conduct terror attacks.", []),
    ("The FBI arrested a terror suspect tied to a terror group.", []),
    ("The State Department lists it as a terrorist organization.", []),
    ("Critics warned against regime change in Iran.", []),
    ("Prosecutors charged him with a hate crime.", []),
    ("Protests over police brutality spread.", []),
    ("Christie looked shell-shocked on stage.", []),
    ("the worst flooding in years", []),
    # the same words outside the term of art still count
    ("a source of evil and terror", ["a source of evil", "terror"]),
    ("They spread hate and terror.", ["hate", "terror"]),
    ("Migrants are flooding in, he wrote.", ["flooding in"]),
    # not-in-name: a loaded word inside a proper name does not count, elsewhere it does
    ("King won 12 Grand Slam singles titles.", []),
    ("The city that raised The Greatest, Muhammad Ali.", []),
    ("Known to fans as Notorious RBG, she spoke.", []),
    ("He is a notorious liar.", ["notorious*", "liar"]),
    ("Democrats slam the plan.", ["slam"]),
    ("Trump Wins The Greatest Victory Ever In History", ["the greatest", "in history"]),
    # a narrowed glob: revil* matched the name REvil; its words still match
    ("The REvil gang demanded a ransom.", []),
    ("He was reviled by the press.", ["reviled"]),
    # capitulation and swamping idioms (issue 14, from right-leaning text)
    ("Biden bends to liberals", ["bends to"]),
    ("The administration buckled to pressure from House Democrats.", ["buckled to"]),
    ("landlords and tenants flooded courts across the country", ["flood* courts"]),
    ("He caves to the Taliban.", ["caves to"]),
    # the forms the categories imply (benchmarks/lexicon_forms.py), and the term of art of one
    ("She answered spitefully, then caved in.", ["spitefully", "caved in"]),
    ("They cave in to the calamities of the simpletons.", ["cave in", "calamities", "simpletons"]),
    ("He served honorably.", ["honorably"]),
    ("He was honorably discharged, after an honorable discharge hearing.", []),
]


#: The quoted-title rule (framing.measures.lexicon.quoted_titles), for every entry of the
#: bundled lexicon: a loaded word inside a quoted title is the title's, not the outlet's.
QUOTED_TITLES = [
    # a film, a book, a show in quotation marks, in title case: not counted
    ("He reviewed the film 'Evil Dead Rise' last week.", []),
    ("The book \u201cEvil Geniuses: The Unmaking of America\u201d is out.", []),
    ("Fox aired \u2018The Evil Within\u2019 last night.", []),
    ('She starred in "Radical Love" in 2019.', []),
    # the same words outside the title still count
    ("He reviewed the film 'Evil Dead Rise' and its evil villain.", ["evil", "villain"]),
    # speech, not a title: it ends in a comma or "!" before its speaker
    ('"Totally Evil," he said of the plan.', ["totally", "evil"]),
    ('"Pure Evil!" she shouted.', ["evil"]),
    # a word in scare quotes, or a quotation in lower case, is not a title
    ('They called it "evil" and left.', ["evil"]),
    ('He said it was "an evil plan" to them.', ["evil"]),
    # a headline in title case: capitals mark nothing there, so the quotation counts
    ("Trump Calls Report \u201cEvil Lies\u201d In Rally Speech", ["evil"]),
    # capitals throughout: a shout or a crosshead, not a title
    ("\u201cDIVISIVE, STUPID AND WRONG\u201d Cameron will work with whoever wins.", ["stupid"]),
    # apostrophes open no quotation
    ("The senators' evil plan was in 'the lead'.", ["evil"]),
]


@pytest.mark.parametrize(("text", "terms"), QUOTED_TITLES)
def test_a_loaded_word_in_a_quoted_title_does_not_count(text, terms):
    lexicon = load_lexicon("loaded")
    assert [m.text.lower() for m in lexicon.match(text)] == terms
    assert lexicon._reference_match(text) == lexicon.match(text)


def test_the_quoted_title_rule_is_the_bundled_lexicons_only():
    text = "She starred in 'Radical Love' in 2019."
    plain = Lexicon([Entry("radical", "partisan-label")])
    assert [m.text for m in plain.match(text)] == ["Radical"]  # a published dictionary's count
    titled = Lexicon([Entry("radical", "partisan-label")], skip_quoted_titles=True)
    assert titled.match(text) == titled._reference_match(text) == []


@pytest.mark.parametrize(("text", "terms"), WIRE_PLAIN_TERMS)
def test_wire_audit_contexts(text, terms):
    lexicon = load_lexicon("loaded")
    assert [m.term for m in lexicon.match(text)] == terms
    assert lexicon._reference_match(text) == lexicon.match(text)


def test_terms_of_art_shield_a_loaded_entry(bundled_rows):
    """Each term of art holds some loaded entry (else it is not needed) and hides it."""
    plain = Lexicon(
        [
            Entry(row["term"], row["category"])
            for row in bundled_rows
            if row["context"] != "term-of-art"
        ]
    )
    lexicon = load_lexicon("loaded")
    for row in bundled_rows:
        if row["context"] == "term-of-art":
            text = "Then " + row["term"].replace("*", "") + " here."
            assert plain.match(text), row["term"]
            assert lexicon.match(text) == [], row["term"]


def test_a_context_rule_and_an_intensity_are_read_from_a_table(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "term\tcategory\tintensity\tcontext\n"
        "evil\tmoral\t3\t\n"
        "evil empire\tmoral\t\tterm-of-art\n"
        "liberty\tpraise\t\tnot-in-name\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(path)
    matches = lexicon.match("An evil plan, not the Evil Empire, at Liberty University; liberty!")
    assert [(m.text, m.intensity) for m in matches] == [("evil", 3), ("liberty", 1)]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("evil\tmoral\t4\t", "has intensity '4'; write 1, 2 or 3"),
        ("evil\tmoral\t1\tsomewhere", "has context 'somewhere'; write one of"),
    ],
)
def test_a_bad_intensity_or_context_names_its_line(tmp_path, row, message):
    path = tmp_path / "bad.tsv"
    path.write_text(f"term\tcategory\tintensity\tcontext\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"bad.tsv:2 {message}"):
        load_lexicon(path)


def test_bundled_terms_are_unique(bundled_rows):
    terms = [" ".join(row["term"].lower().split()) for row in bundled_rows]
    duplicates = sorted({term for term in terms if terms.count(term) > 1})
    assert duplicates == []


def test_bundled_spaced_and_hyphenated_forms_are_not_both_listed(bundled_rows):
    # "far left" already matches "far-left"; listing both would count one idea twice in audits.
    terms = {row["term"] for row in bundled_rows}
    assert sorted(t for t in terms if "-" in t and t.replace("-", " ") in terms) == []


def test_bundled_categories_are_known(bundled_rows):
    assert {row["category"] for row in bundled_rows} == KNOWN_CATEGORIES


def test_bundled_patterns_are_valid_and_loadable(bundled_rows):
    lexicon = load_lexicon("loaded")
    assert len(lexicon) == len(bundled_rows)
    pattern = re.compile(r"^[a-z0-9]+(?:'[a-z]+)?\*?(?:[ -][a-z0-9]+(?:'[a-z]+)?\*?)*$")
    assert [row["term"] for row in bundled_rows if not pattern.match(row["term"])] == []
    # A glob on a very short first word would catch unrelated words.
    assert [row["term"] for row in bundled_rows if re.match(r"\w{1,3}\*", row["term"])] == []


def test_bundled_entries_match_themselves(bundled_rows):
    """Every entry, written out with its glob stars removed, is found by the lexicon."""
    lexicon = load_lexicon("loaded")
    missed = []
    for row in bundled_rows:
        if row["context"] == "term-of-art":
            continue  # never counted, by definition (test_terms_of_art_shield_a_loaded_entry)
        text = row["term"].replace("*", "")
        matches = lexicon.match(f"Then {text} here.")
        if not matches or matches[0].text.lower() != text:
            missed.append(row["term"])
    assert missed == []


def test_lexicons_md_lists_every_category_with_its_count(bundled_rows, lexicons_md):
    found = re.findall(r"^\| `([a-z-]+)` \| (\d+) \|", lexicons_md, flags=re.M)
    table = {name: n for name, n in found if name in KNOWN_CATEGORIES}  # not the audit's rows
    counts = {}
    loaded = [row for row in bundled_rows if row["context"] != "term-of-art"]
    for row in loaded:
        counts[row["category"]] = counts.get(row["category"], 0) + 1
    assert {category: int(n) for category, n in table.items()} == counts
    assert f"Scale: {len(loaded):,} entries in {len(counts)} categories" in lexicons_md
    terms_of_art = len(bundled_rows) - len(loaded)
    assert f"and {terms_of_art} terms of art" in lexicons_md


def test_lexicons_md_examples_are_entries_of_their_category(bundled_rows, lexicons_md):
    category_of = {row["term"]: row["category"] for row in bundled_rows}
    found = re.findall(r"^\| `([a-z-]+)` \| \d+ \| .* \| (.*) \|$", lexicons_md, flags=re.M)
    rows = [(category, examples) for category, examples in found if category in KNOWN_CATEGORIES]
    assert len(rows) == len(KNOWN_CATEGORIES)
    for category, examples in rows:
        for example in examples.split(", "):
            assert category_of.get(example) == category, (example, category)


def test_bundled_lexicon_carries_its_metadata():
    info = load_lexicon("loaded").info
    assert info.name == "loaded"
    assert info.license == "MIT"
    assert info.source == "framing/data/lexicons/loaded_language.tsv"
    assert "SemEval-2020 Task 11" in info.description
    terms_of_art = sum(1 for e in load_lexicon("loaded").entries if e.context == "term-of-art")
    entries = len(load_lexicon("loaded")) - terms_of_art
    assert f"{entries} entries in 12 categories and {terms_of_art} terms of art" in info.description


SEED_LOADED = [
    ("Massive Military Victory", "glorifying"),
    ("the might of", "glorifying"),
    ("root out", "eradication-violence"),
    ("eradicate", "eradication-violence"),
    ("a source of evil", "dehumanising"),
]


@pytest.mark.parametrize(("phrase", "category"), SEED_LOADED)
def test_seed_loaded_language_is_found_at_its_offsets(seed_text, phrase, category):
    matches = load_lexicon("loaded").match(seed_text)
    starts = [m.start() for m in re.finditer(re.escape(phrase), seed_text)]
    assert starts, phrase
    found_at = {m.start: m for m in matches}
    for start in starts:
        match = found_at[start]
        assert (match.text, match.end, match.category) == (phrase, start + len(phrase), category)
        assert seed_text[match.start : match.end] == phrase


def test_seed_matches_in_full(seed_text):
    matches = load_lexicon("loaded").match(seed_text)
    assert [m.text for m in matches] == [
        # the quoted release's "terror attacks" is a term of art (LEXICONS.md, wire-copy audit)
        "ALERT", "Massive Military Victory", "beaten back", "hate", "the might of", "root out",
        "eradicate", "ravaged", "terrible", "atrocities", "rooting out",
        "dealt a sharp blow", "undoubtedly", "root out", "eradicate", "a source of evil",
        "terror", "plagued",
    ]  # fmt: skip
    # The nested "massive" is not counted again inside "Massive Military Victory".
    assert [m.start for m in matches[:2]] == [0, 18]
    assert all(not m.negated for m in matches)


# --- loaders on the published lexicons in ../shared/data/lexicons/ -----------------------------


def test_mfd2_dic_with_multi_word_entries():
    shared_data = need_data("mfd")
    lexicon = load_lexicon(shared_data / "lexicons" / "mfd2.0.dic")
    assert len(lexicon) == 2103
    assert lexicon.categories == [
        f"{foundation}.{side}"
        for foundation in ("care", "fairness", "loyalty", "authority", "sanctity")
        for side in ("virtue", "vice")
    ]
    phrases = [entry.term for entry in lexicon.entries if " " in entry.term]
    assert len(phrases) == 110
    assert "levels the playing field" in phrases
    assert found("He levels the playing field.", lexicon) == [
        ("levels the playing field", "levels the playing field")
    ]
    assert [m.category for m in lexicon.match("compassion and killing")] == [
        "care.virtue",
        "care.vice",
    ]


def test_original_mfd_dic_with_wildcards_and_odd_white_space():
    shared_data = need_data("mfd")
    lexicon = read_liwc_dic(shared_data / "lexicons" / "mft_original.dic")
    assert len(lexicon) == 359
    assert len(lexicon.categories) == 11 and "moral" in lexicon.categories
    terms = {(entry.term, entry.category) for entry in lexicon.entries}
    # "secur*\t\t\t01     " and "benefit*        \t01           " have trailing spaces.
    assert {("safe*", "care.virtue"), ("secur*", "care.virtue"), ("benefit*", "care.virtue")} <= (
        terms
    )
    # "preserve\t\t01 07 09" is in three categories; "fair-*" becomes its first part.
    assert {entry.category for entry in lexicon.entries if entry.term == "preserve"} == {
        "care.virtue",
        "authority.virtue",
        "sanctity.virtue",
    }
    assert ("fair", "fairness.virtue") in terms
    assert [m.text for m in lexicon.match("Safety, securities and filthy debauchery")] == [
        "Safety",
        "securities",
        "filthy",
        "debauchery",
    ]


def test_mpqa_clues():
    shared_data = need_data("mpqa")
    path = shared_data / "lexicons" / "subjclueslen1-HLTEMNLP05.tff"
    strong = read_mpqa(path, types=("strongsubj",))
    both = load_lexicon(path)
    assert len(strong) == 4937
    assert len(both) == 7216
    assert set(strong.categories) == {
        "strongsubj-negative",
        "strongsubj-positive",
        "strongsubj-neutral",
        "strongsubj-both",
    }
    terms = {(entry.term, entry.category) for entry in strong.entries}
    # "abuse" is a stemmed strong clue as a verb, and "anti-" a prefix clue.
    assert {("abuse*", "strongsubj-negative"), ("anti", "strongsubj-negative")} <= terms
    assert [m.term for m in strong.match("They abused an anti-war protester")] == [
        "abuse*",
        "anti",
        "protest*",
    ]


def test_mpqa_refuses_unknown_types():
    shared_data = need_data("mpqa")
    path = shared_data / "lexicons" / "subjclueslen1-HLTEMNLP05.tff"
    with pytest.raises(FramingError, match="use one of: strongsubj, weaksubj"):
        read_mpqa(path, types=("strong",))


@pytest.mark.parametrize(
    ("filename", "count", "present"),
    [
        ("bias-lexicon.txt", 654, ["so-called", "far-right", "abortion"]),
        ("report_verbs.txt", 181, ["accuse", "admit"]),
        ("hedges_hyland2005.txt", 100, ["apparently", "approximately"]),
        ("assertives_hooper1975.txt", 66, ["point out", "believe"]),
        ("factives_hooper1975.txt", 27, ["know", "regret"]),
        ("implicatives_karttunen1971.txt", 32, ["manage", "bother"]),
    ],
)
def test_recasens_bias_lexicon_and_companion_lists(filename, count, present):
    shared_data = need_data("recasens2013")
    lexicon = load_lexicon(shared_data / "lexicons" / "recasens2013" / filename)
    assert len(lexicon) == count
    terms = [entry.term for entry in lexicon.entries]
    assert set(present) <= set(terms)
    assert not any(term.startswith("#") for term in terms)
    assert lexicon.categories == [Path(filename).stem]


# --- loaders on small files written for formats and malformed input ------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


TWO_ENTRIES = {
    "mini.csv": "term,category,reason,weight\nevil,emotive-negative,condemns,2\n"
    "root out,eradication-violence,,\n",
    "mini.tsv": "# comment\nterm\tcategory\treason\tweight\n"
    "evil\temotive-negative\tcondemns\t2\nroot out\teradication-violence\t\t\n",
    "mini_bom.csv": "\ufeffterm,category,reason,weight\r\nevil,emotive-negative,condemns,2\r\n"
    "root out,eradication-violence,,\r\n",
    "mini.yaml": "name: mini\nlicense: CC0\nentries:\n"
    "  - {term: evil, category: emotive-negative, reason: condemns, weight: 2}\n"
    "  - {term: root out, category: eradication-violence}\n",
}


@pytest.mark.parametrize(("name", "text"), list(TWO_ENTRIES.items()))
def test_table_and_yaml_formats(tmp_path, name, text):
    # Each file has a weight column, as some published lexicons do: it is not read.
    lexicon = load_lexicon(write(tmp_path, name, text))
    assert lexicon.entries == (
        Entry("evil", "emotive-negative", "condemns"),
        Entry("root out", "eradication-violence", ""),
    )
    assert [m.text for m in lexicon.match("Root out evil")] == ["Root out", "evil"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("weights.csv", "term,category,weight\nevil,emotive-negative,heavy\n"),
        ("weights.yaml", "- {term: evil, category: emotive-negative, weight: [1, 2]}\n"),
    ],
)
def test_a_weight_is_not_read_whatever_it_holds(tmp_path, name, text):
    lexicon = load_lexicon(write(tmp_path, name, text))
    assert lexicon.entries == (Entry("evil", "emotive-negative"),)


def test_yaml_mapping_of_category_to_terms(tmp_path):
    path = write(
        tmp_path, "map.yml", "glorifying: [heroic, the might of]\nhyperbole:\n  - massive\n"
    )
    lexicon = read_yaml(path)
    assert [(e.term, e.category) for e in lexicon.entries] == [
        ("heroic", "glorifying"),
        ("the might of", "glorifying"),
        ("massive", "hyperbole"),
    ]
    assert lexicon.info.name == "map"


def test_wordlist_with_comments(tmp_path):
    path = write(tmp_path, "words.txt", "# header\nevil  # a comment\n\nterror*\nevil\n")
    lexicon = read_wordlist(path, category="loaded")
    assert [(e.term, e.category) for e in lexicon.entries] == [
        ("evil", "loaded"),
        ("terror*", "loaded"),
    ]


MALFORMED = [
    ("no_header.csv", "evil,emotive-negative\n", r"lacks the column\(s\) \['category', 'term'\]"),
    ("no_category.tsv", "term\treason\nevil\tbad\n", r"lacks the column\(s\) \['category'\]"),
    (
        "empty_category.csv",
        "term,category\nevil,emotive-negative\nterror,\n",
        r"empty_category.csv:3 needs both a term and a category",
    ),
    ("bad_term.csv", "term,category\nev!l,x\n", r"invalid terms \['ev!l'\]"),
    ("bad.yaml", "entries: [term: evil\n", r"bad.yaml:\d+ is not valid YAML"),
    ("scalar.yaml", "just a string\n", "is not a lexicon"),
    ("no_category.yaml", "- {term: evil}\n", "entry 1 .* needs both 'term' and 'category'"),
    ("terms_not_list.yaml", "glorifying: heroic\n", "is not a lexicon"),
    ("no_header.dic", "evil\t1\n", "needs a category header between two '%' lines"),
    ("no_ids.dic", "%\n1\tcare\n%\nevil\n", r"dic:4 should be a term followed by category ids"),
    ("not_mpqa.tff", "word1=evil\n", r"not_mpqa.tff:1 is not an MPQA clue line"),
]


@pytest.mark.parametrize(("name", "text", "message"), MALFORMED)
def test_malformed_files_give_one_line_errors(tmp_path, name, text, message):
    with pytest.raises(InputError if "invalid terms" not in message else FramingError) as error:
        load_lexicon(write(tmp_path, name, text))
    assert re.search(message, str(error.value))
    assert "\n" not in str(error.value)


def test_table_loader_keeps_every_row(tmp_path):
    rows = "".join(f"word{i},cat{i % 3}\n" for i in range(500))
    lexicon = read_table(write(tmp_path, "many.csv", "term,category\n" + rows))
    assert len(lexicon) == 500
    assert lexicon.categories == ["cat0", "cat1", "cat2"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("no-such-lexicon", "name one of \\['loaded'\\] or give a file ending in"),
        ("missing.csv", "does not exist; check the path"),
    ],
)
def test_load_lexicon_errors(tmp_path, monkeypatch, source, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FramingError, match=message):
        load_lexicon(source)


def test_load_lexicon_refuses_non_utf8(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("term,category\nméchant,x\n".encode("latin-1"))
    with pytest.raises(InputError, match="is not UTF-8 text .* re-save it as UTF-8"):
        load_lexicon(path)


def test_load_lexicon_passes_a_lexicon_through():
    assert load_lexicon(CASE_LEXICON) is CASE_LEXICON
    assert load_lexicon() is load_lexicon("loaded")


def test_match_is_a_frozen_record():
    match = Match("evil", "emotive-negative", 0, 4, "evil")
    assert match.negated is False
    with pytest.raises(AttributeError):
        match.start = 1  # type: ignore[misc]


# --- the fast matcher against the plain one -------------------------------------------------------


@pytest.fixture(scope="module")
def real_paragraphs() -> list[str]:
    shared_data = need_data("babe", "allsides-roundups")
    from framing.datasets.loaders import load_allsides, load_babe

    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)
    return babe + [part for parts in sides["paragraphs"] for part in parts]


def test_matcher_equals_the_plain_matcher_on_every_real_paragraph(real_paragraphs):
    """The matcher with its caches and shortcuts finds exactly what trying every entry finds."""
    lexicon = load_lexicon("loaded")
    assert len(real_paragraphs) > 10_000
    found_any = 0
    for text in real_paragraphs:
        matches = lexicon.match(text)
        assert matches == lexicon._reference_match(text), text
        found_any += bool(matches)
    assert found_any > 2_000  # the comparison covers many real matches, not only empty lists


#: Quotation marks where the looks behind a mark decide: at the start, after a letter, an
#: apostrophe or a digit, inside words, doubled, left open.
QUOTATION_CASES = [
    "'Start' it's the players' 'union' x'y' ''double'' 'a''b' '''three''' 'open",
    "\u2018Start\u2019 a\u2018b\u2019 \u2018c\u2019d 1\u2018two\u2019 _\u2018u\u2019"
    " \u2018\u2018x\u2019",
    '"a" ""b"" "c\nd" \u201cx\u201d \u201c\u201cy\u201d\u201d \u201copen \'9\' \u00e9\'\u00e9\'',
]


def test_quotations_equal_those_of_the_plain_pattern(real_paragraphs):
    # Each choice of _QUOTATION opens with its mark and looks behind it afterwards: it must find
    # the quotations that the plain pattern, which looks behind first, finds.
    from framing.datasets.loaders import load_polnear
    from framing.measures.lexicon import _QUOTATION, _REFERENCE_QUOTATION

    polnear = load_polnear("train", data_dir=need_data("polnear"))["text"].tolist()
    found = 0
    for text in real_paragraphs + polnear + QUOTATION_CASES:
        expected = [(m.span(), m.groups()) for m in _REFERENCE_QUOTATION.finditer(text)]
        assert [(m.span(), m.groups()) for m in _QUOTATION.finditer(text)] == expected, text
        found += len(expected)
    assert found > 5_000


@pytest.mark.parametrize(
    "text",
    [
        "The far‐left’s massive military victory, not evil",  # Unicode hyphen, curly apostrophe
        "İstanbul: the massive victory of the evil",  # lower-casing grows "İ" to two characters
        "ΣΟΦΙΑΣ said the terrorists’ massive lie",  # a capital sigma lower-cases by context
        "Theyʼre evil, a modifier letter apostrophe: evilʼs massive",  # ʼ is a word character
        "massive",
        "",
        "the the the a a of",
        "Who’s to blame? The might of the so-called far left hero’s slamming",
    ],
)
def test_matcher_equals_the_plain_matcher_on_unicode_edges(text):
    for lexicon in (load_lexicon("loaded"), CASE_LEXICON):
        assert lexicon.match(text) == lexicon._reference_match(text)


def test_pickled_lexicon_matches_the_same_without_its_caches():
    import pickle

    lexicon = load_lexicon("loaded")
    text = "A massive military victory over the evil terrorists, not a hero’s welcome."
    expected = lexicon.match(text)
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy._plans == {} and copy._pairs == {}
    assert copy.match(text) == expected


def test_the_bundled_lexicon_read_back_from_the_cache_is_the_one_read_from_its_file(
    tmp_path, monkeypatch, real_paragraphs
):
    """The first load writes the indexed lexicon to the cache (framing/_cache.py), the second
    reads it back: both equal the lexicon read from the TSV, entries, metadata and matches."""
    from framing.measures.lexicon import _bundled

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    with resources.as_file(
        resources.files("framing").joinpath("data", "lexicons", "loaded_language.tsv")
    ) as path:
        from_file = read_table(path, name="loaded")
    loaded = []
    for _ in ("cold", "warm"):
        _bundled.cache_clear()
        loaded.append(load_lexicon("loaded"))
    _bundled.cache_clear()
    assert [path.name.split("-")[0] for path in tmp_path.iterdir()] == ["lexicon"]
    for lexicon in loaded:
        assert lexicon.entries == from_file.entries
        assert lexicon.info == load_lexicon("loaded").info
        assert [lexicon.match(text) for text in real_paragraphs[::10]] == [
            from_file.match(text) for text in real_paragraphs[::10]
        ]


def test_only_the_plan_of_a_word_that_starts_nothing_is_false(real_paragraphs):
    # match finds the words that start an entry by the truth of their plans (compress)
    from framing.measures.lexicon import _NO_PLAN

    lexicon = load_lexicon("loaded")
    for text in real_paragraphs[:2_000]:
        lexicon.match(text)
    plans = dict(lexicon._plans)
    assert not _NO_PLAN
    assert all(bool(plan) is (plan is not _NO_PLAN) for plan in plans.values())
    assert sum(plan is _NO_PLAN for plan in plans.values()) > 1_000
    assert sum(plan is not _NO_PLAN for plan in plans.values()) > 300
