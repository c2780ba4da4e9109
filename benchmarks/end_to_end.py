"""The ``framing`` command end to end, CSV in and out, against the naive TextBlob loop.

    python benchmarks/end_to_end.py [--paragraphs 20000] [--jobs 2 1] [--repeats 2]

Writes a CSV corpus of real paragraphs (BABE sentences and AllSides paragraphs, repeated as
needed: the corpus of benchmarks/throughput.py) and, in each repeat, times one after the other:

1. the loop a researcher would write, in this process: ``[TextBlob(p).sentiment for p in ps]``
   (TextBlob imported and its lexicon loaded before timing);
2. ``framing analyze corpus.csv --id-col id --no-progress -o out.csv --jobs N``, every measure,
   as a new process for each ``--jobs`` value: its start-up, reading the CSV, the worker
   processes and writing the CSV are all in the time.

Before the timings, ``framing analyze`` runs once on ten paragraphs, so that the lexicons are in
the user cache (framing/_cache.py) as after any earlier run; benchmarks/startup.py measures a
cold cache. Each repeat prints its own line of ratios (naive seconds / framing seconds), so that
on a shared machine every run is seen, not only the best, with the CPU seconds of framing's
processes (the command and its workers) and the load average when the line is printed: on a
machine whose cores are busy with other work, the CPU seconds show what the wall clock cannot.
It checks that the output has one row per paragraph and that its polarity and subjectivity equal
TextBlob's to 1e-12.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import real_paragraphs, repeated

#: The issue's floor: at least 20,000 paragraphs, so each timing lasts seconds, not a blink.
MIN_PARAGRAPHS = 20_000
#: Agreement required with TextBlob's values.
TOLERANCE = 1e-12


def framing_command() -> list[str]:
    """Return the command that runs ``framing``: the script installed beside this Python."""
    script = shutil.which("framing", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "framing"]


def run_cli(source: Path, output: Path, jobs: int) -> tuple[float, float]:
    """Return the wall-clock seconds of one ``framing analyze`` of ``source`` into ``output``,
    and the CPU seconds of its processes (the command and its workers, user and system)."""
    command = [*framing_command(), "analyze", str(source), "--id-col", "id", "--no-progress"]
    command += ["-o", str(output), "--jobs", str(jobs)]
    before = _children_cpu()
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def check_output(output: Path, expected: pd.DataFrame) -> None:
    """Raise AssertionError unless ``output`` has TextBlob's values, one row per paragraph."""
    table = pd.read_csv(output)
    assert len(table) == len(expected), f"{len(table)} rows for {len(expected)} paragraphs"
    for column in ("polarity", "subjectivity"):
        difference = (table[column].to_numpy() - expected[column].to_numpy()).__abs__().max()
        assert difference <= TOLERANCE, f"{column} differs from TextBlob by {difference}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=MIN_PARAGRAPHS)
    parser.add_argument("--jobs", type=int, nargs="+", default=[2, 1], help="default: 2 1")
    parser.add_argument("--repeats", type=int, default=2, help="default: 2")
    args = parser.parse_args()

    from textblob import TextBlob

    unique = real_paragraphs()
    paragraphs = repeated(unique, max(args.paragraphs, MIN_PARAGRAPHS))
    print(
        f"{len(paragraphs):,} paragraphs ({len(unique):,} distinct, BABE and AllSides); "
        f"framing analyze, CSV in and out, every measure; {args.repeats} repeat(s)"
    )
    [TextBlob(p).sentiment for p in paragraphs[:100]]  # TextBlob's lexicon, loaded once

    with tempfile.TemporaryDirectory() as folder:
        source, output = Path(folder) / "corpus.csv", Path(folder) / "paragraphs.csv"
        corpus = pd.DataFrame({"id": range(len(paragraphs)), "text": paragraphs})
        corpus.head(10).to_csv(source, index=False)
        run_cli(source, output, 1)  # fills the user cache, as any earlier run of framing has
        corpus.to_csv(source, index=False)
        header = f"{'run':>4} {'naive s':>8} {'CPU s':>6}" + "".join(
            f" {f'--jobs {jobs} s':>12} {'x naive':>8} {'CPU s':>6}" for jobs in args.jobs
        )
        print(header + "  load (1 min)")
        expected = None
        for run in range(1, args.repeats + 1):
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            naive = [TextBlob(p).sentiment for p in paragraphs]
            naive_seconds = time.perf_counter() - start
            naive_cpu = time.process_time() - start_cpu
            if expected is None:
                expected = pd.DataFrame(naive, columns=["polarity", "subjectivity"])
            del naive  # a namedtuple class per call: not kept through the next runs
            gc.collect()
            line = f"{run:4} {naive_seconds:8.2f} {naive_cpu:6.2f}"
            for jobs in args.jobs:
                seconds, cpu_seconds = run_cli(source, output, jobs)
                check_output(output, expected)
                line += f" {seconds:12.2f} {naive_seconds / seconds:8.2f} {cpu_seconds:6.2f}"
            print(f"{line}  {os.getloadavg()[0]:.2f}", flush=True)
    print(f"every output: a row per paragraph, polarity and subjectivity TextBlob's to {TOLERANCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
