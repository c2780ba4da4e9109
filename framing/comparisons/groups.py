"""Compare groups of paragraphs or articles: means with confidence intervals, effect sizes,
permutation tests, and the terms that separate two groups (keyness).

Everything is vectorised with numpy and reproducible: each group's draws come from a generator
seeded with ``seed`` (default :data:`DEFAULT_SEED`), the measure and the group's name, so one
group's interval never depends on another group's data.

A paragraph table has several rows per article, and paragraphs of one article are not
independent: :func:`compare_groups` resamples whole documents (a cluster bootstrap, and a
permutation of documents between groups) on ``cluster="doc_id"`` when the table has that
column. The statistic stays the mean over rows; only the unit that is resampled changes.

>>> import pandas as pd
>>> table = pd.DataFrame({"side": ["left"] * 3 + ["right"] * 3,
...                       "polarity": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]})
>>> result = compare_groups(table, group_col="side", measures=["polarity"])
>>> result.means[["group", "n", "mean"]].round(3).to_dict("records")
[{'group': 'left', 'n': 3, 'mean': 0.2}, {'group': 'right', 'n': 3, 'mean': 0.5}]
>>> round(float(result.pairs.loc[0, "cohens_d"]), 3), float(result.pairs.loc[0, "cliffs_delta"])
(-3.0, -1.0)
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.errors import FramingError, InputError
from framing.text.words import WORD

__all__ = [
    "compare_groups",
    "GroupComparison",
    "cluster_bootstrap_mean_ci",
    "cluster_permutation_p_value",
    "group_rng",
    "DEFAULT_CLUSTER",
    "keyness",
    "cohens_d",
    "cliffs_delta",
    "bootstrap_mean_ci",
    "permutation_p_value",
    "DEFAULT_SEED",
    "DEFAULT_RESAMPLES",
    "DEFAULT_PERMUTATIONS",
    "DEFAULT_CONFIDENCE",
]

#: Seed of the random generator, so that the same table gives the same intervals and p-values.
DEFAULT_SEED = 20171017
#: Bootstrap resamples: 2,000 gives percentile 95% limits stable to about 1% of their width
#: (Efron and Tibshirani 1993, ch. 19, recommend at least 1,000 for percentile intervals).
DEFAULT_RESAMPLES = 2_000
#: Random permutations for a permutation test: the p-value's Monte Carlo standard error is at
#: most 0.5/sqrt(10,000) = 0.005.
DEFAULT_PERMUTATIONS = 10_000
DEFAULT_CONFIDENCE = 0.95
#: The column whose rows belong together (a document): resampled whole when the table has it.
DEFAULT_CLUSTER = "doc_id"
#: ``GroupComparison.unit`` when rows are resampled one by one.
ROW_UNIT = "row"
#: Values drawn per block of resamples, so that memory stays at about 80 MB whatever n is.
_BLOCK_VALUES = 10_000_000
#: Levels of the 16-bit keys of :func:`_subset_sums`' first step: an item is kept when its key
#: is below a threshold, so each item is kept with probability threshold / 65,536.
_KEY_LEVELS = 1 << 16
#: Standard deviations of the kept count that :func:`_subset_sums` aims below the subset's size:
#: 2 leaves about 1 row in 44 over the size (drawn again) and some 2 SD of values to add one at a
#: time (about 75 of 3,000); the fastest of 1, 2 and 3 in one timing on PolNeAR's quoted share.
_MARGIN_SD = 2.0
#: Indices drawn per round of :func:`_subset_sums`' filling step.
_FILL_DRAWS = 64


@dataclass(frozen=True)
class GroupComparison:
    """The result of :func:`compare_groups`: two tidy tables.

    - ``means``: one row per measure and group: ``measure``, ``group``, ``n`` (rows),
      ``units`` (what was resampled: documents, or rows), ``mean`` (over rows), ``ci_low``,
      ``ci_high`` (bootstrap percentile interval).
    - ``pairs``: one row per measure and pair of groups: ``measure``, ``group_a``,
      ``group_b``, ``n_a``, ``n_b``, ``units_a``, ``units_b``, ``mean_a``, ``mean_b``,
      ``difference`` (a - b), ``cohens_d``, ``cliffs_delta`` (both over rows), ``p_value``
      (two-sided permutation test of the difference in means, permuting the units),
      ``permutations`` (the number drawn, or of all splits when exact).
    - ``unit``: the column whose values were resampled whole (``"doc_id"``), or ``"row"``.
    """

    means: pd.DataFrame
    pairs: pd.DataFrame
    unit: str = ROW_UNIT


def _blocks(total: int, width: int):
    per_block = max(1, _BLOCK_VALUES // max(width, 1))
    for start in range(0, total, per_block):
        yield min(per_block, total - start)


def bootstrap_mean_ci(
    values: np.ndarray,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    rng: np.random.Generator,
) -> tuple[float, float]:
    """Return the percentile bootstrap interval ``(low, high)`` of the mean of ``values``.

    >>> bootstrap_mean_ci(np.array([2.0, 2.0, 2.0]), rng=np.random.default_rng(0))
    (2.0, 2.0)
    """
    values = np.asarray(values, dtype=float)
    n = len(values)
    if n == 0:
        return (math.nan, math.nan)
    means = np.concatenate(
        [values[rng.integers(0, n, size=(size, n))].mean(axis=1) for size in _blocks(resamples, n)]
    )
    tail = (1 - confidence) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)


def cohens_d(a: np.ndarray, b: np.ndarray) -> float:
    """Return Cohen's d of ``a`` against ``b``: the difference in means over the pooled SD.

    The pooled standard deviation is ``sqrt(((n_a-1) var_a + (n_b-1) var_b) / (n_a+n_b-2))``
    with sample variances (Cohen 1988, eq. 2.5.2). ``nan`` when it is undefined.

    >>> cohens_d(np.array([1.0, 2.0, 3.0]), np.array([2.0, 3.0, 4.0]))
    -1.0
    """
    n_a, n_b = len(a), len(b)
    if n_a + n_b <= 2:
        return math.nan
    pooled = ((n_a - 1) * np.var(a, ddof=1 if n_a > 1 else 0)) + (
        (n_b - 1) * np.var(b, ddof=1 if n_b > 1 else 0)
    )
    sd = math.sqrt(pooled / (n_a + n_b - 2))
    if sd == 0:
        return math.nan
    return float((np.mean(a) - np.mean(b)) / sd)


def cliffs_delta(a: np.ndarray, b: np.ndarray) -> float:
    """Return Cliff's delta: P(a > b) - P(a < b) over all pairs, from -1 to 1 (Cliff 1993).

    Computed by sorting (n log n), not over all pairs.

    >>> cliffs_delta(np.array([1.0, 2.0, 3.0]), np.array([2.0, 3.0, 4.0]))
    -0.5555555555555556
    """
    if len(a) == 0 or len(b) == 0:
        return math.nan
    sorted_b = np.sort(np.asarray(b, dtype=float))
    a = np.asarray(a, dtype=float)
    below = np.searchsorted(sorted_b, a, side="left")  # b values < each a
    not_above = np.searchsorted(sorted_b, a, side="right")  # b values <= each a
    greater = below.sum()
    less = (len(sorted_b) - not_above).sum()
    return float((greater - less) / (len(a) * len(b)))


def permutation_p_value(
    a: np.ndarray,
    b: np.ndarray,
    *,
    permutations: int = DEFAULT_PERMUTATIONS,
    rng: np.random.Generator,
) -> tuple[float, int]:
    """Return the two-sided permutation p-value of the difference in means, and the splits used.

    When the number of distinct splits of the pooled values is at most ``permutations``, every
    split is used and the p-value is exact (the share of splits at least as extreme). Otherwise
    ``permutations`` random splits are drawn and the p-value is ``(k + 1) / (permutations + 1)``
    (Phipson and Smyth 2010), never 0. Each random split shuffles every value: this is the plain
    twin of :func:`cluster_permutation_p_value` with one row per cluster, which draws the same
    splits' law faster (:func:`_subset_sums`) and so other splits from the same ``rng``.

    >>> rng = np.random.default_rng(0)
    >>> permutation_p_value(np.array([1.0, 2.0]), np.array([3.0, 4.0]), rng=rng)
    (0.3333333333333333, 6)
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    n_a, n = len(a), len(a) + len(b)
    if len(a) == 0 or len(b) == 0:
        return math.nan, 0
    pooled = np.concatenate([a, b])
    total = pooled.sum()
    observed = abs(a.mean() - b.mean())
    # Differences equal up to rounding count as equal (as scipy.stats.permutation_test does).
    threshold = observed - 1e-12 * max(1.0, observed)
    splits = math.comb(n, n_a)
    if splits <= permutations:
        members = np.array(list(itertools.combinations(range(n), n_a)), dtype=np.intp)
        sums_a = pooled[members].sum(axis=1)
        differences = np.abs(sums_a / n_a - (total - sums_a) / (n - n_a))
        return float(np.count_nonzero(differences >= threshold) / splits), splits
    extreme = 0
    for size in _blocks(permutations, n):
        shuffled = rng.permuted(np.broadcast_to(pooled, (size, n)), axis=1)
        sums_a = shuffled[:, :n_a].sum(axis=1)
        differences = np.abs(sums_a / n_a - (total - sums_a) / (n - n_a))
        extreme += int(np.count_nonzero(differences >= threshold))
    return (extreme + 1) / (permutations + 1), permutations


