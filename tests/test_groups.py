"""Group comparisons and keyness, against hand-computed values and scipy."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing
from framing.comparisons.groups import (
    bootstrap_mean_ci,
    cliffs_delta,
    cohens_d,
    keyness,
    permutation_p_value,
)
from framing.datasets import loaders as datasets
from framing.errors import FramingError, InputError
from tests.conftest import need_data

A = np.array([0.1, 0.4, 0.35, 0.8, 0.55])
B = np.array([0.2, 0.05, 0.3, 0.15])


def test_cohens_d_is_the_pooled_sd_formula():
    pooled = math.sqrt((4 * np.var(A, ddof=1) + 3 * np.var(B, ddof=1)) / 7)
    assert cohens_d(A, B) == pytest.approx((A.mean() - B.mean()) / pooled, rel=1e-12)
    # Hand-computed: means 2 and 3, both sample SDs 1.
    assert cohens_d(np.array([1.0, 2, 3]), np.array([2.0, 3, 4])) == -1.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1, 2, 3], [4, 5], -1.0),
        ([4, 5], [1, 2, 3], 1.0),
        ([1, 2], [1, 2], 0.0),
        ([1, 2, 3], [2, 3, 4], -5 / 9),  # pairs: 1 greater, 6 less, 2 ties
    ],
)
def test_cliffs_delta_hand_values(a, b, expected):
    assert cliffs_delta(np.array(a, float), np.array(b, float)) == pytest.approx(expected)


def test_cliffs_delta_agrees_with_mann_whitney_u():
    rng = np.random.default_rng(1)
    a, b = rng.integers(0, 5, 40).astype(float), rng.integers(1, 6, 30).astype(float)
    u = stats.mannwhitneyu(a, b).statistic  # U of a, ties counted half
    assert cliffs_delta(a, b) == pytest.approx(2 * u / (len(a) * len(b)) - 1, rel=1e-12)


def test_exact_permutation_p_value_equals_scipy():
    rng = np.random.default_rng(0)
    p_value, splits = permutation_p_value(A, B, rng=rng)
    assert splits == math.comb(9, 5) == 126
    expected = stats.permutation_test(
        (A, B),
        lambda x, y: abs(np.mean(x) - np.mean(y)),  # two-sided: |difference| as extreme
        permutation_type="independent",
        alternative="greater",
        n_resamples=10_000,
    ).pvalue
    assert p_value == pytest.approx(expected, rel=1e-12)


def test_random_permutation_p_value_is_close_to_the_exact_one():
    rng = np.random.default_rng(3)
    a, b = rng.normal(0.3, 1, 10), rng.normal(0, 1, 9)
    exact, splits = permutation_p_value(a, b, permutations=10**5, rng=np.random.default_rng(0))
    assert splits == math.comb(19, 10)
    sampled, used = permutation_p_value(a, b, permutations=20_000, rng=np.random.default_rng(0))
    assert used == 20_000
    assert sampled == pytest.approx(exact, abs=4 * math.sqrt(exact * (1 - exact) / 20_000))


def test_bootstrap_interval_is_reproducible_and_agrees_with_scipy():
    rng = np.random.default_rng(5)
    values = rng.exponential(1.0, 200)
    ours = bootstrap_mean_ci(values, resamples=20_000, rng=np.random.default_rng(1))
    again = bootstrap_mean_ci(values, resamples=20_000, rng=np.random.default_rng(1))
    assert ours == again
    theirs = stats.bootstrap(
        (values,), np.mean, method="percentile", n_resamples=20_000, random_state=2
    ).confidence_interval
    standard_error = values.std(ddof=1) / math.sqrt(len(values))
    assert ours[0] == pytest.approx(theirs.low, abs=0.05 * standard_error)
    assert ours[1] == pytest.approx(theirs.high, abs=0.05 * standard_error)
    assert ours[0] < values.mean() < ours[1]


def test_compare_groups_tables():
    shared_data = need_data("allsides-roundups")
    sides = datasets.load_allsides(data_dir=shared_data, complete_only=True)
    sides["title_words"] = sides["title"].str.split().str.len()
    result = framing.compare_groups(
        sides, group_col="side", measures=["title_words"], groups=["left", "center", "right"]
    )
    means = result.means.set_index("group")
    expected = sides.groupby("side")["title_words"].mean()
    for side in ("left", "center", "right"):
        assert means.loc[side, "n"] == 469
        assert means.loc[side, "mean"] == pytest.approx(expected[side], rel=1e-12)
        assert means.loc[side, "ci_low"] < means.loc[side, "mean"] < means.loc[side, "ci_high"]
    assert result.pairs[["group_a", "group_b"]].values.tolist() == [
        ["left", "center"],
        ["left", "right"],
        ["center", "right"],
    ]
    pair = result.pairs.iloc[1]
    left = sides.loc[sides["side"] == "left", "title_words"].to_numpy(float)
    right = sides.loc[sides["side"] == "right", "title_words"].to_numpy(float)
    assert pair["cohens_d"] == pytest.approx(cohens_d(left, right))
    assert pair["cliffs_delta"] == pytest.approx(cliffs_delta(left, right))
    assert 0 < pair["p_value"] <= 1 and pair["permutations"] == 10_000
    again = framing.compare_groups(
        sides, group_col="side", measures="title_words", groups=["left", "center", "right"]
    )
    pd.testing.assert_frame_equal(result.means, again.means)
    pd.testing.assert_frame_equal(result.pairs, again.pairs)


def test_compare_groups_leaves_out_missing_values():
    table = pd.DataFrame({"g": ["a", "a", "a", "b", "b"], "m": [1.0, None, 3.0, 5.0, 7.0]})
    result = framing.compare_groups(table, group_col="g", measures=["m"])
    assert result.means["n"].tolist() == [2, 2]
    assert result.means["mean"].tolist() == [2.0, 6.0]
    assert result.pairs.loc[0, "p_value"] == pytest.approx(2 / 6)  # exact: 2 of 6 splits


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"group_col": "nope", "measures": ["m"]}, InputError, "no column 'nope'"),
        ({"group_col": "g", "measures": ["m"], "groups": ["z"]}, FramingError, "not in 'g'"),
        ({"group_col": "g", "measures": ["m"], "confidence": 95}, FramingError, "confidence"),
    ],
)
def test_compare_groups_bad_options(options, error, message):
    table = pd.DataFrame({"g": ["a", "b"], "m": [1.0, 2.0]})
    with pytest.raises(error, match=message):
        framing.compare_groups(table, **options)


def test_keyness_hand_computed_log_odds():
    table = pd.DataFrame(
        {"side": ["L", "L", "R"], "text": ["tax cuts for the rich", "The rich", "tax relief"]}
    )
    result = keyness(table, group_col="side", groups=["L", "R"]).set_index("term")
    # Counts L: tax 1, cuts 1, for 1, the 2, rich 2 (n=7); R: tax 1, relief 1 (n=2).
    # Prior = counts over both groups: alpha0 = 9.
    assert result.loc["rich", "log_odds"] == pytest.approx(math.log((4 / 12) / (2 / 9)))
    assert result.loc["rich", "variance"] == pytest.approx(1 / 4 + 1 / 2)
    assert result.loc["relief", "log_odds"] == pytest.approx(math.log((1 / 15) / (2 / 9)))
    assert result.loc["relief", "z"] == pytest.approx(math.log(0.3) / math.sqrt(1.5))
    assert result.loc["tax", "log_odds"] == pytest.approx(math.log((3 / 13) / (3 / 8)))
    assert result.loc["the", "count_a"] == 2 and result.loc["the", "count_b"] == 0
    assert list(result.index[:2]) == ["rich", "the"] and result.index[-1] == "relief"


def test_keyness_on_babe_separates_biased_sentences():
    shared_data = need_data("babe")
    babe = datasets.load_babe(data_dir=shared_data)
    result = keyness(
        babe, group_col="label_bias", groups=["Biased", "Non-biased"], min_count=20
    ).set_index("term")
    assert (result["count_a"] + result["count_b"]).min() >= 20
    flagged = {word.lower() for words in babe["biased_words"] for word in words}
    top = result.head(50).index
    assert sum(term in flagged for term in top) >= 25  # loaded words lead the biased side


def test_keyness_needs_two_or_more_distinct_groups():
    table = pd.DataFrame({"g": ["a"], "text": ["x"]})
    with pytest.raises(FramingError, match="two or more distinct groups"):
        keyness(table, group_col="g", groups=["a"])


def test_keyness_of_three_groups_is_each_against_the_rest():
    data = need_data("allsides-roundups")
    sides = datasets.load_allsides(data_dir=data)
    result = keyness(sides, group_col="side", groups=["left", "center", "right"], min_count=5)
    assert list(result.columns[:2]) == ["group", "term"]
    assert result["group"].unique().tolist() == ["left", "center", "right"]
    for side in ("left", "center", "right"):
        # The same as two groups: this side against the other two relabelled as one.
        relabelled = sides.assign(side=sides["side"].where(sides["side"] == side, "rest"))
        expected = keyness(relabelled, group_col="side", groups=[side, "rest"], min_count=5)
        got = result[result["group"] == side].drop(columns="group").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected)
        assert got["z"].is_monotonic_decreasing


def test_keyness_refuses_a_group_named_twice():
    table = pd.DataFrame({"g": ["a", "b"], "text": ["x", "y"]})
    with pytest.raises(FramingError, match="distinct"):
        keyness(table, group_col="g", groups=["a", "a"])
