"""Paired differences: each article minus the report it draws on, by outlet or side.

An article and its report share a story, so their measures are not independent: comparing the
mean of all articles with the mean of all reports mixes the outlet's framing with the story's
own tone. :func:`paired_differences` works on the difference within each pair instead (the
article table of :func:`framing.comparisons.corpus.compare_corpus`, whose ``article_NAME`` and
``source_NAME`` columns hold the two sides), and reports per group and measure:

- the mean difference with a percentile bootstrap interval over pairs;
- Cohen's ``d_z``, the mean difference over the standard deviation of the differences (Cohen
  1988, eq. 2.3.5; Lakens 2013), the effect size of a paired design;
- a two-sided sign-flip permutation test of the mean difference (exact when there are at most
  ``permutations`` sign patterns).

>>> import pandas as pd
>>> table = pd.DataFrame({"side": ["left", "left", "left", "right", "right", "right"],
...                       "article_x": [3.0, 4.0, 5.0, 1.0, 2.0, 2.5],
...                       "source_x": [1.0, 1.5, 2.0, 1.0, 1.5, 3.0]})
>>> result = paired_differences(table, measures=["x"], by="side")
>>> result[["group", "n", "mean_difference", "cohens_dz"]].round(2).to_dict("records")
... # doctest: +NORMALIZE_WHITESPACE
[{'group': 'left', 'n': 3, 'mean_difference': 2.5, 'cohens_dz': 5.0},
 {'group': 'right', 'n': 3, 'mean_difference': 0.0, 'cohens_dz': 0.0},
 {'group': 'all', 'n': 6, 'mean_difference': 1.25, 'cohens_dz': 0.87}]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from framing.comparisons.groups import (
    DEFAULT_CONFIDENCE,
    DEFAULT_PERMUTATIONS,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    bootstrap_mean_ci,
)
from framing.errors import FramingError, InputError

__all__ = ["paired_differences", "sign_flip_p_value", "cohens_dz", "PAIRED_COLUMNS", "ALL_GROUPS"]

#: The group label of the rows over every pair, when ``by`` is given.
ALL_GROUPS = "all"

PAIRED_COLUMNS = [
    "measure",
    "group",
    "n",
    "n_missing",
    "mean_article",
    "mean_source",
    "mean_difference",
    "ci_low",
    "ci_high",
    "cohens_dz",
    "p_value",
    "permutations",
]


def cohens_dz(differences: np.ndarray) -> float:
    """Return Cohen's d_z: the mean of paired differences over their standard deviation.

    ``nan`` with fewer than two differences or when they do not vary.

    >>> cohens_dz(np.array([1.0, 2.0, 3.0]))
    2.0
    """
    differences = np.asarray(differences, dtype=float)
    if len(differences) < 2:
        return math.nan
    sd = float(np.std(differences, ddof=1))
    return math.nan if sd == 0 else float(np.mean(differences) / sd)


def sign_flip_p_value(
    differences: np.ndarray,
    *,
    permutations: int = DEFAULT_PERMUTATIONS,
    rng: np.random.Generator,
) -> tuple[float, int]:
    """Return the two-sided sign-flip permutation p-value of the mean difference, and the flips.

    Under the null hypothesis each pair's difference is as likely positive as negative. With at
    most ``permutations`` sign patterns (``2**n``) every pattern is used and the p-value is
    exact; otherwise ``permutations`` random patterns give ``(k + 1) / (permutations + 1)``.

    >>> sign_flip_p_value(np.array([1.0, 2.0, 3.0]), rng=np.random.default_rng(0))
    (0.25, 8)
    """
    differences = np.asarray(differences, dtype=float)
    n = len(differences)
    if n == 0:
        return math.nan, 0
    observed = abs(differences.mean())
    threshold = observed - 1e-12 * max(1.0, observed)
    if 2**n <= permutations:
        signs = np.array(list(itertools.product((1.0, -1.0), repeat=n)))
        means = np.abs(signs @ differences / n)
        return float(np.count_nonzero(means >= threshold) / len(signs)), len(signs)
    extreme = 0
    block = max(1, 10_000_000 // n)
    for start in range(0, permutations, block):
        size = min(block, permutations - start)
        signs = rng.choice((1.0, -1.0), size=(size, n))
        extreme += int(np.count_nonzero(np.abs(signs @ differences / n) >= threshold))
    return (extreme + 1) / (permutations + 1), permutations


def paired_differences(
    table: pd.DataFrame,
    *,
    measures: Sequence[str],
    by: str | None = None,
    article_prefix: str = "article_",
    source_prefix: str = "source_",
    resamples: int = DEFAULT_RESAMPLES,
    permutations: int = DEFAULT_PERMUTATIONS,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Return article-minus-report differences per measure (and per group of ``by``).

    Each measure ``NAME`` is read from the columns ``article_prefix + NAME`` and
    ``source_prefix + NAME`` (as :func:`~framing.comparisons.corpus.compare_corpus` names
    them); a pair where either is missing is left out of that measure and counted in
    ``n_missing``. With ``by``, one row per group (in sorted order) and then one over all pairs
    (group :data:`ALL_GROUPS`). Columns: :data:`PAIRED_COLUMNS`; the interval is the percentile
    bootstrap of the mean difference (``resamples``, ``confidence``), ``p_value`` the sign-flip
    test, all drawn from a generator seeded with ``seed``.
    """
    if isinstance(measures, str) or not measures:
        raise FramingError("measures must be a list of measure names, e.g. ['quoted_share']")
    for measure in measures:
        for column in (article_prefix + measure, source_prefix + measure):
            if column not in table.columns:
                raise InputError(
                    f"the table has no column {column!r} for the measure {measure!r}; give a "
                    "table with both sides of each pair (compare_corpus(...).articles)"
                )
    if by is not None and by not in table.columns:
        raise InputError(
            f"the table has no column {by!r} to group by; name one of: "
            + ", ".join(map(str, table.columns))
        )
    if not 0 < confidence < 1:
        raise FramingError(f"confidence={confidence!r} is not valid; give a number between 0 and 1")
    rng = np.random.default_rng(seed)
    groups: list[tuple[object, pd.DataFrame]] = [(ALL_GROUPS, table)]
    if by is not None:
        labelled = table[table[by].notna()]
        groups = [(name, part) for name, part in labelled.groupby(by, sort=True)] + groups
    rows = []
    for measure in measures:
        for name, part in groups:
            article = part[article_prefix + measure].to_numpy(dtype=float)
            source = part[source_prefix + measure].to_numpy(dtype=float)
            present = ~(np.isnan(article) | np.isnan(source))
            differences = article[present] - source[present]
            low, high = bootstrap_mean_ci(
                differences, resamples=resamples, confidence=confidence, rng=rng
            )
            p_value, used = sign_flip_p_value(differences, permutations=permutations, rng=rng)
            nan = math.nan
            rows.append(
                {
                    "measure": measure,
                    "group": name,
                    "n": int(present.sum()),
                    "n_missing": int((~present).sum()),
                    "mean_article": float(article[present].mean()) if present.any() else nan,
                    "mean_source": float(source[present].mean()) if present.any() else nan,
                    "mean_difference": float(differences.mean()) if present.any() else nan,
                    "ci_low": low,
                    "ci_high": high,
                    "cohens_dz": cohens_dz(differences),
                    "p_value": p_value,
                    "permutations": used,
                }
            )
    return pd.DataFrame(rows, columns=PAIRED_COLUMNS)