def _name_key(name: object) -> int:
    return int.from_bytes(hashlib.sha256(str(name).encode("utf-8")).digest()[:8], "big")


def group_rng(seed: int, *names: object) -> np.random.Generator:
    """Return the generator for a measure and a group (or a pair): seeded from their names.

    The same seed and names always give the same draws, whatever else is compared.

    >>> a = group_rng(1, "polarity", "Breitbart").integers(0, 100, 3)
    >>> b = group_rng(1, "polarity", "Breitbart").integers(0, 100, 3)
    >>> bool((a == b).all())
    True
    """
    return np.random.default_rng([seed, *(_name_key(name) for name in names)])


def cluster_bootstrap_mean_ci(
    sums: np.ndarray,
    counts: np.ndarray,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    rng: np.random.Generator,
) -> tuple[float, float]:
    """Return the percentile interval of the mean over rows, resampling whole clusters.

    Cluster ``i`` has ``counts[i]`` rows whose values add up to ``sums[i]``. Each resample
    draws as many clusters as there are, with replacement, and its mean is the sum of their
    values over the number of their rows (the ratio estimator; Davison and Hinkley 1997,
    section 3.8). With one row per cluster this is :func:`bootstrap_mean_ci`, draw for draw.

    >>> cluster_bootstrap_mean_ci(np.array([4.0, 2.0]), np.array([2, 1]),
    ...                           rng=np.random.default_rng(0))
    (2.0, 2.0)
    """
    sums = np.asarray(sums, dtype=float)
    counts = np.asarray(counts, dtype=float)
    k = len(sums)
    if k == 0:
        return (math.nan, math.nan)
    # With one row per cluster every resample has k rows: no need to add the counts up.
    one_row_each = bool((counts == 1).all())
    means = []
    for size in _blocks(resamples, k):
        drawn = rng.integers(0, k, size=(size, k))
        rows = float(k) if one_row_each else counts[drawn].sum(axis=1)
        means.append(sums[drawn].sum(axis=1) / rows)
    tail = (1 - confidence) / 2
    low, high = np.quantile(np.concatenate(means), [tail, 1 - tail])
    return float(low), float(high)


