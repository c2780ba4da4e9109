"""Moral foundations by side and voice: MFD 2.0 over the AllSides roundups.

Counts MFD 2.0 (``DATA_DIR/lexicons/mfd2.0.dic``) in every paragraph of the AllSides articles
of the stories with all three sides (``DATA_DIR/allsides-roundups/``), split by voice, and
prints each category's rate per 100 words by side, in the outlets' own words and in the words
they cite (attributed and quoted), with percentile bootstrap 95% intervals that resample
articles (2,000 resamples, fixed seed); then the words of each voice by side. The same steps
as notebook 03 and figure ``allsides-mfd`` (:mod:`framing.report.figures`).

    python benchmarks/allsides_mfd.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pandas as pd

from framing.report import figures

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
SIDES = ("left", "center", "right")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    articles = figures.allsides_articles(args.data_dir)
    moral = figures.allsides_mfd(articles, args.data_dir)
    rates = figures.allsides_mfd_rates(moral)
    paragraphs = moral.groupby(["doc_id", "paragraph"]).ngroups
    print(f"{moral['doc_id'].nunique()} articles, {paragraphs} paragraphs")
    print("MFD 2.0 matches per 100 words [95% CI]: own words | cited words, by side")
    shown = rates[rates["voice"].isin(["own", "cited"])].copy()
    shown["rate"] = [
        f"{rate:.2f} [{low:.2f}, {high:.2f}]"
        for rate, low, high in zip(
            shown["per_100_words"], shown["ci_low"], shown["ci_high"], strict=True
        )
    ]
    table = shown.pivot_table(
        index="category", columns=["voice", "side"], values="rate", aggfunc="first", sort=False
    )
    table = table[[(voice, side) for voice in ("own", "cited") for side in SIDES]]
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        print(table.to_string())
    words = rates[rates["category"] == rates["category"].iloc[0]]
    print("words by side and voice")
    print(words.pivot(index="side", columns="voice", values="words").loc[list(SIDES)].to_string())


if __name__ == "__main__":
    main()
