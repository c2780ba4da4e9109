"""match_sources: the report each article draws on, with its evidence, at any size."""

from __future__ import annotations

import importlib.util
import math
import sys

import pandas as pd
import pytest

from framing.comparisons import matching
from framing.comparisons.matching import MATCH_COLUMNS, match_sources
from framing.datasets.loaders import load_seed_text, source_path
from framing.errors import FramingError, InputError
from tests.conftest import REPO, need, need_data

#: Reports that share topic words with the seed (Yemen, ISIS, strikes) but none of its text.
DISTRACTORS = [
    "Yemen talks\n\nDiplomats met in Geneva to discuss a ceasefire in Yemen's civil war, "
    "with aid groups warning of famine in the north of the country.",
    "Syria update\n\nKurdish-led forces said on Tuesday they had retaken most of Raqqa from "
    "ISIS fighters after months of street battles.",
    "Budget vote\n\nThe Senate passed a budget resolution late on Thursday, clearing the way "
    "for a tax overhaul that Republicans hope to finish this year.",
    "Storm damage\n\nPower was restored to most homes in Puerto Rico's capital weeks after the "
    "hurricane, officials said.",
]


@pytest.fixture(scope="module")
def reports() -> pd.DataFrame:
    texts = [source_path().read_text(encoding="utf-8"), *DISTRACTORS]
    return pd.DataFrame(
        {
            "id": ["dod", "geneva", "raqqa", "budget", "storm"],
            "date": pd.to_datetime(
                ["2017-10-16", "2017-10-16", "2017-10-17", "2017-10-10", "2017-10-01"]
            ),
            "text": texts,
        }
    )


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["seed", "senate"],
            "date": pd.to_datetime(["2017-10-17", "2017-10-11"]),
            "text": [
                load_seed_text(),
                "GOP Rams Through Budget\n\nSenate Republicans rammed through a budget "
                "resolution on Thursday, clearing the way for their tax giveaway.",
            ],
        }
    )


def test_the_seed_draws_on_the_dod_release_and_the_evidence_says_so(articles, reports):
    pairs = match_sources(articles, reports, id_col="id", top_k=3)
    assert list(pairs.columns) == MATCH_COLUMNS
    first = pairs[pairs["rank"] == 1].set_index("doc_id")
    assert first.loc["seed", "source_id"] == "dod"
    assert first.loc["senate", "source_id"] == "budget"
    # The seed quotes the release word for word ("ISIS used the camps to train militants ...").
    assert "ISIS used the camps" in first.loc["seed", "shared_quotes"]
    assert bool(first.loc["seed", "reuse"])
    assert first.loc["seed", "shared_trigrams"] > 10
    seed = pairs[pairs["doc_id"] == "seed"]
    assert seed["rank"].tolist() == [1, 2, 3]
    assert seed["source_id"].is_unique


def test_with_dates_only_reports_within_the_window_are_candidates(articles, reports):
    pairs = match_sources(articles, reports, id_col="id", date_col="date", window="1D", top_k=5)
    seed = pairs[pairs["doc_id"] == "seed"]
    # 2017-10-17 +- 1 day: dod and geneva (16th) and raqqa (17th), not budget or storm.
    assert set(seed["source_id"]) <= {"dod", "geneva", "raqqa"}
    assert seed.iloc[0]["source_id"] == "dod"
    senate = pairs[pairs["doc_id"] == "senate"]
    assert senate["source_id"].tolist() == ["budget"]


def test_an_article_with_no_candidate_keeps_a_row_that_says_why(articles, reports):
    late = articles.assign(date=pd.to_datetime(["2019-01-01", "2017-10-11"]))
    pairs = match_sources(late, reports, id_col="id", date_col="date", window="2D")
    seed = pairs[pairs["doc_id"] == "seed"]
    assert len(seed) == 1
    assert seed.iloc[0]["source_id"] is None
    assert "date window" in seed.iloc[0]["error"]


