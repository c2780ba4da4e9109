"""How much each side quotes and attributes: voice detection over the AllSides roundups.

Reads every story in ``DATA_DIR/allsides-roundups/*.jsonl`` (the left, center and right
coverage of one event), finds the voice of each side's article (its ``newBody`` paragraphs) with
:func:`framing.voice.detect_voices`, and prints, by side, the share of the article's words that
are quoted and that are attributed (mean and median, each with a bootstrap 95% confidence
interval), the paired differences between sides on the stories covered by all three, and the
sources each side names most often.

    python benchmarks/allsides_quotes.py [--data-dir ../shared/data] [--resamples 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from framing.voice import detect_voices

SIDES = ("left", "center", "right")
REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
#: Fixed so that the printed intervals are the same on every run.
BOOTSTRAP_SEED = 20171017
#: Percentile bootstrap, 95%: the 2.5th and 97.5th percentiles of the resampled statistic.
CONFIDENCE = (2.5, 97.5)


def bootstrap(values: np.ndarray, statistic, *, resamples: int, rng) -> tuple[float, float]:
    """Return the percentile bootstrap 95% interval of ``statistic`` over ``values``."""
    picks = rng.integers(0, len(values), size=(resamples, len(values)))
    estimates = statistic(values[picks], axis=1)
    low, high = np.percentile(estimates, CONFIDENCE)
    return float(low), float(high)


def measure(data_dir: Path) -> tuple[list[dict], int]:
    """Return one record per (story, side) article, and the number of stories read."""
    files = sorted((data_dir / "allsides-roundups").glob("*.jsonl"))
    if not files:
        raise SystemExit(
            f"allsides_quotes: error: no *.jsonl in {data_dir / 'allsides-roundups'}; "
            "pass --data-dir DIR (the folder holding allsides-roundups/)"
        )
    records = []
    stories = 0
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                story = json.loads(line)
                stories += 1
                for side in SIDES:
                    news = story["news"].get(side)
                    if not news or not news.get("newBody"):
                        continue
                    voices = detect_voices(news["newBody"])
                    words = sum(v.words for v in voices)
                    if not words:
                        continue
                    records.append(
                        {
                            "story": story["id"],
                            "side": side,
                            "outlet": news.get("newsSource", ""),
                            "quoted_share": sum(v.quoted_words for v in voices) / words,
                            "attributed_share": sum(v.attributed_words for v in voices) / words,
                            "sources": {s.name for v in voices for s in v.sources},
                        }
                    )
    return records, stories


def report(records: list[dict], stories: int, *, resamples: int) -> None:
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    print(f"{stories} stories, {len(records)} articles with text")
    for measure_name in ("quoted_share", "attributed_share"):
        print(f"\n{measure_name} of an article's words, by side")
        print(f"{'side':<7} {'n':>4}  {'mean':>6} {'95% CI':>15}  {'median':>6} {'95% CI':>15}")
        for side in SIDES:
            values = np.array([r[measure_name] for r in records if r["side"] == side])
            mean_ci = bootstrap(values, np.mean, resamples=resamples, rng=rng)
            median_ci = bootstrap(values, np.median, resamples=resamples, rng=rng)
            print(
                f"{side:<7} {len(values):>4}  {values.mean():6.3f} "
                f"[{mean_ci[0]:.3f}, {mean_ci[1]:.3f}]  {np.median(values):6.3f} "
                f"[{median_ci[0]:.3f}, {median_ci[1]:.3f}]"
            )
    by_story: dict[int, dict[str, dict]] = {}
    for record in records:
        by_story.setdefault(record["story"], {})[record["side"]] = record
    complete = [sides for sides in by_story.values() if len(sides) == len(SIDES)]
    print(f"\npaired differences on the {len(complete)} stories with all three sides")
    for measure_name in ("quoted_share", "attributed_share"):
        for first, second in (("left", "right"), ("left", "center"), ("center", "right")):
            diffs = np.array([s[first][measure_name] - s[second][measure_name] for s in complete])
            low, high = bootstrap(diffs, np.mean, resamples=resamples, rng=rng)
            print(
                f"{measure_name:<17} {first:>6} - {second:<6} mean {diffs.mean():+.3f} "
                f"[{low:+.3f}, {high:+.3f}]"
            )
    print("\nsources named most often (number of articles), by side")
    for side in SIDES:
        counts = Counter(name for r in records if r["side"] == side for name in r["sources"])
        top = ", ".join(f"{name} {count}" for name, count in counts.most_common(8))
        print(f"{side:<7} {top}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, metavar="DIR")
    parser.add_argument("--resamples", type=int, default=10_000, metavar="N")
    args = parser.parse_args(argv)
    if args.resamples < 100:
        parser.error("--resamples must be at least 100")
    records, stories = measure(args.data_dir)
    report(records, stories, resamples=args.resamples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
