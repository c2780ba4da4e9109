"""compare_corpus and `framing compare-corpus`: every pair aligned, no pair dropped."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

from framing.cli import main
from framing.comparisons.align import COLUMNS, compare
from framing.comparisons.corpus import ARTICLE_COLUMNS, compare_corpus
from framing.comparisons.matching import match_sources
from framing.datasets.loaders import load_seed_text
from framing.errors import FramingError, InputError

BUDGET_REPORT = (
    "Budget vote\n\nThe Senate passed a budget resolution late on Thursday, clearing the way "
    "for a tax overhaul that Republicans hope to finish this year, officials said.\n\n"
    "The vote was 51 to 49."
)
BUDGET_ARTICLE = (
    "GOP Rams Through Budget\n\nSenate Republicans rammed through a budget resolution late on "
    "Thursday, clearing the way for their disgraceful tax giveaway."
)


@pytest.fixture(scope="module")
def reports(release_text) -> pd.DataFrame:
    return pd.DataFrame(
        {"id": ["dod", "budget"], "story": [1, 2], "text": [release_text, BUDGET_REPORT]}
    )


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["seed", "senate"],
            "story": [1, 2],
            "outlet": ["Conservative Daily Post", "Left Wire"],
            "text": [load_seed_text(), BUDGET_ARTICLE],
        }
    )


@pytest.fixture(scope="module")
def by_story(articles, reports):
    return compare_corpus(articles, reports, pairs="story", id_col="id", keep=["outlet"])


def test_each_pairs_rows_are_the_one_article_alignment(by_story, release_text):
    seed = by_story.paragraphs[by_story.paragraphs["doc_id"] == "seed"]
    expected = compare(load_seed_text(), {"dod": release_text})
    pd.testing.assert_frame_equal(seed[COLUMNS].reset_index(drop=True), expected)
    assert (seed["source_id"] == "dod").all()
    assert (seed["outlet"] == "Conservative Daily Post").all()
    assert list(by_story.paragraphs.columns) == ["doc_id", "source_id", "outlet", *COLUMNS, "error"]


def test_the_article_table_sums_each_pair_up(by_story, release_text):
    table = by_story.articles.set_index("doc_id")
    assert list(by_story.articles.columns) == [
        "doc_id",
        "source_id",
        "outlet",
        *ARTICLE_COLUMNS[2:],
    ]
    seed = table.loc["seed"]
    expected = compare(load_seed_text(), {"dod": release_text})
    assert seed["paragraphs"] == (expected["status"] != "omitted").sum()
    assert seed["aligned"] == (expected["status"] == "aligned").sum()
    assert seed["omitted"] == (expected["status"] == "omitted").sum()
    assert seed["share_unsourced"] == pytest.approx(seed["unsourced"] / seed["paragraphs"])
    # Seed paragraph 11 quotes the release verbatim (tests/test_align.py).
    assert seed["quotes_verbatim"] >= 1
    aligned = expected[expected["status"] == "aligned"]
    assert seed["mean_delta_polarity"] == pytest.approx(aligned["delta_polarity"].mean())
    senate = table.loc["senate"]
    assert senate["added_loaded_terms"] >= 1  # "rammed through", "disgraceful"
    assert senate["dropped_hedges"] >= 0
    assert senate["article_own_loaded_per_100_words"] > senate["source_own_loaded_per_100_words"]
    assert table["error"].isna().all()


def test_pairs_by_match_sources_find_the_same_reports(articles, reports, by_story):
    matched = compare_corpus(articles, reports, id_col="id")
    assert matched.articles["source_id"].tolist() == ["dod", "budget"]
    pd.testing.assert_frame_equal(
        matched.paragraphs, by_story.paragraphs.drop(columns="outlet"), check_dtype=False
    )


def test_a_pair_that_cannot_be_compared_keeps_its_rows_with_the_reason(articles, reports):
    pairs = pd.DataFrame(
        {
            "doc_id": ["seed", "nobody", "senate", "senate"],
            "source_id": ["dod", "dod", "nowhere", "empty"],
        }
    )
    with_empty = pd.concat(
        [reports, pd.DataFrame({"id": ["empty"], "story": [3], "text": ["   "]})],
        ignore_index=True,
    )
    result = compare_corpus(articles, with_empty, pairs=pairs, id_col="id", keep=["outlet"])
    errors = result.articles.set_index(["doc_id", "source_id"])["error"]
    assert errors.loc[("seed", "dod")] is None
    assert errors.loc[("nobody", "dod")] == "doc_id 'nobody' is not in the articles table"
    assert errors.loc[("senate", "nowhere")] == ("source_id 'nowhere' is not in the reports table")
    assert errors.loc[("senate", "empty")] == "report 'empty' has no text"
    assert len(result.articles) == 4
    failed = result.paragraphs[result.paragraphs["error"].notna()]
    assert len(failed) == 3 and failed["status"].isna().all()


def test_an_article_whose_key_no_report_has_keeps_a_row(articles, reports):
    result = compare_corpus(articles.assign(story=[1, 9]), reports, pairs="story", id_col="id")
    assert result.articles.set_index("doc_id").loc["senate", "error"] == "no report has story 9"


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda a, r: compare_corpus(pd.concat([a, a]), r, id_col="id"), InputError, "duplicate"),
        (
            lambda a, r: compare_corpus(a.assign(id=[None, *a["id"][1:]]), r, id_col="id"),
            InputError,
            "row 0 has no id",
        ),
        (lambda a, r: compare_corpus(a, r, pairs="nope", id_col="id"), InputError, "nope"),
        (lambda a, r: compare_corpus(a, r, id_col="id", keep=["side"]), InputError, "side"),
        (
            lambda a, r: compare_corpus(a.assign(status=1), r, id_col="id", keep=["status"]),
            FramingError,
            "rename",
        ),
        (lambda a, r: compare_corpus(a, r, pairs=3, id_col="id"), FramingError, "pairs must"),
        (
            lambda a, r: compare_corpus(a, r, pairs=pd.DataFrame({"doc_id": []}), id_col="id"),
            InputError,
            "source_id",
        ),
    ],
)
def test_bad_input_stops_with_one_line(articles, reports, call, error, message):
    with pytest.raises(error, match=message) as raised:
        call(articles, reports)
    assert "\n" not in str(raised.value)


def _plain(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` as objects with None for every missing value, whatever its dtypes."""
    return table.astype(object).where(table.notna(), None)