def test_an_empty_article_keeps_a_row_with_its_error(reports):
    articles = pd.DataFrame({"id": ["a", "b"], "text": ["  ", None]})
    pairs = match_sources(articles, reports, id_col="id")
    assert pairs["doc_id"].tolist() == ["a", "b"]
    assert pairs["error"].str.contains("no text").all()


def test_text_reuse_ranks_above_a_closer_paraphrase():
    reports = pd.DataFrame(
        {
            "text": [
                # Shares many words with the article, but no quote and few trigrams.
                "The mayor spoke about the new bridge, the bridge budget and bridge traffic "
                "in the city council on Monday.",
                # Shares the quote only.
                'Council minutes: "we will not raise taxes this year" was said at the end.',
            ]
        },
        index=["paraphrase", "quoted"],
    )
    articles = pd.DataFrame(
        {"text": ['The mayor praised the new bridge budget: "We will not raise taxes this year."']}
    )
    pairs = match_sources(articles, reports, top_k=2)
    assert pairs["source_id"].tolist() == ["quoted", "paraphrase"]
    assert pairs["similarity"].iloc[0] < pairs["similarity"].iloc[1]
    assert pairs["shared_quotes"].iloc[0] == "We will not raise taxes this year."


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Claims rose to 373,000 last week.", ["373,000"]),  # thousands separator
        ("A $1.5 trillion bill, 3.5% of it.", ["1.5", "3.5"]),  # money and percent
        ("A 17-month low for ages 12-15.", ["17-month", "12-15"]),  # hyphenated
        ("The COVID-19 rules of Aug. 19, 2021.", ["covid-19", "19", "2021"]),  # lower-cased
        ("No figures here at all.", []),
    ],
)
def test_numbers_are_the_words_that_hold_a_digit(text, numbers):
    assert matching._numbers(text) == numbers
    assert matching._reference_numbers(text) == numbers


def test_numbers_read_by_runs_equal_the_plain_reading_on_every_allsides_text(allsides):
    articles, centers = allsides
    texts = [*articles["text"], *centers["text"]]
    found = [matching._numbers(text) for text in texts]
    assert found == [matching._reference_numbers(text) for text in texts]
    assert sum(map(len, found)) > 1000  # the texts hold numbers to compare


def test_a_word_and_a_number_fall_in_the_buckets_whose_document_frequencies_are_counted():
    text = "Jobless claims fell to 373,000 in the 17-month stretch, the Labor Department said."
    counted = set(matching._counts(matching._hasher(), [text]).indices)
    words = set(matching._counts(matching._hasher(ngram_range=(1, 1)), [text]).indices)
    numbers = set(matching._number_hasher().transform([text]).indices)
    # jobless claims fell 373,000 17-month stretch labor department said ("to", "in", "the" out)
    assert len(words) == 9
    assert len(numbers) == 2
    assert words | numbers <= counted


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Headline\n\nThe lead.\n\nMore.", "Headline"),  # blank lines: the headline
        ("\n\n  The lead line\nwrapped.\n\nMore.", "The lead line\nwrapped."),
        ("One line.\nAnother line.", "One line."),  # no blank line: each line a paragraph
        ("", ""),
        (None, ""),
    ],
)
def test_the_first_paragraph_is_the_headline_or_the_lead(text, first):
    assert matching._first_paragraph(text) == first


#: Two reports on one topic. The article shares more of its words with the first (the judge,
#: the landlords, the tenants in arrears), but tells the event of the second: its lead (the ban
#: extended by 60 days) and its figures (60 days, 90% of renters).
SAME_TOPIC = pd.DataFrame(
    {
        "text": [
            "Eviction ban overturned\n\nA federal judge in Washington ruled that the CDC had no "
            "power to halt evictions; landlords and realtors had sued, and tenants in arrears "
            "face losing their homes.",
            "Eviction ban extended by 60 days\n\nThe CDC order covers counties with high "
            "transmission, where 90% of renters live.",
        ]
    },
    index=["overturned", "extended"],
)
EXTENDED = pd.DataFrame(
    {
        "text": [
            "CDC extends eviction ban by 60 days\n\nTenants in arrears won time as the CDC halted "
            "evictions again, covering 90% of renters; landlords and realtors vowed to return "
            "to the judge in Washington."
        ]
    }
)


