"""Loaded language of wire-credited copy against partisan outlets' own words, by outlet.

One row per article, with ``own_rate``, the loaded-language matches that start in the outlet's
own words (voice ``own``) per 100 of its own words, and ``all_rate``, all matches per 100 of
all its words (the article's ``loaded_per_100_words``). Articles with no own words have no
``own_rate``. Means by group with 95% percentile-bootstrap intervals come from
:func:`framing.compare_groups` (fixed seed).

- AllSides: the center articles of the Associated Press and of Reuters (the wire), against the
  left and the right articles (AllSides' sides; the outlets of a side are many, a few articles
  each).
- PolNeAR (train): the articles credited to a wire service (``wire``: AP, AFP, UPI, Reuters),
  against each publisher's articles that are not, the partisan Breitbart, Western Journalism
  and Huffington Post first.

The last lines print how far below the partisan outlets' own words the wire copy is, as
``1 - wire mean / partisan mean`` (the target is at least 30%), for the wire's own words and
for all of its words.

    python benchmarks/wire_rates.py [--data-dir ../shared/data] [--lexicon FILE]

``--lexicon`` measures another lexicon file, e.g. the lexicon before the audit
(``git show 7692d01:framing/data/lexicons/loaded_language.tsv > before.tsv``).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from framing import compare_groups
from framing.article import Article
from framing.datasets.loaders import load_allsides, load_polnear
from framing.measures.lexicon import Lexicon, load_lexicon
from framing.text.words import per_100_words

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))

#: AllSides ``source`` values of the two agencies in the center column.
ALLSIDES_WIRES = {"Associated Press": "AP (center)", "Reuters": "Reuters (center)"}
#: PolNeAR publishers known as partisan, in the order printed.
POLNEAR_PARTISAN = ("breitbart", "west-journal", "huff-post")
POLNEAR_OTHERS = ("nyt", "politico", "usa-today", "wash-post")
WIRE_GROUP = "wire-credited"
#: Resamples of the intervals (compare_groups' default is 10,000; this is enough for two
#: decimals and keeps the run short).
RESAMPLES = 10_000
PERMUTATIONS = 2_000


def article_row(text: str, group: str, lexicon: Lexicon) -> dict:
    """Return an article's words, own words, matches and own matches, and their rates."""
    article = Article(text, lexicon=lexicon)
    words = own_words = matches = own_matches = 0
    for paragraph in article.paragraphs:
        words += paragraph.words
        own_words += paragraph.voice.own_words
        matches += paragraph.loaded_count
        own_matches += paragraph.loaded_own_count
    return {
        "group": group,
        "words": words,
        "own_words": own_words,
        "loaded_count": matches,
        "loaded_own_count": own_matches,
        "all_rate": per_100_words(matches, words),
        "own_rate": per_100_words(own_matches, own_words),
    }


def allsides_rows(data_dir: Path, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Return the AllSides articles of the wire (center AP, Reuters) and of the left and right."""
    lexicon = load_lexicon(lexicon)
    sides = load_allsides(data_dir)
    rows = []
    for side, source, text in zip(sides["side"], sides["source"], sides["text"], strict=True):
        if side == "center" and source in ALLSIDES_WIRES:
            rows.append(article_row(text, ALLSIDES_WIRES[source], lexicon))
        elif side in ("left", "right"):
            rows.append(article_row(text, side, lexicon))
    return pd.DataFrame(rows)


def polnear_rows(data_dir: Path, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Return the PolNeAR articles, wire-credited ones in one group, the rest by publisher."""
    lexicon = load_lexicon(lexicon)
    table = load_polnear("train", data_dir)
    rows = [
        article_row(text, WIRE_GROUP if pd.notna(wire) else publisher, lexicon)
        for text, wire, publisher in zip(
            table["text"], table["wire"], table["publisher"], strict=True
        )
    ]
    return pd.DataFrame(rows)


def print_means(title: str, rows: pd.DataFrame, groups: Sequence[str]) -> None:
    """Print the group means of both rates with their intervals."""
    result = compare_groups(
        rows,
        group_col="group",
        measures=["own_rate", "all_rate"],
        groups=list(groups),
        resamples=RESAMPLES,
        permutations=PERMUTATIONS,
    )
    means = result.means
    print(title)
    print(
        f"{'group':<18} {'articles':>8} {'own rate':>9} {'95% CI':>15} {'all rate':>9} "
        f"{'95% CI':>15}"
    )
    for group in groups:
        own = means[(means["measure"] == "own_rate") & (means["group"] == group)].iloc[0]
        every = means[(means["measure"] == "all_rate") & (means["group"] == group)].iloc[0]
        articles = int((rows["group"] == group).sum())
        print(
            f"{group:<18} {articles:>8} {own['mean']:>9.3f} [{own['ci_low']:.3f}, "
            f"{own['ci_high']:.3f}] {every['mean']:>9.3f} [{every['ci_low']:.3f}, "
            f"{every['ci_high']:.3f}]"
        )
    print()


def _mean(measure: str, groups: Sequence[str], rows: pd.DataFrame) -> float:
    """Return the mean of ``measure`` over the articles of ``groups`` together."""
    chosen = rows[rows["group"].isin(groups)]
    return float(chosen[measure].mean())


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--lexicon", help="a lexicon file to measure instead of the bundled one (e.g. an older one)"
    )
    args = parser.parse_args(argv)
    lexicon = load_lexicon(args.lexicon)
    print("loaded-language matches per 100 words, mean over articles (own rate: own words only)")
    print()
    allsides = allsides_rows(args.data_dir, lexicon)
    wires = list(ALLSIDES_WIRES.values())
    print_means("AllSides", allsides, [*wires, "left", "right"])
    polnear = polnear_rows(args.data_dir, lexicon)
    print_means("PolNeAR (train)", polnear, [WIRE_GROUP, *POLNEAR_PARTISAN, *POLNEAR_OTHERS])
    for name, rows, wire, partisan in (
        ("AllSides", allsides, wires, ["left", "right"]),
        ("PolNeAR", polnear, [WIRE_GROUP], list(POLNEAR_PARTISAN)),
    ):
        partisan_own = _mean("own_rate", partisan, rows)
        for measure, label in (("own_rate", "own words"), ("all_rate", "all words")):
            wire_mean = _mean(measure, wire, rows)
            print(
                f"{name}: wire copy ({label}) {wire_mean:.3f} against partisan own words "
                f"{partisan_own:.3f}: {1 - wire_mean / partisan_own:.0%} below"
            )


if __name__ == "__main__":
    main()
