"""What a dictionary's columns cost: MFD 2.0 per paragraph, against the table without it.

Measures, in one process and one run, the AllSides paragraphs (``newBody`` of every side of
every story in ``DATA_DIR/allsides-roundups/``):

- ``framing.analyze`` without voice (sentiment, VADER, loaded language), the baseline, and the
  same with ``dictionaries={"mfd": mfd2.0.dic}``;
- MFD 2.0 counted per category alone: :meth:`CategoryCounter.matches` (only the categories a
  paragraph's words can start) against its plain twin that matches every category.

The dictionary is read before timing. Each timing is the best of ``--repeats`` runs.

    python benchmarks/dictionaries.py [--data-dir ../shared/data] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

import framing
from framing.datasets.loaders import load_allsides
from framing.measures.categories import load_dictionaries

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import best_of

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
MEASURES = ["sentiment", "vader", "loaded"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    mfd_file = args.data_dir / "lexicons" / "mfd2.0.dic"
    if not mfd_file.is_file():
        raise SystemExit(f"dictionaries: error: no {mfd_file}; pass --data-dir DIR")
    sides = load_allsides(data_dir=args.data_dir)
    paragraphs = [paragraph for story in sides["paragraphs"] for paragraph in story]
    corpus = pd.DataFrame({"text": paragraphs})
    (mfd,) = load_dictionaries({"mfd": mfd_file})
    framing.analyze(corpus.head(50), measures=MEASURES, n_jobs=1)  # load the scorers

    def table(dictionaries):
        return lambda: framing.analyze(
            corpus, measures=MEASURES, dictionaries=dictionaries, n_jobs=1, progress=False
        )

    timings = {
        "analyze, no voice (baseline)": best_of(args.repeats, table(None)),
        "analyze, no voice, with MFD 2.0 columns": best_of(args.repeats, table([mfd])),
        "MFD 2.0 alone: candidate categories": best_of(
            args.repeats, lambda: [mfd.matches(text) for text in paragraphs]
        ),
        "MFD 2.0 alone: every category (plain twin)": best_of(
            args.repeats, lambda: [mfd._reference_matches(text) for text in paragraphs]
        ),
    }
    baseline = timings["analyze, no voice (baseline)"]
    print(f"{len(paragraphs):,} AllSides paragraphs, one process, best of {args.repeats}")
    print(f"{'':<44} {'seconds':>8} {'us/paragraph':>13} {'x baseline':>11}")
    for name, seconds in timings.items():
        per = seconds / len(paragraphs) * 1e6
        print(f"{name:<44} {seconds:>8.2f} {per:>13.0f} {seconds / baseline:>11.2f}")


if __name__ == "__main__":
    main()