def test_the_lead_and_the_numbers_tell_two_reports_on_one_topic_apart(monkeypatch):
    pairs = match_sources(EXTENDED, SAME_TOPIC, top_k=2).set_index("source_id")
    assert pairs["rank"].to_dict() == {"extended": 1, "overturned": 2}
    assert not pairs["reuse"].any()
    # The words alone prefer the other report; its lead and its figures do not.
    assert pairs.loc["extended", "similarity"] < pairs.loc["overturned", "similarity"]
    assert pairs.loc["extended", "lead_similarity"] > 2 * pairs.loc["overturned", "lead_similarity"]
    assert pairs.loc["overturned", "shared_numbers"] == 0
    # "60" and "90", each counted by its rarity (in 2 of the 3 texts: 1 + ln(4 / 3) = 1.29).
    assert pairs.loc["extended", "shared_numbers"] == pytest.approx(2 * (1 + math.log(4 / 3)))
    monkeypatch.setattr(matching, "LEAD_WEIGHT", 0.0)
    monkeypatch.setattr(matching, "NUMBER_WEIGHT", 0.0)
    words_only = match_sources(EXTENDED, SAME_TOPIC, top_k=2)
    assert words_only["source_id"].tolist() == ["overturned", "extended"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The Senate voted on Tuesday.", {"Tuesday"}),
        ("Sunday's storm hit on Monday night", {"Sunday", "Monday"}),
        ("Markets close early on Fridays.", set()),  # a habit, not a day
        ("FRIDAY: nothing in capitals", set()),
        ("", set()),
    ],
)
def test_weekdays_are_the_days_a_text_names(text, days):
    assert matching._weekdays(text) == days


#: Two reports on weekly jobless claims, days apart: the words prefer Monday's, the day Thursday's.
JOBLESS = pd.DataFrame(
    {
        "text": [
            "Jobless claims rise\n\nApplications for unemployment benefits rose last week as "
            "layoffs spread, the Labor Department said on Monday.",
            "Jobless claims fall\n\nApplications for unemployment aid fell last week, the Labor "
            "Department said on Thursday.",
        ]
    },
    index=["monday", "thursday"],
)
THURSDAY = pd.DataFrame(
    {
        "text": [
            "Jobless claims\n\nLayoffs spread, and unemployment applications for benefits "
            "changed last week, said the Labor Department on Thursday."
        ]
    }
)


def test_the_day_of_the_week_tells_two_reports_on_one_topic_apart(monkeypatch):
    pairs = match_sources(THURSDAY, JOBLESS, top_k=2).set_index("source_id")
    assert pairs["rank"].to_dict() == {"thursday": 1, "monday": 2}
    assert pairs["weekday_agreement"].to_dict() == {"thursday": 1, "monday": -1}
    assert not pairs["reuse"].any()
    assert pairs.loc["thursday", "similarity"] < pairs.loc["monday", "similarity"]
    monkeypatch.setattr(matching, "WEEKDAY_WEIGHT", 0.0)
    words_only = match_sources(THURSDAY, JOBLESS, top_k=2)
    assert words_only["source_id"].tolist() == ["monday", "thursday"]


def test_the_weekday_agrees_for_most_right_pairs_of_allsides_and_few_wrong_ones(allsides):
    articles, centers = allsides
    pairs = match_sources(articles, centers, id_col="id", top_k=matching.CANDIDATES)
    story = pairs["doc_id"].str.partition("-")[2]
    right = story == pairs["source_id"].str.partition("-")[2]
    agrees = pairs["weekday_agreement"] == 1
    # Measured: 0.56 of the right pairs name a day in common, 0.14 of the others.
    assert agrees[right].mean() > 0.5
    assert agrees[~right].mean() < 0.2


class HashedEncoder:
    """A sentence encoder of the sentence-transformers shape: hashed word counts as vectors."""

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.hasher = HashingVectorizer(n_features=256, alternate_sign=False, norm=None)

    def encode(self, sentences: list[str], **options) -> object:
        return self.hasher.transform(sentences).toarray() + 1.0