def _reference_cluster_bootstrap_means(
    values: Sequence[np.ndarray], *, resamples: int, rng: np.random.Generator
) -> np.ndarray:
    """The plain twin of :func:`cluster_bootstrap_mean_ci`'s resampled means, one at a time.

    ``values`` holds each cluster's row values; the draws are the same as the fast path's.
    """
    k = len(values)
    means = []
    for size in _blocks(resamples, k):
        for drawn in rng.integers(0, k, size=(size, k)):
            rows = np.concatenate([values[index] for index in drawn])
            means.append(rows.sum() / len(rows))
    return np.array(means)


def cluster_permutation_p_value(
    sums_a: np.ndarray,
    counts_a: np.ndarray,
    sums_b: np.ndarray,
    counts_b: np.ndarray,
    *,
    permutations: int = DEFAULT_PERMUTATIONS,
    rng: np.random.Generator,
) -> tuple[float, int]:
    """Return the two-sided permutation p-value of the difference in means, permuting clusters.

    Whole clusters (documents) are shuffled between the groups, each group keeping its number
    of clusters; the statistic is the difference of the means over rows. Exact (every split of
    the clusters) when there are at most ``permutations`` splits, otherwise ``(k + 1) /
    (permutations + 1)`` over random splits, as :func:`permutation_p_value`. With one row per
    cluster the random splits are drawn as sums of uniform subsets (:func:`_subset_sums`), not
    by shuffling: the same test, a few times faster, with other draws than
    :func:`permutation_p_value` from the same ``rng``.

    >>> ones = np.array([1, 1])
    >>> cluster_permutation_p_value(np.array([1.0, 2.0]), ones, np.array([3.0, 4.0]), ones,
    ...                             rng=np.random.default_rng(0))
    (0.3333333333333333, 6)
    """
    sums = np.concatenate([sums_a, sums_b]).astype(float)
    counts = np.concatenate([counts_a, counts_b]).astype(float)
    k_a, k = len(sums_a), len(sums)
    if k_a == 0 or k_a == k:
        return math.nan, 0
    total_sum, total_count = sums.sum(), counts.sum()
    observed = abs(sums[:k_a].sum() / counts[:k_a].sum() - sums[k_a:].sum() / counts[k_a:].sum())
    # Differences equal up to rounding count as equal (as scipy.stats.permutation_test does).
    threshold = observed - 1e-12 * max(1.0, observed)

    one_row_each = bool((counts == 1).all())

    def differences(members: np.ndarray) -> np.ndarray:
        sum_a = sums[members].sum(axis=1)
        # With one row per cluster every split has k_a rows: no need to add the counts up.
        count_a = float(k_a) if one_row_each else counts[members].sum(axis=1)
        return np.abs(sum_a / count_a - (total_sum - sum_a) / (total_count - count_a))

    splits = math.comb(k, k_a)
    if splits <= permutations:
        members = np.array(list(itertools.combinations(range(k), k_a)), dtype=np.intp)
        return float(np.count_nonzero(differences(members) >= threshold) / splits), splits
    extreme = 0
    order = np.arange(k)
    if one_row_each:
        # Rows equal to the commonest value add nothing once it is taken off: how many of the
        # others fall in group a is hypergeometric, and which of them a uniform subset.
        distinct, repeats = np.unique(sums, return_counts=True)
        common = distinct[np.argmax(repeats)]
        others = sums[sums != common] - common
    for size in _blocks(permutations, k):
        if one_row_each:
            taken = rng.hypergeometric(len(others), k - len(others), k_a, size=size)
            sum_a = _subset_sums(others, taken, rng=rng) + k_a * common
            found = np.abs(sum_a / k_a - (total_sum - sum_a) / (total_count - k_a))
        else:
            found = differences(rng.permuted(np.broadcast_to(order, (size, k)), axis=1)[:, :k_a])
        extreme += int(np.count_nonzero(found >= threshold))
    return (extreme + 1) / (permutations + 1), permutations