@pytest.fixture
def corpus_files(tmp_path, articles, reports):
    articles.to_csv(tmp_path / "articles.csv", index=False)
    reports.to_csv(tmp_path / "reports.csv", index=False)
    return tmp_path


def test_the_command_writes_the_functions_tables(corpus_files, by_story, capsys):
    folder = corpus_files
    code = main(
        [
            "compare-corpus",
            str(folder / "articles.csv"),
            "--reference",
            str(folder / "reports.csv"),
            "--pair-on",
            "story",
            "--id-col",
            "id",
            "--keep",
            "outlet",
            "-o",
            str(folder / "paragraphs.parquet"),
            "--summary",
            str(folder / "articles-out.csv"),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert "wrote" in capsys.readouterr().out
    paragraphs = pd.read_parquet(folder / "paragraphs.parquet")
    pd.testing.assert_frame_equal(_plain(paragraphs[COLUMNS]), _plain(by_story.paragraphs[COLUMNS]))
    summary = pd.read_csv(folder / "articles-out.csv")
    assert summary["doc_id"].tolist() == ["seed", "senate"]
    assert summary["aligned"].tolist() == by_story.articles["aligned"].tolist()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--pair-on", "missing"], "missing"),
        (["--pair-on", "story", "--window", "2D"], "not both"),
        (["--pair-on", "story", "--encoder", "all-MiniLM-L6-v2"], "drop --pair-on"),
        (["--encoder", "all-mpnet-base-v2"], "no packaged encoder 'all-mpnet-base-v2'"),
        (["--window", "2D"], "'date'"),
        (["--id-col", "nope"], "nope"),
    ],
)
def test_command_errors_are_one_line_and_exit_2(corpus_files, capsys, extra, message):
    folder = corpus_files
    code = main(
        [
            "compare-corpus",
            str(folder / "articles.csv"),
            "--reference",
            str(folder / "reports.csv"),
            "-o",
            str(folder / "out.csv"),
            *extra,
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("framing: error:") and err.count("\n") == 1
    assert message in err


def test_the_command_matches_within_a_window_and_shows_progress(tmp_path, articles, reports):
    articles.assign(date=["2017-10-17", "2017-10-11"]).to_csv(tmp_path / "a.csv", index=False)
    reports.assign(date=["2017-10-16", "2017-10-10"]).to_csv(tmp_path / "r.csv", index=False)
    code = main(
        [
            "compare-corpus",
            str(tmp_path / "a.csv"),
            "--reference",
            str(tmp_path / "r.csv"),
            "--window",
            "2D",
            "--id-col",
            "id",
            "--progress",
            "-o",
            str(tmp_path / "out.jsonl"),
            "--summary",
            str(tmp_path / "pairs.csv"),
        ]
    )
    assert code == 0
    summary = pd.read_csv(tmp_path / "pairs.csv")
    assert summary["source_id"].tolist() == ["dod", "budget"]
    out = pd.read_json(tmp_path / "out.jsonl", lines=True)
    assert set(out["doc_id"]) == {"seed", "senate"}


def test_the_command_ranks_by_the_packaged_encoder_as_the_function_does(
    tmp_path, articles, reports
):
    from tests.conftest import need

    need(
        importlib.util.find_spec("sentence_transformers") is not None,
        "needs the semantic extra: pip install -e '.[dev]'",
    )
    articles.to_csv(tmp_path / "a.csv", index=False)
    reports.to_csv(tmp_path / "r.csv", index=False)
    argv = ["compare-corpus", str(tmp_path / "a.csv"), "--reference", str(tmp_path / "r.csv")]
    argv += ["--encoder", "all-MiniLM-L6-v2", "--id-col", "id", "-o", str(tmp_path / "o.csv")]
    assert main([*argv, "--summary", str(tmp_path / "s.csv")]) == 0
    whole = compare_corpus(articles, reports, id_col="id", encoder="all-MiniLM-L6-v2")
    summary = pd.read_csv(tmp_path / "s.csv")
    chosen = summary["source_id"].tolist()
    assert chosen == whole.articles["source_id"].tolist() == ["dod", "budget"]


def test_the_progress_bar_counts_pairs(tmp_path, articles, reports, capfd):
    articles.to_csv(tmp_path / "a.csv", index=False)
    reports.to_csv(tmp_path / "r.csv", index=False)
    argv = ["compare-corpus", str(tmp_path / "a.csv"), "--reference", str(tmp_path / "r.csv")]
    argv += ["--pair-on", "story", "--id-col", "id", "-o", str(tmp_path / "out.csv")]
    assert main([*argv, "--progress"]) == 0
    assert "framing: 2pair" in capfd.readouterr().err
    assert main([*argv, "--no-progress"]) == 0
    assert capfd.readouterr().err == ""


def test_quotes_two_articles_take_from_one_passage_are_paired_with_their_fidelity():
    from framing.comparisons.corpus import COMMON_QUOTE_COLUMNS, quotes_in_common

    report = (
        "Talks\n\nThe minister said: \u201cWe will not accept any deal that leaves our farmers "
        "behind.\u201d\n\nShe added that talks would resume on Monday in Brussels."
    )
    reports = pd.DataFrame({"id": ["wire"], "text": [report]})
    articles = pd.DataFrame(
        {
            "id": ["left", "right", "other"],
            "text": [
                "Deal\n\n\u201cWe will not accept any deal that leaves our farmers behind,\u201d "
                "she said.",
                'Betrayal\n\nShe vowed: "We will never accept a deal that leaves farmers behind."',
                'Weather\n\n"Storms will reach the coast by Friday night," forecasters said.',
            ],
        }
    )
    pairs = pd.DataFrame({"doc_id": ["left", "right", "other"], "source_id": ["wire"] * 3})
    common = quotes_in_common(articles, reports, pairs, id_col="id")
    assert list(common.columns) == COMMON_QUOTE_COLUMNS
    assert len(common) == 1
    row = common.iloc[0]
    assert (row["doc_a"], row["doc_b"]) == ("left", "right")
    assert row["fidelity_a"] == "verbatim"
    assert row["fidelity_b"].startswith("altered:")
    assert row["source_paragraph"] == 1
    assert "farmers behind" in row["source_text"]


def test_the_command_matches_the_whole_corpus_at_once_as_the_function_does(tmp_path, monkeypatch):
    """The weights and the hubness correction of match_sources depend on every article: the
    command reads the articles in chunks but matches them all together, as compare_corpus."""
    import functools

    from framing.datasets import load_allsides
    from framing.io import corpora
    from tests.conftest import need_data

    sides = load_allsides(data_dir=need_data("allsides-roundups"))
    sides = sides.assign(id=sides["side"] + "-" + sides["story_id"].astype(str))
    reports = sides.loc[sides["side"] == "center", ["id", "text"]]
    articles = sides.loc[sides["side"] != "center", ["id", "text"]].iloc[::16]
    articles.to_csv(tmp_path / "a.csv", index=False)
    reports.to_csv(tmp_path / "r.csv", index=False)
    monkeypatch.setattr(
        corpora, "iter_corpus", functools.partial(corpora.iter_corpus, chunk_rows=15)
    )
    argv = ["compare-corpus", str(tmp_path / "a.csv"), "--reference", str(tmp_path / "r.csv")]
    argv += [
        "--id-col",
        "id",
        "-o",
        str(tmp_path / "out.parquet"),
        "--summary",
        str(tmp_path / "s.csv"),
    ]
    assert main(argv) == 0
    whole = compare_corpus(articles, reports, id_col="id")
    summary = pd.read_csv(tmp_path / "s.csv")
    assert len(summary) == len(articles) > 4 * 15
    assert summary["source_id"].tolist() == whole.articles["source_id"].tolist()
    # Matched chunk by chunk, 7 of these 63 articles would get another report (README).
    by_chunk = pd.concat(
        match_sources(articles.iloc[i : i + 15], reports, id_col="id", top_k=1)
        for i in range(0, len(articles), 15)
    )
    assert (by_chunk["source_id"].to_numpy() != summary["source_id"].to_numpy()).sum() >= 5
    paragraphs = pd.read_parquet(tmp_path / "out.parquet")
    pd.testing.assert_frame_equal(_plain(paragraphs[COLUMNS]), _plain(whole.paragraphs[COLUMNS]))


def test_a_report_without_text_stops_the_command_with_one_line(tmp_path, articles, reports, capsys):
    """A report without text is no pair of any article: matching stops and says how to drop it."""
    articles.to_csv(tmp_path / "a.csv", index=False)
    reports.assign(text=[reports["text"].iloc[0], "   "]).to_csv(tmp_path / "r.csv", index=False)
    argv = ["compare-corpus", str(tmp_path / "a.csv"), "--reference", str(tmp_path / "r.csv")]
    assert main([*argv, "--id-col", "id", "-o", str(tmp_path / "out.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: 1 report(s) have no text in 'text'")
    assert err.count("\n") == 1
    assert not (tmp_path / "out.csv").exists()