def test_an_encoder_adds_its_hubness_corrected_cosine_to_the_score(articles, reports):
    import numpy as np

    plain = match_sources(articles, reports, id_col="id", top_k=5)
    encoded = match_sources(articles, reports, id_col="id", top_k=5, encoder=HashedEncoder())
    assert plain["semantic_similarity"].isna().all()
    assert encoded["semantic_similarity"].between(-1, 1).all()
    # By hand: unit vectors, their cosines, and r = the mean of the 5 best of a text's cosines.
    encoder = HashedEncoder()
    vectors = {}
    for table in (articles, reports):
        rows = encoder.encode(table["text"].tolist())
        vectors |= dict(
            zip(table["id"], rows / np.linalg.norm(rows, axis=1, keepdims=True), strict=True)
        )
    cosine = {
        pair: float(vectors[pair[0]] @ vectors[pair[1]])
        for pair in zip(plain["doc_id"], plain["source_id"], strict=True)
    }
    hub_article = pd.Series(cosine).groupby(level=0).apply(lambda c: c.nlargest(5).mean())
    hub_report = pd.Series(cosine).groupby(level=1).apply(lambda c: c.nlargest(5).mean())
    merged = plain.merge(encoded, on=["doc_id", "source_id"], suffixes=("", "_encoded"))
    for row in merged.itertuples():
        pair = (row.doc_id, row.source_id)
        assert row.semantic_similarity_encoded == pytest.approx(cosine[pair], abs=1e-6)
        corrected = 2 * cosine[pair] - hub_article[row.doc_id] - hub_report[row.source_id]
        assert row.score_encoded - row.score == pytest.approx(
            matching.SEMANTIC_WEIGHT * corrected, abs=1e-5
        )


@pytest.mark.parametrize(
    ("encoder", "message"),
    [
        (object(), "must be a sentence-transformers model.*not object"),
        ("all-mpnet-base-v2", "no packaged encoder 'all-mpnet-base-v2'; use 'all-MiniLM-L6-v2'"),
    ],
)
def test_a_bad_encoder_stops_with_one_line_that_says_what_to_pass(
    articles, reports, encoder, message
):
    with pytest.raises(FramingError, match=message) as error:
        match_sources(articles, reports, id_col="id", encoder=encoder)
    assert "\n" not in str(error.value)


def test_without_the_semantic_extra_the_packaged_encoder_names_it(articles, reports, monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(FramingError, match=r"pip install 'framing-wire\[semantic\]'"):
        match_sources(articles, reports, id_col="id", encoder="all-MiniLM-L6-v2")


def test_the_packaged_encoder_on_allsides_as_printed(allsides):
    need(
        importlib.util.find_spec("sentence_transformers") is not None,
        "needs the semantic extra: pip install -e '.[dev]'",
    )
    data = need_data("allsides-roundups")
    from benchmarks import matching_quality

    articles, centers = matching_quality.tables(data)
    pairs = match_sources(articles, centers, id_col="id", top_k=5, encoder=matching.load_encoder())
    recall = matching_quality.recall_from_ranking(pairs, matching_quality.truth(articles))
    # As printed by benchmarks/matching_quality.py (README): 0.814 and 0.949, against 0.780
    # and 0.941 without the encoder.
    assert recall[1] == pytest.approx(0.814, abs=0.0015)
    assert recall[5] == pytest.approx(0.949, abs=0.0015)


def test_chunks_and_blocks_do_not_change_the_result(articles, reports, monkeypatch):
    whole = match_sources(articles, reports, id_col="id", top_k=5, date_col="date", window="3D")
    monkeypatch.setattr(matching, "REPORT_CHUNK", 2)
    monkeypatch.setattr(matching, "_ARTICLE_BLOCK", 1)
    chunked = match_sources(articles, reports, id_col="id", top_k=5, date_col="date", window="3D")
    pd.testing.assert_frame_equal(whole, chunked)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a, r: (a, pd.concat([r, r.iloc[:1]])), "duplicate ids"),
        (lambda a, r: (a, r.assign(text=[""] + r["text"].tolist()[1:])), "no text"),
        (lambda a, r: (a.assign(date=["2017-10-17", "yesterday"]), r), "does not parse"),
        (lambda a, r: (a.drop(columns="text"), r), "no column 'text'"),
    ],
)
def test_bad_tables_stop_with_one_line_that_says_what_to_do(articles, reports, change, message):
    bad_articles, bad_reports = change(articles, reports)
    with pytest.raises(InputError, match=message) as error:
        match_sources(bad_articles, bad_reports, id_col="id", date_col="date")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"top_k": 0}, "top_k=0"),
        ({"window": "soon", "date_col": "date"}, "not a time span"),
        ({"window": "2D"}, "needs date_col"),
    ],
)
def test_bad_options_say_which_values_work(articles, reports, options, message):
    with pytest.raises(FramingError, match=message):
        match_sources(articles, reports, id_col="id", **options)