def _subset_sums(values: np.ndarray, take: np.ndarray, *, rng: np.random.Generator) -> np.ndarray:
    """Return for each entry of ``take`` the sum of a uniform random subset of that many values.

    The law is that of the first ``take`` values of a random permutation, which
    :func:`permutation_p_value` draws by shuffling every value (one swap each); here three numpy
    passes over the values do it. Of the smaller side (``take`` or the rest), every value is
    kept with one probability a little below its share (16-bit keys under a threshold), a row
    that kept too many is drawn again, and the values still missing are added from indices
    drawn uniformly, each new one in the order drawn. Every step treats all values alike, so
    every subset of the size is equally likely (tested on the frequencies of every subset).
    """
    n = len(values)
    take = np.asarray(take, dtype=np.int64)
    if n == 0:
        return np.zeros(len(take))
    flip = take > n // 2
    small = np.where(flip, n - take, take)
    spread = np.sqrt(small * (1 - small / n))
    low = np.clip(small - _MARGIN_SD * spread, 0, None)
    thresholds = np.floor(low / n * _KEY_LEVELS).astype(np.int64)[:, None]
    kept = np.empty((len(take), n), dtype=bool)
    pending = np.arange(len(take))
    while len(pending):
        # Raw 64-bit words cut in four 16-bit keys: ten times faster than integers(0, 2**16).
        words = rng.bit_generator.random_raw(-(-len(pending) * n // 4))
        keys = words.view(np.uint16)[: len(pending) * n].reshape(len(pending), n)
        drawn = keys < thresholds[pending]
        over = np.count_nonzero(drawn, axis=1) > small[pending]
        kept[pending[~over]] = drawn[~over]
        pending = pending[over]
    sums = np.einsum("ij,j->i", kept, values)
    missing = small - np.count_nonzero(kept, axis=1)
    kept = kept.reshape(-1)  # flat, so that row r's item i is kept[r * n + i]
    active = np.flatnonzero(missing)
    while len(active):
        starts, still, added = active * n, missing[active], np.zeros(len(active))
        for index in rng.integers(0, n, size=(_FILL_DRAWS, len(active))):
            at = starts + index
            new = ~kept[at] & (still > 0)
            kept[at] = True  # a row with nothing missing is finished: its marks are not read
            added += values[index] * new
            still -= new
        sums[active] += added
        missing[active] = still
        active = active[still > 0]
    return np.where(flip, values.sum() - sums, sums)


def _clusters_of(
    table: pd.DataFrame, group_col: str, cluster: str | None, explicit: bool
) -> tuple[np.ndarray, str]:
    """Return each row's cluster number and the unit's name (``"row"`` when rows are units)."""
    if cluster is None or (not explicit and cluster not in table.columns):
        return np.arange(len(table)), ROW_UNIT
    if cluster not in table.columns:
        raise InputError(
            f"the table has no column {cluster!r} to resample by; name the document column with "
            "cluster=, or pass cluster=None to resample rows one by one"
        )
    ids = table[cluster]
    if ids.isna().any():
        raise InputError(
            f"{int(ids.isna().sum())} rows have no {cluster!r}; fill it in, or pass "
            "cluster=None to resample rows one by one"
        )
    spread = table.groupby(ids, sort=False, dropna=False)[group_col].nunique(dropna=True)
    if (spread > 1).any():
        shared = spread.index[spread > 1][0]
        raise FramingError(
            f"{cluster} {shared!r} has rows in more than one {group_col!r} group, so its rows "
            f"cannot be resampled whole; compare by a column of whole documents, or pass "
            "cluster=None to resample rows one by one"
        )
    return pd.factorize(ids)[0], cluster


def _cluster_totals(values: np.ndarray, clusters: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the sum and the number of rows of each cluster present, in order of appearance."""
    codes, _ = pd.factorize(clusters)
    sums = np.bincount(codes, weights=values)
    counts = np.bincount(codes).astype(float)
    return sums, counts


def compare_groups(
    table: pd.DataFrame,
    *,
    group_col: str,
    measures: Sequence[str] | str,
    groups: Sequence | None = None,
    cluster: str | None = DEFAULT_CLUSTER,
    resamples: int = DEFAULT_RESAMPLES,
    permutations: int = DEFAULT_PERMUTATIONS,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> GroupComparison:
    """Return per-group means with bootstrap CIs, and effect sizes and permutation tests per pair.

    ``table`` has one row per paragraph or article with its group in ``group_col`` and numeric
    ``measures``. Missing values of a measure are left out of that measure (``n`` says how many
    were used). ``groups`` chooses and orders the groups (default: all, sorted).

    ``cluster`` names the column of the documents that rows belong to (default ``doc_id``,
    used when the table has it): whole documents are resampled by the bootstrap and permuted
    between groups, since paragraphs of one article are not independent. ``cluster=None``
    resamples rows. The mean stays the mean over rows; ``unit`` in the result says what was
    resampled. Each group's bootstrap is seeded from ``seed``, the measure and the group's
    name, and each pair's permutations from both names (:func:`group_rng`).
    See :class:`GroupComparison` for the columns.
    """
    measures = [measures] if isinstance(measures, str) else list(measures)
    explicit = cluster is not None and cluster != DEFAULT_CLUSTER
    missing = [column for column in [group_col, *measures] if column not in table.columns]
    if missing:
        raise InputError(
            f"the table has no column {missing[0]!r}; use one of: "
            + ", ".join(map(str, table.columns))
        )
    if not 0 < confidence < 1:
        raise FramingError(f"confidence={confidence!r} is not valid; use a number between 0 and 1")
    present = list(pd.unique(table[group_col].dropna()))
    if groups is None:
        groups = sorted(present, key=str)
    else:
        unknown = [group for group in groups if group not in present]
        if unknown:
            raise FramingError(
                f"groups {unknown} are not in {group_col!r}; use some of: "
                + ", ".join(map(str, sorted(present, key=str)))
            )
    clusters, unit = _clusters_of(table, group_col, cluster, explicit)
    labels = table[group_col].to_numpy()
    in_group = {group: labels == group for group in groups}
    mean_rows, pair_rows = [], []
    for measure in measures:
        column = pd.to_numeric(table[measure], errors="coerce")
        if column.notna().sum() == 0 and table[measure].notna().any():
            raise InputError(f"column {measure!r} is not numeric; give numeric measures")
        column = column.to_numpy(dtype=float)
        present_values = ~np.isnan(column)
        values, totals = {}, {}
        for group in groups:
            chosen = in_group[group] & present_values
            values[group] = column[chosen]
            totals[group] = _cluster_totals(values[group], clusters[chosen])
        for group in groups:
            low, high = cluster_bootstrap_mean_ci(
                *totals[group],
                resamples=resamples,
                confidence=confidence,
                rng=group_rng(seed, measure, group),
            )
            sample = values[group]
            mean_rows.append(
                {
                    "measure": measure,
                    "group": group,
                    "n": len(sample),
                    "units": len(totals[group][0]),
                    "mean": float(sample.mean()) if len(sample) else math.nan,
                    "ci_low": low,
                    "ci_high": high,
                }
            )
        for group_a, group_b in itertools.combinations(groups, 2):
            a, b = values[group_a], values[group_b]
            p_value, used = cluster_permutation_p_value(
                *totals[group_a],
                *totals[group_b],
                permutations=permutations,
                rng=group_rng(seed, measure, group_a, group_b),
            )
            mean_a = float(a.mean()) if len(a) else math.nan
            mean_b = float(b.mean()) if len(b) else math.nan
            pair_rows.append(
                {
                    "measure": measure,
                    "group_a": group_a,
                    "group_b": group_b,
                    "n_a": len(a),
                    "n_b": len(b),
                    "units_a": len(totals[group_a][0]),
                    "units_b": len(totals[group_b][0]),
                    "mean_a": mean_a,
                    "mean_b": mean_b,
                    "difference": mean_a - mean_b,
                    "cohens_d": cohens_d(a, b),
                    "cliffs_delta": cliffs_delta(a, b),
                    "p_value": p_value,
                    "permutations": used,
                }
            )
    means = pd.DataFrame(
        mean_rows, columns=["measure", "group", "n", "units", "mean", "ci_low", "ci_high"]
    )
    pairs = pd.DataFrame(
        pair_rows,
        columns=[
            "measure",
            "group_a",
            "group_b",
            "n_a",
            "n_b",
            "units_a",
            "units_b",
            "mean_a",
            "mean_b",
            "difference",
            "cohens_d",
            "cliffs_delta",
            "p_value",
            "permutations",
        ],
    )
    return GroupComparison(means=means, pairs=pairs, unit=unit)


def keyness(
    table: pd.DataFrame,
    *,
    group_col: str,
    groups: Sequence,
    text_col: str = "text",
    prior_scale: float = 1.0,
    min_count: int = 1,
) -> pd.DataFrame:
    """Return every term with its log-odds ratio between two groups, most group-a-like first.

    With more than two ``groups``, each group is compared with the rest of them together
    (``count_b`` is then the count in the other groups), and the table starts with a ``group``
    column, the groups in the order given, each with its terms most group-like first. The prior
    is the term's count over all the groups, so that with two groups the figures are the same.

    The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
    "Fightin' Words", eqs. 16-22): with ``y`` a term's count in a group, ``n`` the group's
    total, ``alpha`` the term's prior count and ``alpha0`` the prior's total,

    ``delta = log((y_a + alpha) / (n_a + alpha0 - y_a - alpha))
    - log((y_b + alpha) / (n_b + alpha0 - y_b - alpha))``, ``variance = 1/(y_a + alpha) +
    1/(y_b + alpha)``, ``z = delta / sqrt(variance)``.

    The prior is the term's count over both groups times ``prior_scale`` (the paper's
    informative prior from the whole corpus). Terms are the words of :mod:`framing.text`,
    lower-cased; ``min_count`` drops terms seen fewer times in the two groups together.
    Columns: ``term``, ``count_a``, ``count_b``, ``log_odds``, ``variance``, ``z``.

    >>> table = pd.DataFrame({"side": ["L", "L", "R"],
    ...                       "text": ["tax cuts for the rich", "the rich", "tax relief"]})
    >>> keyness(table, group_col="side", groups=["L", "R"])["term"].tolist()[:2]
    ['rich', 'the']
    """
    from sklearn.feature_extraction.text import CountVectorizer

    if isinstance(groups, str) or len(groups) < 2 or len(set(groups)) < len(groups):
        raise FramingError(
            f"keyness compares two or more distinct groups, not {groups!r}; give groups=[a, b]"
        )
    for column in (group_col, text_col):
        if column not in table.columns:
            raise InputError(
                f"the table has no column {column!r}; use one of: "
                + ", ".join(map(str, table.columns))
            )
    if prior_scale <= 0:
        raise FramingError(f"prior_scale={prior_scale!r} is not valid; use a number > 0")
    masks = [(table[group_col] == group).to_numpy() for group in groups]
    for group, mask in zip(groups, masks, strict=True):
        if not mask.any():
            raise FramingError(f"group {group!r} has no rows in {group_col!r}")
    chosen = np.logical_or.reduce(masks)
    texts = table.loc[chosen, text_col].fillna("").astype(str)
    vectorizer = CountVectorizer(token_pattern=WORD.pattern, lowercase=True)
    matrix = vectorizer.fit_transform(texts)
    terms = vectorizer.get_feature_names_out()
    counts = [np.asarray(matrix[mask[chosen]].sum(axis=0)).ravel().astype(float) for mask in masks]
    total = np.sum(counts, axis=0)
    keep = total >= min_count
    if len(groups) == 2:
        result = _log_odds(terms, counts[0], counts[1], prior_scale * total)[keep]
        result = result.sort_values(["z", "term"], ascending=[False, True], kind="stable")
    else:
        parts = []
        for group, in_group in zip(groups, counts, strict=True):
            part = _log_odds(terms, in_group, total - in_group, prior_scale * total)[keep]
            part = part.sort_values(["z", "term"], ascending=[False, True], kind="stable")
            parts.append(part.assign(group=group))
        result = pd.concat(parts)
        result = result[["group", *result.columns[:-1]]]
    result.attrs["groups"] = list(groups)
    return result.reset_index(drop=True)


def _log_odds(
    terms: np.ndarray, counts_a: np.ndarray, counts_b: np.ndarray, alpha: np.ndarray
) -> pd.DataFrame:
    """Return Monroe et al.'s log-odds ratio of each term, group a against group b, with prior
    counts ``alpha`` (see :func:`keyness`)."""
    alpha0 = alpha.sum()
    n_a, n_b = counts_a.sum(), counts_b.sum()
    log_odds = np.log((counts_a + alpha) / (n_a + alpha0 - counts_a - alpha)) - np.log(
        (counts_b + alpha) / (n_b + alpha0 - counts_b - alpha)
    )
    variance = 1.0 / (counts_a + alpha) + 1.0 / (counts_b + alpha)
    return pd.DataFrame(
        {
            "term": terms,
            "count_a": counts_a.astype(np.int64),
            "count_b": counts_b.astype(np.int64),
            "log_odds": log_odds,
            "variance": variance,
            "z": log_odds / np.sqrt(variance),
        }
    )
