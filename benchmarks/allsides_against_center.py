"""Left and right AllSides articles against their story's center article: the tables of notebook 06.

Aligns every left and right article with its story's center article
(``framing.report.figures.allsides_corpus_comparison``), then prints the paired differences by
side (article minus center article; against every center article and against the AP and
Reuters ones alone), the mean counts per article of loaded terms added, hedges dropped and
quotes altered or not found, each side's quotes by fidelity, and the passages of a center
article that both sides quote, by the fidelity of each side's quote.

    python benchmarks/allsides_against_center.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from framing.report import figures

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
PAIRED_COLUMNS = [
    "reports",
    "measure",
    "group",
    "n",
    "mean_difference",
    "ci_low",
    "ci_high",
    "cohens_dz",
    "p_value",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, metavar="DIR")
    args = parser.parse_args(argv)
    articles = figures.allsides_stories(args.data_dir)
    comparison = figures.allsides_corpus_comparison(articles)
    pairs = comparison.articles
    print(f"{len(pairs)} pairs, {pairs['error'].notna().sum()} with an error")
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        paired = figures.allsides_paired(pairs)[PAIRED_COLUMNS]
        print(paired.round(3).to_string(index=False))
        print(figures.allsides_pair_counts(pairs).round(3).to_string(index=False))
        fidelity = figures.allsides_quote_fidelity(comparison.paragraphs)
        print(fidelity.round(3).to_string(index=False))
        common = figures.allsides_quotes_in_common(articles)
        print(
            f"{len(common)} passages of a center article quoted by both its left and right article"
        )
        print(
            pd.crosstab(
                common["fidelity_a"].str.split(":").str[0].rename("left"),
                common["fidelity_b"].str.split(":").str[0].rename("right"),
            ).to_string()
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