def test_allsides_recall_beats_the_tfidf_baseline_in_the_same_run():
    data = need_data("allsides-roundups")
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import matching_quality
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    results = dict(matching_quality.run(data))
    baseline = results["TF-IDF cosine baseline, without dates"]
    ours = results["match_sources, without dates"]
    # As printed by benchmarks/matching_quality.py (README): 0.703 and 0.780.
    assert baseline[1] == pytest.approx(0.703, abs=0.005)
    assert ours[1] >= baseline[1] + 0.07
    assert ours[5] >= baseline[5]
    assert results["match_sources, with the story date (+-1D)"][1] >= 0.94


def test_candidate_generators_on_allsides_as_printed():
    need(
        importlib.util.find_spec("datasketch") is not None,
        "needs datasketch (the dev extra): pip install -e '.[dev]'",
    )
    data = need_data("allsides-roundups")
    from benchmarks import matching_candidates, matching_quality

    articles, centers = matching_quality.tables(data)
    expected = matching_quality.truth(articles)
    wanted = expected.loc[articles["id"]].to_numpy()
    found = {}
    for method in matching_candidates.METHODS:
        table, best = matching_candidates.match(method, articles, centers, top_k=5)
        if method == "sparse product":
            # The benchmark's own pass is match_sources, step by step: the same table.
            direct = match_sources(articles, centers, id_col="id", top_k=5)
            pd.testing.assert_frame_equal(table, direct)
        recall = matching_quality.recall_from_ranking(table, expected)
        found[method] = (matching_candidates.in_candidates(best, centers, wanted), recall[1])
    # As printed by benchmarks/matching_candidates.py --quality (README, "Matching at scale").
    assert found["sparse product"] == pytest.approx((0.965, 0.780), abs=0.0005)
    assert found["rare shingles"] == pytest.approx((0.924, 0.765), abs=0.0005)
    assert found["MinHash LSH"] == pytest.approx((0.501, 0.449), abs=0.0005)


@pytest.fixture(scope="module")
def allsides() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The left and right articles and the center articles of the AllSides roundups."""
    from framing.datasets import load_allsides

    sides = load_allsides(data_dir=need_data("allsides-roundups"))
    sides = sides.assign(
        id=sides["side"] + "-" + sides["story_id"].astype(str),
        text=sides["title"] + "\n\n" + sides["text"],
    )[["id", "side", "date", "text"]]
    centers = sides[sides["side"] == "center"].reset_index(drop=True)
    return sides[sides["side"] != "center"].reset_index(drop=True), centers


DATED = [{}, {"date_col": "date", "window": "1D"}]


@pytest.mark.parametrize("options", DATED, ids=["no dates", "dates"])
def test_worker_processes_give_the_serial_table(allsides, options, monkeypatch):
    articles, centers = allsides
    serial = match_sources(articles, centers, id_col="id", top_k=5, **options)
    assert serial["source_id"].notna().sum() > 4000  # five candidates for most articles
    # Chunks of 60 reports: 8 pieces for 2 processes, merged in the order they finish.
    monkeypatch.setattr(matching, "REPORT_CHUNK", 60)
    parallel = match_sources(articles, centers, id_col="id", top_k=5, n_jobs=2, **options)
    pd.testing.assert_frame_equal(parallel, serial)


def test_a_report_filed_many_times_keeps_its_first_copies_whatever_the_chunks(monkeypatch):
    """Equal similarities at the cut of a chunk's candidates: the first reports are kept."""
    story = "The Senate passed the budget bill on Tuesday after a long debate over spending."
    reports = pd.DataFrame(
        {"text": [story] * 30 + ["Wildfires spread across the state, forcing evacuations."]},
        index=[f"copy{i:02d}" for i in range(30)] + ["fire"],
    )
    articles = pd.DataFrame({"text": ["Senators passed the budget bill after a long debate."]})
    whole = match_sources(articles, reports, top_k=3)
    assert whole["source_id"].tolist() == ["copy00", "copy01", "copy02"]
    for chunk, jobs in ((7, 1), (4, 2)):
        monkeypatch.setattr(matching, "REPORT_CHUNK", chunk)
        pd.testing.assert_frame_equal(match_sources(articles, reports, top_k=3, n_jobs=jobs), whole)


