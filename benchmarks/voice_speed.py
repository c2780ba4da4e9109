"""CPU time of voice detection per paragraph, on single paragraphs and on whole articles.

    python benchmarks/voice_speed.py [--data-dir ../shared/data] [--repeat 3]

Times :func:`framing.voice.detect_voices` in this process, in CPU seconds
(``time.process_time``), after one untimed warm-up call:

1. ``paragraphs``: every fifth paragraph of benchmarks/corpus.py's real paragraphs (BABE
   sentences and AllSides paragraphs), one call per paragraph, as in throughput.py's breakdown;
2. ``polnear articles``: every PolNeAR training article split at blank lines, one call per
   article (what :class:`framing.Article` does), so quotations that run over paragraphs are read.

Each is timed ``--repeat`` times and the fastest is printed, in microseconds per paragraph. To
compare two versions of the package, run it against each in turn, alternating, e.g. with
``PYTHONPATH=/path/to/other/checkout`` for the other one; the first line names the package
folder that was timed.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SHARED_DATA, real_paragraphs


def _cpu_seconds(calls, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        for call in calls:
            call()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=SHARED_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    import framing
    from framing.datasets import load_polnear
    from framing.text.segment import BlankLineSegmenter
    from framing.voice import detect_voices

    paragraphs = real_paragraphs(args.data_dir)[::5]
    articles = load_polnear("train", data_dir=args.data_dir)["text"]
    segmenter = BlankLineSegmenter()
    split = [[text[a:b] for a, b in segmenter.split(text)] for text in articles]
    detect_voices(["“We won,” she said."])  # load the sources and verbs before timing

    print(f"framing from {Path(framing.__file__).parent}")
    single = _cpu_seconds([lambda p=p: detect_voices([p]) for p in paragraphs], args.repeat)
    per_paragraph = 1e6 * single / len(paragraphs)
    print(f"paragraphs        {len(paragraphs):6d} paragraphs  {per_paragraph:6.1f} µs")
    count = sum(map(len, split))
    whole = _cpu_seconds([lambda a=a: detect_voices(a) for a in split], args.repeat)
    print(f"polnear articles  {count:6d} paragraphs  {1e6 * whole / count:6.1f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
