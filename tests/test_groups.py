"""Group comparisons and keyness, against hand-computed values and scipy."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing
from framing.comparisons.groups import (
    bootstrap_mean_ci,
    cliffs_delta,
    cluster_bootstrap_mean_ci,
    cluster_permutation_p_value,
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


def _paragraph_table(seed: int = 7) -> pd.DataFrame:
    """Articles of 2 to 9 paragraphs in three outlets; paragraphs of one article share a level."""
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, shift in (("a", 0.0), ("b", 0.3), ("c", 0.1)):
        for article in range(25):
            level = shift + rng.normal(0, 1)
            for paragraph in range(int(rng.integers(2, 10))):
                rows.append((f"{outlet}{article}", outlet, paragraph, level + rng.normal(0, 0.2)))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "paragraph", "m"])


def test_a_paragraph_table_resamples_whole_documents_by_default():
    table = _paragraph_table()
    by_document = framing.compare_groups(table, group_col="outlet", measures="m")
    by_row = framing.compare_groups(table, group_col="outlet", measures="m", cluster=None)
    assert (by_document.unit, by_row.unit) == ("doc_id", "row")
    assert by_document.means["units"].tolist() == [25, 25, 25]
    assert by_row.means["units"].tolist() == by_row.means["n"].tolist()
    # The same means, over rows; intervals that know paragraphs of an article move together.
    assert by_document.means["mean"].tolist() == by_row.means["mean"].tolist()
    width = lambda result: (result.means["ci_high"] - result.means["ci_low"]).to_numpy()  # noqa: E731
    assert (width(by_document) > 1.8 * width(by_row)).all()
    assert (by_document.pairs["p_value"] >= by_row.pairs["p_value"]).all()
    renamed = framing.compare_groups(
        table.rename(columns={"doc_id": "url"}), group_col="outlet", measures="m", cluster="url"
    )
    pd.testing.assert_frame_equal(renamed.means, by_document.means)
    assert renamed.unit == "url"


def test_one_groups_interval_does_not_depend_on_another_groups_data():
    table = _paragraph_table()
    before = framing.compare_groups(table, group_col="outlet", measures="m")
    changed = table.copy()
    changed.loc[changed["outlet"] == "c", "m"] *= 3  # only outlet c's texts change
    changed = changed[~changed["doc_id"].isin(["c1", "c2"])]
    after = framing.compare_groups(changed, group_col="outlet", measures="m")
    unchanged = lambda r: r.means[r.means["group"] != "c"].reset_index(drop=True)  # noqa: E731
    pd.testing.assert_frame_equal(unchanged(before), unchanged(after))
    pair_ab = lambda r: r.pairs.iloc[[0]].reset_index(drop=True)  # noqa: E731
    assert before.pairs.loc[0, ["group_a", "group_b"]].tolist() == ["a", "b"]
    pd.testing.assert_frame_equal(pair_ab(before), pair_ab(after))
    # Nor on which other groups or measures are asked for.
    alone = framing.compare_groups(table, group_col="outlet", measures="m", groups=["b", "a"])
    assert alone.means.set_index("group").loc["a", "ci_low"] == before.means.loc[0, "ci_low"]


def test_cluster_bootstrap_equals_its_plain_twin():
    from framing.comparisons.groups import _reference_cluster_bootstrap_means

    table = _paragraph_table()
    values = [group["m"].to_numpy() for _, group in table.groupby("doc_id", sort=False)]
    sums = np.array([v.sum() for v in values])
    counts = np.array([len(v) for v in values])
    plain = _reference_cluster_bootstrap_means(values, resamples=500, rng=np.random.default_rng(3))
    low, high = cluster_bootstrap_mean_ci(sums, counts, resamples=500, rng=np.random.default_rng(3))
    expected = np.quantile(plain, [0.025, 0.975])
    assert (low, high) == pytest.approx(tuple(expected), rel=1e-12, abs=1e-12)


def test_one_row_per_cluster_is_the_row_bootstrap_draw_for_draw():
    rng = np.random.default_rng(4)
    a = rng.normal(0.2, 1, 40)
    assert cluster_bootstrap_mean_ci(a, np.ones(len(a)), rng=np.random.default_rng(9)) == (
        bootstrap_mean_ci(a, rng=np.random.default_rng(9))
    )


@pytest.mark.parametrize(
    ("n", "take", "margin_sd"),
    [
        (6, 2, None),  # every value added one at a time: the kept share rounds down to 0
        (6, 4, None),  # the rest is drawn, and taken off the total
        (12, 5, None),
        (12, 8, None),
        (12, 6, 0.0),  # aiming at the size: about half the rows keep too many and are redrawn
        (20, 3, None),
    ],
)
def test_subset_sums_draw_every_subset_equally_often(monkeypatch, n, take, margin_sd):
    from framing.comparisons import groups

    if margin_sd is not None:
        monkeypatch.setattr(groups, "_MARGIN_SD", margin_sd)
    draws = 100_000
    # Powers of two: each sum names its subset.
    sums = groups._subset_sums(
        2.0 ** np.arange(n), np.full(draws, take), rng=np.random.default_rng(1)
    )
    subsets, counts = np.unique(sums.astype(np.int64), return_counts=True)
    assert len(subsets) == math.comb(n, take)
    assert {bin(subset).count("1") for subset in subsets} == {take}
    expected = draws / len(subsets)
    chi_square = ((counts - expected) ** 2 / expected).sum()
    degrees = len(subsets) - 1  # chi-square's mean, with SD sqrt(2 * degrees)
    assert chi_square < degrees + 5 * math.sqrt(2 * degrees)


def test_subset_sums_take_a_size_per_row():
    from framing.comparisons.groups import _subset_sums

    take = np.array([0, 1, 5, 9, 10] * 200)
    sums = _subset_sums(2.0 ** np.arange(10), take, rng=np.random.default_rng(2))
    assert [bin(int(total)).count("1") for total in sums] == take.tolist()
    assert set(sums[take == 10]) == {1023.0} and set(sums[take == 0]) == {0.0}


@pytest.mark.parametrize(
    "pooled",
    [
        np.random.default_rng(3).normal(0.3, 1, 19),  # every value distinct
        np.array([0.0] * 11 + [0.5, 1, 1, 0.25, 2, 0.5, 3, 1]),  # mostly zeros, with ties
        np.array([1.0] * 12 + [0.0] * 7),  # two values: sums tie with the observed split
    ],
)
def test_cluster_permutation_of_single_rows_gives_the_exact_p_value(pooled):
    a, b = pooled[:10], pooled[10:]
    exact, splits = permutation_p_value(a, b, permutations=10**5, rng=np.random.default_rng(0))
    assert splits == math.comb(19, 10)  # 92,378 splits: the random path below
    sampled, used = cluster_permutation_p_value(
        a, np.ones(10), b, np.ones(9), permutations=20_000, rng=np.random.default_rng(5)
    )
    assert used == 20_000
    assert sampled == pytest.approx(exact, abs=4 * math.sqrt(exact * (1 - exact) / 20_000))
    again = cluster_permutation_p_value(
        a, np.ones(10), b, np.ones(9), permutations=20_000, rng=np.random.default_rng(5)
    )
    assert again == (sampled, used)


def test_exact_cluster_permutation_counts_every_split_of_documents():
    # Documents (sum, rows): a = (3, 2), (5, 1); b = (1, 1), (2, 2), (4, 1).
    sums_a, counts_a = np.array([3.0, 5.0]), np.array([2, 1])
    sums_b, counts_b = np.array([1.0, 2.0, 4.0]), np.array([1, 2, 1])
    sums, counts = np.concatenate([sums_a, sums_b]), np.concatenate([counts_a, counts_b])
    observed = abs(8 / 3 - 7 / 4)
    extreme = 0
    for members in itertools.combinations(range(5), 2):
        rest = [i for i in range(5) if i not in members]
        difference = sums[list(members)].sum() / counts[list(members)].sum() - (
            sums[rest].sum() / counts[rest].sum()
        )
        extreme += abs(difference) >= observed - 1e-12
    p_value, splits = cluster_permutation_p_value(
        sums_a, counts_a, sums_b, counts_b, rng=np.random.default_rng(0)
    )
    assert (p_value, splits) == (extreme / 10, 10)


def test_clusters_that_cannot_be_resampled_whole_are_refused():
    table = pd.DataFrame({"doc_id": ["x", "x", "y"], "g": ["a", "b", "b"], "m": [1.0, 2, 3]})
    with pytest.raises(FramingError, match="more than one 'g' group.*cluster=None"):
        framing.compare_groups(table, group_col="g", measures="m")
    assert framing.compare_groups(table, group_col="g", measures="m", cluster=None).unit == "row"
    with pytest.raises(InputError, match="no column 'url'"):
        framing.compare_groups(table, group_col="g", measures="m", cluster="url")


def test_the_benchmarks_baseline_gives_the_same_means_and_differences():
    from benchmarks.groups import compare_groups_before

    table = _paragraph_table()
    means, pairs = compare_groups_before(table, group_col="outlet", measures=["m"])
    now = framing.compare_groups(table, group_col="outlet", measures="m")
    assert [row[2] for row in means] == pytest.approx(now.means["mean"].tolist(), rel=1e-12)
    assert [row[3] for row in pairs] == pytest.approx(now.pairs["difference"].tolist(), rel=1e-12)
