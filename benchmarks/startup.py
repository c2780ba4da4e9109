"""Start-up: ``framing analyze`` of the seed article against ``python -c "import pandas"``.

    python benchmarks/startup.py [--runs 7]

One article is measured in a blink; what a user waits for is Python starting, the imports and
the lexicons. This runs, as new processes and alternately (so that both see the same load on a
shared machine), ``framing analyze <seed> -o <tmp>.csv`` and ``python -c "import pandas"``, N
times each, and prints every run, the medians and their ratio (seed run / import pandas).

Two settings, each with its own cache folder (``$FRAMING_CACHE_DIR``, see framing/_cache.py):

- cold: the cache folder is emptied before every seed run, so the lexicons are built from
  their source files and written to the cache;
- warm: the cache is filled once, then each seed run reads it.

The absolute seconds depend on what else the machine runs; the ratio to importing pandas, in
the same run, is the figure to compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from end_to_end import framing_command

REPO = Path(__file__).resolve().parent.parent
#: The seed article, the one ``framing demo`` measures.
SEED = REPO / "framing" / "data" / "seed" / "000_40f3ba37e42615d7.txt"


def timed(command: list[str], env: dict) -> float:
    """Return the wall-clock seconds of running ``command`` to its end."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def compare(setting: str, runs: int, seed: Path, folder: Path) -> None:
    """Run the seed and ``import pandas`` alternately ``runs`` times; print runs and medians."""
    cache = folder / f"cache-{setting}"
    env = {**os.environ, "FRAMING_CACHE_DIR": str(cache)}
    analyze = [*framing_command(), "analyze", str(seed), "-o", str(folder / "seed.csv")]
    pandas = [sys.executable, "-c", "import pandas"]
    if setting == "warm":
        timed(analyze, env)  # fills the cache
    seed_seconds, pandas_seconds = [], []
    for _ in range(runs):
        if setting == "cold":
            shutil.rmtree(cache, ignore_errors=True)
        seed_seconds.append(timed(analyze, env))
        pandas_seconds.append(timed(pandas, env))
    seed_median, pandas_median = statistics.median(seed_seconds), statistics.median(pandas_seconds)
    print(f"{setting} cache, {runs} runs of each, alternately (seconds):")
    print("  framing analyze seed: " + " ".join(f"{value:.2f}" for value in seed_seconds))
    print("  import pandas:        " + " ".join(f"{value:.2f}" for value in pandas_seconds))
    print(
        f"  medians: framing analyze seed {seed_median:.2f} s, import pandas {pandas_median:.2f} s;"
        f" ratio {seed_median / pandas_median:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default: 7)")
    args = parser.parse_args()
    seed = SEED
    print(
        f"seed: {seed.name}; Python {sys.version.split()[0]}; "
        f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}; "
        "a shared machine: the absolute seconds are noisy, the ratios come from one run"
    )
    with tempfile.TemporaryDirectory() as folder:
        for setting in ("cold", "warm"):
            compare(setting, args.runs, seed, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
