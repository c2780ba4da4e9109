"""Real paragraphs for the benchmarks: BABE sentences and AllSides paragraphs, repeated.

Run as a script to write a corpus file: ``python benchmarks/corpus.py N FILE.parquet``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """Return the fewest seconds that ``run()`` took over ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def run_alone(script: str, *args: str) -> dict:
    """Run ``script`` with ``args`` in a fresh Python process and return the JSON object its last
    line of output prints (so that one run's peak memory is its own)."""
    output = subprocess.run(
        [sys.executable, script, *args], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def no_roundups(data_dir: Path, script: str) -> bool:
    """Return whether ``data_dir`` lacks the AllSides roundups, having said how to get them."""
    if (data_dir / "allsides-roundups").is_dir():
        return False
    print(
        f"{script}: error: no allsides-roundups in {data_dir}; run "
        "`framing download allsides-roundups --data-dir DIR` and pass --data-dir DIR",
        file=sys.stderr,
    )
    return True


def real_paragraphs(data_dir: Path = SHARED_DATA) -> list[str]:
    """Return every BABE sentence (SG1 and SG2) and AllSides paragraph, one line each."""
    from framing.datasets.loaders import load_allsides, load_babe

    babe = load_babe(data_dir=data_dir, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=data_dir, include_roundup=True)
    paragraphs = babe + [part for parts in sides["paragraphs"] for part in parts]
    # One paragraph a text: line breaks inside a paragraph would split it in two.
    return [" ".join(text.split()) for text in paragraphs if text.strip()]


def repeated(paragraphs: list[str], count: int) -> list[str]:
    """Return ``count`` paragraphs, cycling through ``paragraphs``."""
    return [paragraphs[index % len(paragraphs)] for index in range(count)]


def write_corpus(count: int, path: Path) -> None:
    """Write ``count`` paragraphs as a Parquet corpus (columns ``id``, ``text``), in row groups."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    paragraphs = real_paragraphs()
    schema = pa.schema([("id", pa.int64()), ("text", pa.string())])
    block = 50_000
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, count, block):
            ids = list(range(start, min(count, start + block)))
            texts = [paragraphs[index % len(paragraphs)] for index in ids]
            writer.write_table(pa.table({"id": ids, "text": texts}, schema=schema))


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {int(sys.argv[1]):,} paragraphs to {sys.argv[2]}")
    sys.exit(0 if len(pd.read_parquet(sys.argv[2], columns=["id"])) == int(sys.argv[1]) else 1)
