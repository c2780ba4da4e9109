"""Dictionary categories by group and voice: pooled rates with seeded bootstrap intervals."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framing.comparisons.dictionaries import dictionary_rates
from framing.errors import FramingError
from tests.conftest import need_data


def _long() -> pd.DataFrame:
    """Two left articles and one right, one category, with the voice columns; one error row."""
    return pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c", "d"],
            "side": ["left", "left", "left", "right", "right"],
            "dictionary": "moral",
            "category": "care",
            "count": pd.array([2, 1, 3, 1, None], dtype="Int64"),
            "words": pd.array([10, 20, 30, 50, None], dtype="Int64"),
            "own": pd.array([1, 0, 3, 0, None], dtype="Int64"),
            "attributed": pd.array([1, 0, 0, 1, None], dtype="Int64"),
            "quoted": pd.array([0, 1, 0, 0, None], dtype="Int64"),
            "own_words": pd.array([5, 10, 30, 40, None], dtype="Int64"),
            "attributed_words": pd.array([5, 0, 0, 10, None], dtype="Int64"),
            "quoted_words": pd.array([0, 10, 0, 0, None], dtype="Int64"),
            "error": ["", "", "", "", "empty text"],
        }
    )


#: Worked by hand from _long(): (side, voice) -> documents, count, words, rate per 100 words.
EXPECTED = [
    ("left", "all", 2, 6, 60, 10.0),  # a: 2 + 1 in 10 + 20 words, b: 3 in 30
    ("left", "own", 2, 4, 45, 400 / 45),  # 1 + 0 + 3 in 5 + 10 + 30
    ("left", "attributed", 2, 1, 5, 20.0),
    ("left", "quoted", 2, 1, 10, 10.0),
    ("left", "cited", 2, 2, 15, 200 / 15),  # attributed and quoted together
    ("right", "all", 1, 1, 50, 2.0),  # d is an error row: no counts, left out
    ("right", "own", 1, 0, 40, 0.0),
    ("right", "attributed", 1, 1, 10, 10.0),
    ("right", "quoted", 1, 0, 0, math.nan),  # no quoted words: no rate
    ("right", "cited", 1, 1, 10, 10.0),
]


def test_pooled_rates_by_group_and_voice_worked_by_hand():
    rates = dictionary_rates(_long(), by="side", resamples=200)
    got = list(
        rates[["side", "voice", "documents", "count", "words", "per_100_words"]].itertuples(
            index=False, name=None
        )
    )
    assert len(got) == len(EXPECTED)
    for row, expected in zip(got, EXPECTED, strict=True):
        assert row[:5] == expected[:5]
        assert row[5] == pytest.approx(expected[5], nan_ok=True)


def test_intervals_hold_the_estimate_and_repeat_with_the_seed():
    first = dictionary_rates(_long(), by="side", resamples=500)
    again = dictionary_rates(_long(), by="side", resamples=500)
    pd.testing.assert_frame_equal(first, again)
    left_all = first[(first["side"] == "left") & (first["voice"] == "all")].iloc[0]
    assert left_all["ci_low"] <= left_all["per_100_words"] <= left_all["ci_high"]
    # resampling articles a (3 in 30 words: 10) and b (3 in 30 words: 10) gives 10 always
    assert (left_all["ci_low"], left_all["ci_high"]) == (10.0, 10.0)
    left_own = first[(first["side"] == "left") & (first["voice"] == "own")].iloc[0]
    assert left_own["ci_low"] < left_own["ci_high"]  # a: 1 in 15, b: 3 in 30


def test_without_the_voice_columns_only_all_words_are_rated():
    rates = dictionary_rates(
        _long()[["doc_id", "side", "dictionary", "category", "count", "words"]],
        by=["side"],
        resamples=10,
    )
    assert rates["voice"].unique().tolist() == ["all"]


def test_a_wide_table_is_refused_with_how_to_get_the_long_form():
    with pytest.raises(FramingError, match="dictionary_form='long'"):
        dictionary_rates(pd.DataFrame({"doc_id": ["a"], "mfd.care.virtue": [1]}), by="side")


def test_allsides_mfd_rates_sum_the_long_table():
    from framing.report.figures import allsides_articles, allsides_mfd, allsides_mfd_rates

    shared_data = need_data("allsides-roundups", "mfd")
    moral = allsides_mfd(allsides_articles(shared_data, sample=6), shared_data)
    assert set(moral["side"]) == {"left", "center", "right"}
    assert len(moral) == 10 * moral.groupby(["doc_id", "paragraph"]).ngroups
    rates = allsides_mfd_rates(moral)
    assert len(rates) == 3 * 10 * 5  # sides, categories, voices
    all_words = rates[rates["voice"] == "all"].set_index(["side", "category"])["count"]
    summed = moral.groupby(["side", "category"])["count"].sum()
    assert all_words.sort_index().tolist() == summed.sort_index().tolist()
    own_and_cited = rates[rates["voice"].isin(["own", "cited"])].groupby(["side", "category"])
    assert own_and_cited["count"].sum().sort_index().tolist() == summed.sort_index().tolist()
