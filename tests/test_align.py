"""Alignment with the cited reports: the seed against the DoD/CENTCOM release, and unit cases."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import framing
from framing import Article, FramingError
from framing.cli import main
from framing.comparisons import _align_reference as reference
from framing.comparisons.align import (
    CLOSE_THRESHOLD,
    COLUMNS,
    CONTAINMENT_NGRAM,
    CONTAINMENT_THRESHOLD,
    QUOTE_ALTERED_THRESHOLD,
    SIMILARITY_THRESHOLD,
    align,
    check_quote,
    compare,
    direct_quotes,
    pair_scores,
)
from framing.datasets.loaders import load_allsides, source_path
from framing.measures.lexicon import Entry, Lexicon
from framing.measures.sentiment import default_sentiment
from tests.conftest import need_data

SEED_CAMPS = 10  # "Yemen is another area ... two of their training camps were attacked"
SEED_CENTCOM_QUOTE = 11  # Centcom describes the training done there thusly: "ISIS used ..."
RELEASE_HEADLINE = 0  # "US Forces Conduct Strike against ISIS Training Camps in Yemen"
RELEASE_STRIKE = 1  # "U.S. forces killed dozens of ISIS members in a strike on two ..."
RELEASE_SUPPORT = 4  # "... U.S. forces are supporting ongoing counterterrorism operations in Yemen"
SEED_CLOSING = 12  # "... taking their capital city of Raqqa and destroying two training camps ..."
RELEASE_QUOTED = 2  # "ISIS used the camps to train militants ..."


@pytest.fixture(scope="module")
def seed_alignment(seed_text, release_text):
    return align(seed_text, {"dod": release_text})


@pytest.fixture(scope="module")
def seed_table(seed_alignment) -> pd.DataFrame:
    return seed_alignment.table


def _row(table: pd.DataFrame, paragraph: int) -> pd.Series:
    rows = table[table["paragraph"] == paragraph]
    assert len(rows) == 1
    return rows.iloc[0]


# --- the seed against the DoD release -----------------------------------------------------------


def test_the_table_has_one_row_per_seed_paragraph_then_the_omitted_ones(seed_text, seed_table):
    assert list(seed_table.columns) == COLUMNS
    partisan = seed_table[seed_table["status"] != "omitted"]
    assert list(partisan["paragraph"]) == list(range(len(Article(seed_text).paragraphs)))
    assert set(seed_table["status"]) == {"aligned", "unsourced", "omitted"}


def test_the_centcom_quote_is_found_verbatim_in_the_release(seed_alignment, seed_table):
    row = _row(seed_table, SEED_CENTCOM_QUOTE)
    assert (row["status"], row["source_doc"], row["source_paragraph"]) == (
        "aligned",
        "dod",
        RELEASE_QUOTED,
    )
    assert row["quote_fidelity"] == "verbatim"
    (quote,) = seed_alignment.rows[SEED_CENTCOM_QUOTE].quotes
    assert quote.text.startswith("ISIS used the camps to train militants")
    assert quote.source_paragraph == RELEASE_QUOTED
    # The seed writes "Ak-47s", the release "AK-47s": the same word, so verbatim by default,
    # with the difference kept as evidence.
    assert quote.case_differences == ["Ak-47s/AK-47s"]
    assert row["containment"] == pytest.approx(19 / 26)


def test_a_case_sensitive_check_calls_the_ak47_quote_altered(seed_text, release_text):
    alignment = align(seed_text, {"dod": release_text}, case_sensitive_quotes=True)
    (quote,) = alignment.rows[SEED_CENTCOM_QUOTE].quotes
    # 20 of the quote's 21 words match in order; only "Ak-47s" differs.
    assert (quote.fidelity, quote.similarity) == ("altered", pytest.approx(20 / 21, abs=1e-4))
    assert alignment.table.loc[SEED_CENTCOM_QUOTE, "quote_fidelity"] == "altered:0.95"


def test_the_paragraph_on_the_strike_aligns_with_the_release_paragraphs_it_restates(
    seed_alignment, seed_table
):
    row = _row(seed_table, SEED_CAMPS)
    # "two of their training camps were attacked by the US" restates the release's headline
    # ("US Forces Conduct Strike against ISIS Training Camps in Yemen") in other words, and its
    # paragraphs on the strike (1), the camps (2) and the operations in Yemen (4).
    assert (row["status"], row["source_doc"], row["source_paragraph"], row["match"]) == (
        "aligned",
        "dod",
        RELEASE_HEADLINE,
        "said differently",
    )
    assert seed_alignment.rows[SEED_CAMPS].also_draws_on == [
        ("dod", RELEASE_STRIKE),
        ("dod", RELEASE_QUOTED),
        ("dod", RELEASE_SUPPORT),
    ]
    # A paraphrase: no trigram in common with the headline.
    assert row["containment"] == 0.0 < CONTAINMENT_THRESHOLD
    assert row["similarity"] >= SIMILARITY_THRESHOLD
    # The seed adds "rooting out" and is more positive and subjective than the headline.
    assert row["added_loaded_terms"] == "rooting out:eradication-violence"
    assert row["dropped_hedges"] == ""
    assert row["delta_polarity"] == pytest.approx(0.0682, abs=1e-4)
    assert row["delta_subjectivity"] == pytest.approx(0.3523, abs=1e-4)
    assert row["delta_loaded_per_100_words"] == pytest.approx(100 / 34)


def test_release_paragraphs_the_seed_never_uses_are_omitted_with_their_nearest(
    seed_alignment, seed_table
):
    # The seed restates the strike (0, 1), the camps (2) and the operations in Yemen (4); it
    # never gives the release's background on Yemen (3) or its closing line on strikes (5).
    assert seed_alignment.omitted == [("dod", 3), ("dod", 5)]
    omitted = seed_table[seed_table["status"] == "omitted"]
    assert omitted["paragraph"].isna().all() and omitted["quote_fidelity"].isna().all()
    # Each shows its nearest seed paragraph and the pair's scores: close enough to say "maybe".
    assert list(omitted["nearest_paragraph"]) == [SEED_CENTCOM_QUOTE, SEED_CLOSING]
    assert list(omitted["match"]) == ["maybe said differently"] * 2
    assert omitted["similarity"].between(CLOSE_THRESHOLD, SIMILARITY_THRESHOLD).all()


def test_seed_paragraphs_on_raqqa_are_unsourced_and_say_how_near_they_came(seed_table):
    unsourced = seed_table[seed_table["status"] == "unsourced"]
    assert list(unsourced["paragraph"]) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert unsourced["source_doc"].isna().all()
    assert unsourced[["delta_polarity", "added_loaded_terms"]].isna().all().all()
    # Paragraphs 2 and 3 (ISIS lost Raqqa, its capital) come close to the release's headline.
    close = unsourced[unsourced["match"] == "maybe said differently"]
    assert list(close["paragraph"]) == [2, 3]
    assert list(close["nearest_source_paragraph"]) == [RELEASE_HEADLINE] * 2
    assert set(unsourced["match"]) == {"maybe said differently", "not in the source"}
    # The headline (0) and paragraph 6 share no content word with the release: no nearest.
    assert unsourced.set_index("paragraph").loc[[0, 6], "nearest_source_paragraph"].isna().all()


def test_the_closing_paragraph_restates_the_strike_on_the_camps(seed_table):
    row = _row(seed_table, SEED_CLOSING)
    assert (row["status"], row["source_paragraph"], row["match"]) == (
        "aligned",
        RELEASE_HEADLINE,
        "said differently",
    )


def test_the_measured_margins_behind_the_default_thresholds(seed_table):
    # The constants' comments cite these figures; this keeps them true.
    unsourced = seed_table[seed_table["status"] == "unsourced"]
    assert unsourced["containment"].max() == 0.0
    assert unsourced["similarity"].max() == pytest.approx(0.152, abs=0.001)  # paragraph 2
    assert _row(seed_table, SEED_CAMPS)["similarity"] == pytest.approx(0.398, abs=0.001)
    assert _row(seed_table, SEED_CLOSING)["similarity"] == pytest.approx(0.165, abs=0.001)
    assert _row(seed_table, SEED_CENTCOM_QUOTE)["containment"] == pytest.approx(0.73, abs=0.01)


def test_quotes_from_npr_are_not_found_in_the_release(seed_alignment, seed_table):
    assert _row(seed_table, 8)["quote_fidelity"] == "not_found"
    assert _row(seed_table, 9)["quote_fidelity"] == "not_found;not_found"
    npr_quotes = seed_alignment.rows[8].quotes + seed_alignment.rows[9].quotes
    assert [q.text.split()[:3] for q in npr_quotes] == [
        ["Raqqa", "is", "where"],
        ["Even", "after", "Raqqa"],
        ["And", "the", "trouble"],
    ]
    assert max(q.similarity for q in npr_quotes) <= 0.13 < QUOTE_ALTERED_THRESHOLD


def test_the_evidence_lists_shared_trigrams_and_each_quote(seed_alignment):
    records = seed_alignment.records()
    camps = records[SEED_CAMPS]
    assert camps["detail"]["matched_ngrams"] == []  # said differently: no trigram shared
    assert {"source_doc": "dod", "source_paragraph": RELEASE_STRIKE} in camps["detail"][
        "also_draws_on"
    ]
    quoted = records[SEED_CENTCOM_QUOTE]["detail"]["quotes"][0]
    assert quoted["source_text"].startswith("ISIS used the camps")
    assert quoted["source_text"].endswith("endurance training")
    assert records[0]["detail"]["nearest"] is None  # the headline shares no word with it
    assert records[2]["detail"]["nearest"] == {"source_doc": "dod", "source_paragraph": 0}
    assert json.loads(seed_alignment.to_json())[SEED_CAMPS]["source_paragraph"] == 0


def test_compare_is_the_front_door_and_takes_lists_or_articles(seed_text, release_text):
    by_list = framing.compare(Article(seed_text), [Article(release_text)])
    assert set(by_list["source_doc"].dropna()) == {"source1"}
    by_name = compare(seed_text, {"dod": release_text})
    pd.testing.assert_frame_equal(
        by_list.drop(columns=["source_doc", "nearest_source_doc"]),
        by_name.drop(columns=["source_doc", "nearest_source_doc"]),
    )


# --- unit cases ---------------------------------------------------------------------------------

SOURCE = (
    "Strike in Yemen\n\n"
    "U.S. forces struck two training camps in Yemen on Monday, killing about 60 fighters, "
    "officials said.\n\n"
    "The fighters were believed to be planning attacks abroad, according to officials.\n\n"
    "Aid groups may provide shelter to people displaced by the fighting."
)


@pytest.mark.parametrize(
    ("partisan", "added"),
    [
        (
            "US forces struck two training camps in Yemen on Monday, killing 60 evil fighters.",
            "evil:emotive-negative",
        ),
        ("US forces struck two training camps in Yemen on Monday, killing 60 fighters.", ""),
        (
            "A massive US strike on two training camps in Yemen on Monday killed 60 evil men.",
            "massive:hyperbole;evil:emotive-negative",
        ),
    ],
)
def test_added_loaded_terms(partisan, added):
    # A lexicon of its own, so that the case does not move when the bundled one grows; it is
    # honoured on both sides.
    lexicon = Lexicon(
        [
            Entry("massive", "hyperbole"),
            Entry("evil", "emotive-negative"),
            Entry("kill*", "violent"),
        ]
    )
    table = compare(partisan, {"src": SOURCE}, lexicon=lexicon)
    row = table.iloc[0]
    assert (row["status"], row["source_paragraph"], row["added_loaded_terms"]) == (
        "aligned",
        1,
        added,
    )


@pytest.mark.parametrize(
    ("partisan", "source_paragraph", "dropped"),
    [
        # "about 60" dropped: the approximation becomes a count.
        (
            "US forces struck two training camps in Yemen on Monday, killing 60 fighters.",
            1,
            "about:approximator",
        ),
        (
            "US forces struck two training camps in Yemen on Monday, killing about 60 fighters.",
            1,
            "",
        ),
        # "believed to" and "according to officials" dropped: a belief becomes a fact.
        (
            "The fighters were planning attacks abroad.",
            2,
            "believed:epistemic;according to:attribution",
        ),
        (
            "The fighters were believed to be planning attacks abroad.",
            2,
            "according to:attribution",
        ),
        # "may" dropped: a possibility becomes a promise.
        ("Aid groups will provide shelter to people displaced by the fighting.", 3, "may:modal"),
    ],
)
def test_dropped_hedges(partisan, source_paragraph, dropped):
    row = compare(partisan, {"src": SOURCE}).iloc[0]
    assert (row["status"], row["source_paragraph"]) == ("aligned", source_paragraph)
    assert row["dropped_hedges"] == dropped


def test_deltas_are_partisan_minus_source_measured_the_same_way():
    source = "Report\n\nThe city was taken by the forces after a long battle."
    partisan = "The city was taken by the forces after a massive, terrible battle."
    row = compare(partisan, {"src": source}).iloc[0]
    scorer = default_sentiment()
    expected = scorer.score(partisan)
    baseline = scorer.score("The city was taken by the forces after a long battle.")
    assert row["status"] == "aligned"
    assert row["delta_polarity"] == pytest.approx(expected.polarity - baseline.polarity)
    assert row["delta_subjectivity"] == pytest.approx(expected.subjectivity - baseline.subjectivity)
    partisan_article = Article(partisan)
    assert row["delta_loaded_per_100_words"] == pytest.approx(
        partisan_article.paragraphs[0].loaded_per_100_words
    )
    assert row["delta_loaded_per_100_words"] > 0


def test_a_passed_sentiment_scorer_is_used_on_both_sides():
    class Constant:
        def __init__(self, value):
            self.value = value

        def score(self, text):
            return framing.measures.sentiment.Sentiment(self.value, self.value)

    source = Article("Report\n\nThe city was taken after a long battle.", sentiment=Constant(0.2))
    partisan = "The city was taken after a long battle."
    row = compare(partisan, [source], sentiment=Constant(0.5)).iloc[0]
    assert row["delta_polarity"] == pytest.approx(0.3)


FIDELITY_SOURCE = Article(
    "Release\n\n"
    "ISIS used the camps to train militants to conduct terror attacks using AK-47s and "
    "machine guns. The strikes disrupt the group's ability to plan attacks."
)


@pytest.mark.parametrize(
    ("quote", "fidelity", "similarity"),
    [
        ("ISIS used the camps to train militants to conduct terror attacks", "verbatim", 1.0),
        # The first letter's case, curly apostrophes and white space do not matter.
        ("the strikes  disrupt the group\u2019s ability to plan attacks.", "verbatim", 1.0),
        # Elided words, marked by an ellipsis.
        (
            "ISIS used the camps to train militants \u2026 using AK-47s and machine guns",
            "verbatim",
            1.0,
        ),
        # One word of eleven changed.
        ("ISIS used the camps to train fighters to conduct terror attacks", "altered", 10 / 11),
        # A word left out: the source span has nine words, the quote eight of them in order.
        ("The strikes disrupt the ability to plan attacks", "altered", 8 / 9),
        ("Raqqa is where ISIS first imposed the strict laws", "not_found", None),
    ],
)
def test_quote_fidelity(quote, fidelity, similarity):
    check = check_quote(quote, {"release": FIDELITY_SOURCE})
    assert check.fidelity == fidelity
    if similarity is not None:
        assert check.similarity == pytest.approx(similarity, abs=1e-4)
        assert check.source_paragraph == 1
    else:
        assert check.similarity < QUOTE_ALTERED_THRESHOLD


def test_quote_fidelity_in_the_table_lists_each_quote_in_order():
    partisan = (
        "Officials said: \u201cISIS used the camps to train militants to conduct terror "
        'attacks.\u201d Others added: "the strikes disrupt the ability to plan attacks" and '
        "\u201cnothing like this was ever said by anyone\u201d."
    )
    row = compare(partisan, [FIDELITY_SOURCE]).iloc[0]
    assert row["quote_fidelity"] == "verbatim;altered:0.89;not_found"


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said \u201cwe won the fight today\u201d and left.", ["we won the fight today"]),
        ('He said "we won the fight today" and left.', ["we won the fight today"]),
        (
            "\u201cWe won.\u201d \u201cThe fight is over for them now.\u201d",
            ["The fight is over for them now."],
        ),
        # A quote that runs on into the next paragraph, or an unbalanced mark: to the end.
        ("\u201cThe fight is over, and the city", ["The fight is over, and the city"]),
        ("the so-called \u201cliberation\u201d of the city", []),
        ("no quotes here at all", []),
    ],
)
def test_direct_quotes(text, quotes):
    assert [text[start:end] for start, end in direct_quotes(text)] == quotes


def test_a_paragraph_copying_from_two_source_paragraphs_uses_both():
    source = (
        "Release\n\n"
        "U.S. forces struck two training camps in Al Bayda Governorate on Monday.\n\n"
        "The camps were used to train militants with machine guns and grenade launchers.\n\n"
        "Aid groups say many families have fled the region."
    )
    partisan = (
        "U.S. forces struck two training camps in Al Bayda Governorate on Monday. "
        "The camps were used to train militants with machine guns and grenade launchers."
    )
    alignment = align(partisan, {"src": source})
    assert alignment.rows[0].status == "aligned"
    drawn_on = {
        alignment.rows[0].source_paragraph,
        *(p for _, p in alignment.rows[0].also_draws_on),
    }
    assert drawn_on == {1, 2}
    assert alignment.omitted == [("src", 0), ("src", 3)]


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ({}, "aligned"),
        ({"similarity_threshold": 1.0, "containment_threshold": 1.0}, "unsourced"),
        ({"similarity_threshold": 0.0}, "aligned"),
    ],
)
def test_thresholds_decide_aligned_or_unsourced(seed_text, release_text, options, status):
    row = _row(compare(seed_text, {"dod": release_text}, **options), SEED_CAMPS)
    assert row["status"] == status


def test_a_zero_similarity_threshold_aligns_every_paragraph_with_a_word_in_common(
    seed_text, release_text
):
    # Only pairs that share a trigram or a content word are scored (the index): the seed's
    # headline and paragraph 6 share none with the release, so nothing can align them.
    table = compare(seed_text, {"dod": release_text}, similarity_threshold=0.0)
    unsourced = table[table["status"] == "unsourced"]
    assert list(unsourced["paragraph"]) == [0, 6]
    assert (unsourced["similarity"] == 0).all()
    assert (table["status"] == "aligned").sum() == len(Article(seed_text).paragraphs) - 2


@pytest.mark.parametrize(
    ("sources", "options", "message"),
    [
        ([], {}, "no sources given"),
        ([42], {}, "must be an article's text"),
        ({"a": "   "}, {}, "is empty"),
        (7, {}, "sources must be a list"),
        (["text"], {"similarity_threshold": 1.5}, "similarity_threshold=1.5 is not valid"),
        (["text"], {"containment_threshold": -0.1}, "containment_threshold=-0.1 is not valid"),
        (["text"], {"progress": "yes"}, "progress"),
    ],
)
def test_bad_input_raises_a_framing_error_that_says_what_to_do(sources, options, message):
    with pytest.raises(FramingError, match=message):
        compare("Some partisan text about a strike.", sources, **options)


# --- the command line ---------------------------------------------------------------------------


def test_framing_compare_writes_the_table(tmp_path, capsys):
    output = tmp_path / "seed-vs-dod.csv"
    code = main(
        [
            "compare",
            "framing/data/seed/000_40f3ba37e42615d7.txt",
            "--source",
            str(source_path()),
            "-o",
            str(output),
        ]
    )
    assert code == 0
    table = pd.read_csv(output)
    assert list(table.columns) == COLUMNS
    aligned = table[table["status"] == "aligned"]
    assert list(zip(aligned["paragraph"], aligned["source_paragraph"], strict=True)) == [
        (SEED_CAMPS, RELEASE_HEADLINE),
        (SEED_CENTCOM_QUOTE, RELEASE_QUOTED),
        (SEED_CLOSING, RELEASE_HEADLINE),
    ]
    assert set(aligned["source_doc"]) == {source_path().name}
    assert "wrote 15 rows" in capsys.readouterr().out


def test_framing_compare_json_carries_the_records_and_the_evidence(tmp_path, capsys):
    code = main(
        [
            "compare",
            "framing/data/seed/000_40f3ba37e42615d7.txt",
            "--source",
            str(source_path()),
            "--format",
            "json",
        ]
    )
    assert code == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in records].count("omitted") == 2
    assert set(records[0]) == {*COLUMNS, "detail"}
    assert records[SEED_CENTCOM_QUOTE]["detail"]["quotes"][0]["case_differences"] == [
        "Ak-47s/AK-47s"
    ]


def test_framing_compare_with_the_manifest_reads_the_shipped_release(capsys):
    code = main(
        [
            "compare",
            "framing/data/seed/000_40f3ba37e42615d7.txt",
            "--manifest",
            "framing/data/sources/manifest.csv",
            "--format",
            "csv",
        ]
    )
    assert code == 0
    table = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert set(table["source_doc"].dropna()) == {"dod-centcom-2017-10-16-yemen-isis-camps"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--source", "no/such/file.txt"], "no such file"),
        ([], "no source text to compare with"),
        (
            ["--source", "framing/data/sources/PROVENANCE.md", "--similarity-threshold", "2"],
            "not valid",
        ),
        (["--cache", "somewhere"], "--cache needs --manifest"),
    ],
)
def test_framing_compare_errors_are_one_line_with_exit_code_2(arguments, message, capsys):
    assert main(["compare", "framing/data/seed/000_40f3ba37e42615d7.txt", *arguments]) == 2
    error = capsys.readouterr().err
    assert error.startswith("framing: error:") and message in error
    assert "Traceback" not in error


def test_the_demo_aligns_the_seed_with_the_release(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path)]) == 0
    table = pd.read_csv(tmp_path / "seed-vs-dod.csv")
    assert list(table.loc[table["status"] == "omitted", "source_paragraph"]) == [3, 5]
    said = capsys.readouterr().out
    assert "3 of 13 seed paragraphs draw on it (10->0, 11->2, 12->0)" in said
    assert "1 verbatim, 0 altered, 3 not found" in said


# --- the indexed alignment against the first, all-pairs one -------------------------------------


@pytest.fixture(scope="module")
def allsides_stories():
    shared_data = need_data("allsides-roundups")
    table = load_allsides(data_dir=shared_data, complete_only=True)
    stories: dict[int, dict[str, Article]] = {}
    for row in table.itertuples():
        stories.setdefault(row.story_id, {})[row.side] = Article(row.text, headline=False)
    return stories


def _reference_containment(partisan: Article, source: Article) -> list[list[float]]:
    words = [[w.folded for w in reference._words(p.text)] for p in partisan.paragraphs]
    sources = [
        reference._ngrams([w.folded for w in reference._words(p.text)], CONTAINMENT_NGRAM)
        for p in source.paragraphs
    ]
    return [
        [reference._containment(reference._ngrams(w, CONTAINMENT_NGRAM), s) for s in sources]
        for w in words
    ]


def test_the_indexed_containment_equals_the_all_pairs_one_on_every_allsides_story(
    allsides_stories, seed_text, release_text
):
    pairs = [(Article(seed_text), Article(release_text))] + [
        (sides[side], sides["center"])
        for sides in allsides_stories.values()
        for side in ("left", "right")
    ]
    for partisan, source in pairs:
        fast = pair_scores(partisan, source).containment
        assert fast.tolist() == _reference_containment(partisan, source)


def _agree(fast, slow) -> bool:
    """Verbatim and altered quotes: the same check; not found: not found in both, no higher."""
    if fast.fidelity != "not_found":
        return fast == slow
    return slow.fidelity == "not_found" and fast.similarity <= slow.similarity


def test_the_indexed_quote_checks_agree_with_the_scanning_ones_on_every_allsides_story(
    allsides_stories,
):
    checked = {"verbatim": 0, "altered": 0, "not_found": 0}
    for sides in allsides_stories.values():
        # Each side's quotes against the other two sides' articles: quotes shared by outlets.
        for side in ("left", "center", "right"):
            others = {name: sides[name] for name in sides if name != side}
            for paragraph in sides[side].paragraphs:
                for start, end in direct_quotes(paragraph.text):
                    quote = paragraph.text[start:end]
                    for case_sensitive in (False, True):
                        fast = check_quote(quote, others, case_sensitive=case_sensitive)
                        slow = reference.reference_check_quote(
                            quote, others, case_sensitive=case_sensitive
                        )
                        assert _agree(fast, slow), quote
                        checked[fast.fidelity] += 1
    # Enough of each kind that the agreement means something.
    assert min(checked.values()) >= 20, checked


def test_the_seed_quotes_are_checked_as_the_reference_checks_them(seed_alignment):
    slow = reference.reference_align(seed_alignment.partisan, seed_alignment.sources).rows
    fast = seed_alignment.rows
    pairs = [
        (f, s)
        for fast_row, slow_row in zip(fast, slow, strict=False)
        for f, s in zip(fast_row.quotes, slow_row.quotes, strict=True)
    ]
    assert len(pairs) == 4 and all(_agree(f, s) for f, s in pairs)


def test_compare_shows_a_progress_bar_only_when_asked(seed_text, release_text, capsys):
    compare(seed_text, {"dod": release_text}, progress=True)
    assert "aligning" in capsys.readouterr().err
    compare(seed_text, {"dod": release_text}, progress=False)
    assert capsys.readouterr().err == ""
    assert (
        main(
            [
                "compare",
                "framing/data/seed/000_40f3ba37e42615d7.txt",
                "--source",
                str(source_path()),
                "--format",
                "csv",
                "--progress",
            ]
        )
        == 0
    )
    assert "aligning" in capsys.readouterr().err


def test_a_source_does_not_move_the_scores_of_pairs_it_is_not_in(seed_text, release_text):
    # The paraphrase score's idf is fitted on every document compared, so it may move a little
    # with a new source; the containment and the quote checks may not move at all.
    alone = align(seed_text, {"dod": release_text})
    both = align(seed_text, {"dod": release_text, "other": "Fans cheered the team on Sunday."})
    assert [r.quotes for r in alone.rows[:13]] == [r.quotes for r in both.rows[:13]]
    assert [r.containment for r in alone.rows[:13]] == [r.containment for r in both.rows[:13]]
