"""How match_sources grows with the number of reports: time, pairs/second and peak memory.

A synthetic corpus built from real paragraphs (BABE sentences, AllSides paragraphs, PolNeAR
paragraphs), recombined with a fixed seed:

- a report is 3 to 5 paragraphs drawn at random, dated on one of 730 days;
- an article draws on one report: 2 of its paragraphs (each with one word in five dropped),
  among 1 to 3 paragraphs of its own (from a fifth of the paragraphs that no report uses),
  dated 0 or 1 day after its report.

Each size runs in a fresh process (so that its peak resident memory is its own), with and
without date blocking (``date_col="date", window="2D"``). Printed per run: wall seconds, CPU
seconds (of the process, and of its worker processes with ``--jobs`` above 1; the machine is
shared: wall time includes waiting for a core), report pairs considered per second (articles x
reports / wall seconds) and per CPU second, the peak resident set size of the process, that of
the corpus alone before matching and that of the largest worker process, and recall@1 of the
report each article was built from.

    python benchmarks/matching_scale.py --articles 10000 --reports 10000 100000 300000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import run_alone

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
SEED = 20171017
DAYS = 730
WINDOW = "2D"


def paragraphs(data_dir: Path) -> list[str]:
    """Return the distinct real paragraphs: BABE, AllSides and PolNeAR (train), one line each."""
    from framing.datasets.loaders import load_allsides, load_babe, load_polnear

    babe = load_babe(data_dir=data_dir, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=data_dir, include_roundup=True)
    polnear = load_polnear(data_dir=data_dir)["text"]
    texts = babe + [part for parts in sides["paragraphs"] for part in parts]
    texts += [part for text in polnear for part in text.split("\n\n")]
    lines = (" ".join(text.split()) for text in texts)
    return sorted({line for line in lines if len(line.split()) >= 5})


def corpus(n_articles: int, n_reports: int, data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the articles (with ``truth``, the id of their report) and the reports."""
    every = np.array(paragraphs(data_dir), dtype=object)
    # One paragraph in five is kept for the articles' own words, so that an article's other
    # paragraphs are in no report and the report it was built from is the one to find.
    pool, own_words = np.delete(every, np.s_[::5]), every[::5]
    rng = np.random.default_rng(SEED)
    sizes = rng.integers(3, 6, n_reports)
    picks = rng.integers(0, len(pool), sizes.sum())
    bounds = np.r_[0, np.cumsum(sizes)]
    report_days = rng.integers(0, DAYS, n_reports)
    start = np.datetime64("2020-01-01")
    reports = pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(n_reports)],
            "date": start + report_days.astype("timedelta64[D]"),
            "text": ["\n\n".join(pool[picks[bounds[i] : bounds[i + 1]]]) for i in range(n_reports)],
        }
    )
    sources = rng.integers(0, n_reports, n_articles)
    texts = []
    for source in sources:
        own = list(pool[picks[bounds[source] : bounds[source + 1]]])
        chosen = [own[i] for i in sorted(rng.choice(len(own), 2, replace=False))]
        reworded = [
            " ".join(w for j, w in enumerate(text.split()) if rng.random() >= 0.2 or j == 0)
            for text in chosen
        ]
        others = list(own_words[rng.integers(0, len(own_words), rng.integers(1, 4))])
        texts.append("\n\n".join(others[:1] + reworded + others[1:]))
    articles = pd.DataFrame(
        {
            "id": [f"a{i}" for i in range(n_articles)],
            "date": start
            + (report_days[sources] + rng.integers(0, 2, n_articles)).astype("timedelta64[D]"),
            "text": texts,
            "truth": [f"r{i}" for i in sources],
        }
    )
    return articles, reports


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds() -> float:
    """Return the CPU seconds of this process and of its ended worker processes."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def one_run(
    n_articles: int,
    n_reports: int,
    dated: bool,
    data_dir: Path,
    jobs: int = 1,
    encoder: str | None = None,
) -> dict:
    """Build the corpus, match it, and return the figures (run in a process of its own)."""
    from framing.comparisons.matching import match_sources

    articles, reports = corpus(n_articles, n_reports, data_dir)
    corpus_mb = peak_mb()
    options = {"date_col": "date", "window": WINDOW} if dated else {}
    if encoder is not None:
        from framing.comparisons.semantic import load_encoder

        options["encoder"] = load_encoder(encoder)  # loaded before the clock starts
    began, cpu_began = time.perf_counter(), cpu_seconds()
    pairs = match_sources(articles, reports, id_col="id", top_k=1, n_jobs=jobs, **options)
    seconds = time.perf_counter() - began
    cpu = cpu_seconds() - cpu_began
    first = pairs.set_index("doc_id")["source_id"]
    return {
        "articles": n_articles,
        "reports": n_reports,
        "dated": dated,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "pairs_per_second": n_articles * n_reports / seconds,
        "pairs_per_cpu_second": n_articles * n_reports / cpu,
        "peak_mb": peak_mb(),
        "worker_peak_mb": peak_mb(resource.RUSAGE_CHILDREN),
        "corpus_mb": corpus_mb,
        "recall_at_1": float(
            (first.reindex(articles["id"]).to_numpy() == articles["truth"]).mean()
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--reports", type=int, nargs="+", default=[10_000, 100_000, 300_000])
    parser.add_argument("--data-dir", type=Path, default=SHARED_DATA)
    parser.add_argument("--dated-only", action="store_true", help="only the runs with dates")
    parser.add_argument("--jobs", type=int, default=1, help="match_sources' n_jobs (processes)")
    parser.add_argument(
        "--encoder", default=None, metavar="MODEL", help="match_sources' encoder= (a name)"
    )
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a single run, as JSON (internal)
    args = parser.parse_args(argv)
    if args.one:
        reports, dated = args.one.split(",")
        figures = one_run(
            args.articles, int(reports), dated == "1", args.data_dir, args.jobs, args.encoder
        )
        print(json.dumps(figures))
        return 0
    print(
        f"{args.articles:,} articles; reports of 3-5 real paragraphs over {DAYS} days; "
        f"one process per run; n_jobs={args.jobs}"
        + (f"; encoder={args.encoder}" if args.encoder else "")
    )
    print(
        f"{'reports':>10s} {'dates':>6s} {'seconds':>8s} {'CPU s':>8s} {'pairs/s':>14s} "
        f"{'pairs/CPU s':>14s} "
        f"{'peak MB':>8s} {'corpus MB':>10s} {'worker MB':>10s} {'recall@1':>9s}"
    )
    for n_reports in args.reports:
        for dated in (True,) if args.dated_only else (False, True):
            run = run_alone(
                __file__,
                "--articles",
                str(args.articles),
                "--data-dir",
                str(args.data_dir),
                "--jobs",
                str(args.jobs),
                *(["--encoder", args.encoder] if args.encoder else []),
                "--one",
                f"{n_reports},{int(dated)}",
            )
            print(
                f"{run['reports']:>10,} {WINDOW if dated else '-':>6s} {run['seconds']:8.1f} "
                f"{run['cpu_seconds']:8.1f} "
                f"{run['pairs_per_second']:14,.0f} {run['pairs_per_cpu_second']:14,.0f} "
                f"{run['peak_mb']:8.0f} {run['corpus_mb']:10.0f} {run['worker_peak_mb']:10.0f} "
                f"{run['recall_at_1']:9.3f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
