"""Paired differences: article minus its report, with intervals, effect sizes and tests."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from framing.comparisons.paired import (
    ALL_GROUPS,
    PAIRED_COLUMNS,
    cohens_dz,
    paired_differences,
    sign_flip_p_value,
)
from framing.errors import FramingError, InputError


def _table(seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    source = rng.normal(1.0, 0.5, 60)
    shift = np.repeat([0.8, 0.0, -0.3], 20)
    return pd.DataFrame(
        {
            "outlet": np.repeat(["Left Daily", "Center Wire", "Right Post"], 20),
            "article_loaded": source + shift + rng.normal(0, 0.3, 60),
            "source_loaded": source,
        }
    )


def test_each_group_then_all_pairs_with_the_difference_and_its_interval():
    table = _table()
    result = paired_differences(table, measures=["loaded"], by="outlet")
    assert list(result.columns) == PAIRED_COLUMNS
    assert result["group"].tolist() == ["Center Wire", "Left Daily", "Right Post", ALL_GROUPS]
    for _, row in result.iterrows():
        part = table if row["group"] == ALL_GROUPS else table[table["outlet"] == row["group"]]
        differences = part["article_loaded"] - part["source_loaded"]
        assert row["n"] == len(part)
        assert row["mean_difference"] == pytest.approx(differences.mean())
        assert row["mean_difference"] == pytest.approx(row["mean_article"] - row["mean_source"])
        assert row["ci_low"] < row["mean_difference"] < row["ci_high"]
        assert row["cohens_dz"] == pytest.approx(differences.mean() / differences.std(ddof=1))
    left = result.set_index("group").loc["Left Daily"]
    assert left["p_value"] < 0.001 and left["ci_low"] > 0.5
    center = result.set_index("group").loc["Center Wire"]
    assert center["p_value"] > 0.05 and center["ci_low"] < 0 < center["ci_high"]


def test_the_same_table_gives_the_same_figures():
    first = paired_differences(_table(), measures=["loaded"], by="outlet")
    second = paired_differences(_table(), measures=["loaded"], by="outlet")
    pd.testing.assert_frame_equal(first, second)


def test_a_pair_missing_a_side_is_counted_not_used():
    table = _table()
    table.loc[[0, 1], "source_loaded"] = np.nan
    table.loc[2, "article_loaded"] = np.nan
    result = paired_differences(table, measures=["loaded"]).iloc[0]
    assert (result["n"], result["n_missing"]) == (57, 3)


@pytest.mark.parametrize("n", [1, 3, 8])
def test_the_sign_flip_test_is_exact_for_few_pairs(n):
    differences = np.linspace(0.5, 2.0, n) * np.array([1, -1] * n)[:n] + 0.3
    p_value, used = sign_flip_p_value(differences, rng=np.random.default_rng(0))
    observed = abs(differences.mean())
    flips = [
        abs(np.mean(differences * np.array(signs))) >= observed - 1e-12
        for signs in itertools.product((1, -1), repeat=n)
    ]
    assert used == 2**n
    assert p_value == pytest.approx(np.mean(flips))


def test_the_sign_flip_test_agrees_with_scipy_for_many_pairs():
    differences = np.random.default_rng(3).normal(0.3, 1.0, 40)
    p_value, used = sign_flip_p_value(differences, rng=np.random.default_rng(0))
    expected = stats.permutation_test(
        (differences,),
        np.mean,
        permutation_type="samples",
        n_resamples=20_000,
        random_state=1,
    ).pvalue
    assert used == 10_000
    assert p_value == pytest.approx(expected, abs=0.02)


def test_cohens_dz_is_undefined_without_variation():
    assert math.isnan(cohens_dz(np.array([1.0, 1.0])))
    assert math.isnan(cohens_dz(np.array([1.0])))
    assert cohens_dz(np.array([1.0, 3.0])) == pytest.approx(2.0 / math.sqrt(2.0))


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"measures": ["quoted_share"]}, InputError, "article_quoted_share"),
        ({"measures": "loaded"}, FramingError, "list of measure names"),
        ({"measures": ["loaded"], "by": "side"}, InputError, "'side'"),
        ({"measures": ["loaded"], "confidence": 95}, FramingError, "between 0 and 1"),
    ],
)
def test_bad_options_say_what_to_give(options, error, message):
    with pytest.raises(error, match=message):
        paired_differences(_table(), **options)
