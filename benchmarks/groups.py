"""compare_groups on PolNeAR's paragraph table: speed against the implementation it replaced.

Measures PolNeAR's training articles (840, 7 publishers; :func:`framing.datasets.load_polnear`)
with :func:`framing.analyze` (16,325 paragraphs), then times, in the same run,

- ``before``: :func:`compare_groups_before`, the implementation this one replaced, copied as
  it was (every paragraph a unit; one random generator shared by every group and pair);
- ``documents``: :func:`framing.compare_groups` with its default, whole documents resampled
  (``cluster="doc_id"``);
- ``rows``: :func:`framing.compare_groups` with ``cluster=None`` (every paragraph a unit),

each on ``quoted_share`` by ``publisher`` with 2,000 resamples and 10,000 permutations, and
prints the seconds and the ratio to ``before``. ``rows`` draws its random splits as sums of
uniform subsets, not by shuffling, so its p-values differ from shuffling's by chance alone: it
prints, for the 21 pairs, the largest difference from the p-value of
:func:`~framing.comparisons.groups.permutation_p_value` (shuffles) with the pair's own seed, in
standard errors of that difference. It then prints the Breitbart minus New York
Times and Breitbart minus HuffPost differences in quoted share three ways: by paragraph with
paragraphs as units, by paragraph with articles as units, and over a table of one row per
article (the mean of its paragraphs' shares). ``--no-timing`` prints only these.

    python benchmarks/groups.py [--data-dir ../shared/data] [--repeats 3] [--no-timing]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import framing
from framing.comparisons.groups import (
    DEFAULT_CONFIDENCE,
    DEFAULT_PERMUTATIONS,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    bootstrap_mean_ci,
    group_rng,
    permutation_p_value,
)
from framing.datasets import load_polnear

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import best_of

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
MEASURE = "quoted_share"


def compare_groups_before(table: pd.DataFrame, *, group_col: str, measures, seed=DEFAULT_SEED):
    """The means and pairs of framing 0.2's compare_groups (main at 7692d01), as it computed
    them: rows resampled one by one, one generator for every group and pair in turn."""
    groups = sorted(pd.unique(table[group_col].dropna()), key=str)
    rng = np.random.default_rng(seed)
    mean_rows, pair_rows = [], []
    for measure in measures:
        column = pd.to_numeric(table[measure], errors="coerce")
        values = {
            group: column[table[group_col] == group].dropna().to_numpy(dtype=float)
            for group in groups
        }
        for group in groups:
            low, high = bootstrap_mean_ci(
                values[group],
                resamples=DEFAULT_RESAMPLES,
                confidence=DEFAULT_CONFIDENCE,
                rng=rng,
            )
            mean_rows.append((measure, group, values[group].mean(), low, high))
        for group_a, group_b in itertools.combinations(groups, 2):
            a, b = values[group_a], values[group_b]
            p_value, _ = permutation_p_value(a, b, permutations=DEFAULT_PERMUTATIONS, rng=rng)
            pair_rows.append((measure, group_a, group_b, a.mean() - b.mean(), p_value))
    return mean_rows, pair_rows


def paragraph_table(data_dir: Path) -> pd.DataFrame:
    corpus = load_polnear("train", data_dir=data_dir)
    return framing.analyze(corpus, id_col="doc_id", keep=["publisher"], progress=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-timing", action="store_true", help="only the differences")
    args = parser.parse_args()
    table = paragraph_table(args.data_dir)
    print(
        f"{len(table):,} paragraphs, {table['doc_id'].nunique()} articles, "
        f"{table['publisher'].nunique()} publishers; {MEASURE}"
        + ("" if args.no_timing else f"; best of {args.repeats}")
    )
    options = {"group_col": "publisher", "measures": [MEASURE]}
    if not args.no_timing:
        print_timings(table, options, args.repeats)
    articles = table.groupby(["doc_id", "publisher"], as_index=False)[MEASURE].mean()
    for other, name in (("nyt", "New York Times"), ("huff-post", "HuffPost")):
        print(f"\nBreitbart minus {name}, {MEASURE}")
        for label, frame, cluster in (
            ("by paragraph, paragraphs resampled", table, None),
            ("by paragraph, articles resampled", table, "doc_id"),
            ("by article (mean of its paragraphs)", articles, "doc_id"),
        ):
            result = framing.compare_groups(
                frame, cluster=cluster, groups=["breitbart", other], **options
            )
            pair = result.pairs.iloc[0]
            means = result.means.set_index("group")
            intervals = "  ".join(
                f"{group} {means.loc[group, 'mean']:.3f} "
                f"[{means.loc[group, 'ci_low']:.3f}, {means.loc[group, 'ci_high']:.3f}]"
                for group in ("breitbart", other)
            )
            print(
                f"  {label:<38} {pair['difference']:+.3f}  p = {pair['p_value']:.4f}  "
                f"{intervals}  units {pair['units_a']}/{pair['units_b']}"
            )


def print_timings(table: pd.DataFrame, options: dict, repeats: int) -> None:
    before = best_of(repeats, lambda: compare_groups_before(table, **options))
    documents = best_of(repeats, lambda: framing.compare_groups(table, **options))
    rows = best_of(repeats, lambda: framing.compare_groups(table, cluster=None, **options))
    print(f"{'before (rows, one generator)':<34} {before:7.2f} s  x1.00")
    for name, seconds in (
        ("documents (cluster='doc_id')", documents),
        ("rows (cluster=None)", rows),
    ):
        print(f"{name:<34} {seconds:7.2f} s  x{before / seconds:.2f}")
    print_p_values_against_shuffles(table, options)


def print_p_values_against_shuffles(table: pd.DataFrame, options: dict) -> None:
    """Print how far ``cluster=None``'s p-values are from shuffling's, in standard errors."""
    pairs = framing.compare_groups(table, cluster=None, **options).pairs
    worst = (0.0, 0.0, None)
    for pair in pairs.itertuples():
        values = [
            table.loc[table[options["group_col"]] == group, pair.measure].dropna().to_numpy(float)
            for group in (pair.group_a, pair.group_b)
        ]
        rng = group_rng(DEFAULT_SEED, pair.measure, pair.group_a, pair.group_b)
        shuffled, _ = permutation_p_value(*values, permutations=DEFAULT_PERMUTATIONS, rng=rng)
        middle = (shuffled + pair.p_value) / 2
        # Two independent estimates of one p-value, each from 10,000 splits.
        error = np.sqrt(2 * middle * (1 - middle) / DEFAULT_PERMUTATIONS)
        difference = abs(pair.p_value - shuffled)
        if difference / error > worst[0]:
            worst = (difference / error, difference, pair)
    standard_errors, difference, pair = worst
    where = f" ({pair.group_a} - {pair.group_b})" if pair is not None else ""
    print(
        f"rows' p-values against shuffled splits, {len(pairs)} pairs: largest difference "
        f"{difference:.4f}{where}, {standard_errors:.2f} standard errors"
    )


if __name__ == "__main__":
    main()