@pytest.mark.parametrize("options", DATED, ids=["no dates", "dates"])
def test_dask_partitions_on_threads_give_the_serial_table(allsides, options, monkeypatch):
    import dask
    import dask.dataframe as dd

    articles, centers = allsides
    serial = match_sources(articles, centers, id_col="id", top_k=5, **options)
    monkeypatch.setattr(matching, "REPORT_CHUNK", 50)  # several chunks in a partition, too
    # Partitions out of date order: the candidates of each must still merge as in one table.
    shuffled = centers.sample(frac=1, random_state=3).reset_index(drop=True)
    shuffled_serial = match_sources(articles, shuffled, id_col="id", top_k=5, **options)
    with dask.config.set({"scheduler": "threads"}):
        lazy = dd.from_pandas(shuffled, npartitions=5)
        table = matching.match_sources_dask(articles, lazy, id_col="id", top_k=5, **options)
    pd.testing.assert_frame_equal(table, shuffled_serial)
    if not options:  # without dates, the order of the reports only settles exact ties
        assert (table["source_id"] == serial["source_id"]).mean() > 0.99


def test_dask_with_an_encoder_gives_the_serial_table(articles, reports):
    import dask
    import dask.dataframe as dd

    serial = match_sources(articles, reports, id_col="id", top_k=5, encoder=HashedEncoder())
    with dask.config.set({"scheduler": "threads"}):
        table = matching.match_sources_dask(
            articles,
            dd.from_pandas(reports, npartitions=2),
            id_col="id",
            top_k=5,
            encoder=HashedEncoder(),
        )
    pd.testing.assert_frame_equal(table, serial)
    assert table["semantic_similarity"].notna().all()


def test_dask_on_a_local_cluster_gives_the_serial_table(allsides):
    import dask.dataframe as dd

    from tests.test_corpus import _loopback_client

    articles, centers = allsides
    options = {"id_col": "id", "top_k": 3, "date_col": "date", "window": "1D"}
    serial = match_sources(articles, centers, **options)
    with _loopback_client(threads=2):
        table = matching.match_sources_dask(
            articles, dd.from_pandas(centers, npartitions=3), **options
        )
    pd.testing.assert_frame_equal(table, serial)


def test_dask_reports_without_text_stop_with_one_line(articles, reports):
    import dask.dataframe as dd

    blank = reports.assign(text=[""] + reports["text"].tolist()[1:])
    with pytest.raises(InputError, match="1 report\\(s\\) have no text.*'dod'") as error:
        matching.match_sources_dask(articles, dd.from_pandas(blank, npartitions=2), id_col="id")
    assert "\n" not in str(error.value)
    with pytest.raises(FramingError, match="call match_sources_dask"):
        match_sources(articles, dd.from_pandas(reports, npartitions=2), id_col="id")
    with pytest.raises(FramingError, match="call match_sources$"):
        matching.match_sources_dask(articles, reports, id_col="id")
