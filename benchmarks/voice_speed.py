"""CPU time of voice detection per paragraph, on single paragraphs and on whole articles.

    python benchmarks/voice_speed.py [--data-dir ../shared/data] [--repeat 3]
    python benchmarks/voice_speed.py --baseline b2fa3f1 [--rounds 3]
    python benchmarks/voice_speed.py --baseline b2fa3f1 --instructions

Times :func:`framing.voice.detect_voices` in CPU seconds (``time.process_time``), after one
untimed warm-up call:

1. ``paragraphs``: every fifth paragraph of benchmarks/corpus.py's real paragraphs (BABE
   sentences and AllSides paragraphs), one call per paragraph, as in throughput.py's breakdown;
2. ``polnear articles``: every PolNeAR training article split at blank lines, one call per
   article (what :class:`framing.Article` does), so quotations that run over paragraphs are read.

Each is timed ``--repeat`` times and the fastest is printed, in microseconds per paragraph.

``--baseline REF`` times another version of the package in the same run, as the ratio that
speed figures are given in on these shared machines: the package folder at git revision ``REF``
of this repository (``git archive``) is extracted to a temporary folder, the inputs are made
once with this checkout and written to a file, and each of ``--rounds`` rounds times the
baseline and then this checkout, each in a process of its own (``PYTHONPATH`` set to its
folder). It prints every timing and, per round, this checkout's time over the baseline's.
:data:`ISSUE_9_BASELINE` is the package as it stood when voice detection's speed target ("no
slower per paragraph than today's") was set. A version of the package that cannot make the
inputs itself (older ones have no PolNeAR loader) only has to have
``framing.voice.detect_voices``.

``--instructions`` (with ``--baseline``) counts instead of timing: each version runs the same
inputs under valgrind's callgrind (``apt-get install valgrind``), ``PYTHONHASHSEED=0``, five
times (no detection; the single paragraphs once and twice; the articles once and twice), and
prints two figures per paragraph for each part, with this checkout's count over the
baseline's:

- ``first pass``: the part run once less the run without detection. It holds what a process
  does once, on the first paragraphs that need it (a pattern compiled on first use, a cache
  filled), as well as the detection of each paragraph;
- ``steady``: the part run twice less the part run once, the second pass alone: what each
  paragraph costs once the process has done those things, the same state the timings measure
  (the fastest of ``--repeat`` runs after the first). The speed target is a time per paragraph,
  so this is the figure to hold against it.

The counts do not move with the machine's load, so a ratio close to 1, which timings on a
shared machine cannot settle, can be read off them; they weigh every instruction alike, where
a cache miss costs more than an addition, so they complement the timings rather than replace
them. Between runs they move by about 1% (the baseline is extracted to a new folder each run).
A run takes about twenty minutes.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, SHARED_DATA, real_paragraphs

#: The package as it stood when issue 9 set voice detection's speed target: the last commit
#: before the package was laid out in subpackages, with voice detection in one module.
ISSUE_9_BASELINE = "b2fa3f1"


def _cpu_seconds(calls, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        for call in calls:
            call()
        best = min(best, time.process_time() - start)
    return best


def make_inputs(data_dir: Path) -> tuple[list[str], list[list[str]]]:
    """Return the single paragraphs and the PolNeAR articles' paragraph lists that are timed."""
    from framing.datasets import load_polnear
    from framing.text.segment import BlankLineSegmenter

    paragraphs = real_paragraphs(data_dir)[::5]
    articles = load_polnear("train", data_dir=data_dir)["text"]
    segmenter = BlankLineSegmenter()
    return paragraphs, [[text[a:b] for a, b in segmenter.split(text)] for text in articles]


def time_voice(paragraphs: list[str], split: list[list[str]], repeat: int) -> tuple[float, float]:
    """Return the CPU µs per paragraph of detect_voices on single paragraphs and on articles."""
    import framing
    from framing.voice import detect_voices

    detect_voices(["“We won,” she said."])  # load the sources and verbs before timing
    print(f"framing from {Path(framing.__file__).parent}")
    single = _cpu_seconds([lambda p=p: detect_voices([p]) for p in paragraphs], repeat)
    per_paragraph = 1e6 * single / len(paragraphs)
    print(f"paragraphs        {len(paragraphs):6d} paragraphs  {per_paragraph:6.1f} µs")
    count = sum(map(len, split))
    whole = _cpu_seconds([lambda a=a: detect_voices(a) for a in split], repeat)
    per_article_paragraph = 1e6 * whole / count
    print(f"polnear articles  {count:6d} paragraphs  {per_article_paragraph:6.1f} µs")
    return per_paragraph, per_article_paragraph


def _run_timed(folder: Path, inputs: Path, repeat: int) -> tuple[float, float]:
    """Time the package in ``folder`` in a process of its own; return its two figures."""
    result = subprocess.run(
        [sys.executable, __file__, "--inputs", str(inputs), "--repeat", str(repeat)],
        env={**os.environ, "PYTHONPATH": str(folder)},
        capture_output=True,
        text=True,
        check=True,
    )
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    lines = [line for line in result.stdout.splitlines() if line.endswith(" µs")]
    return tuple(float(line.split()[-2]) for line in lines)


#: The parts of a counted run: no detection (imports, inputs, one warm-up call), then each input.
PARTS = ("none", "paragraphs", "articles")


def run_part(part: str, paragraphs: list[str], split: list[list[str]], *, passes: int = 1) -> None:
    """Detect the voices of one part of the inputs ``passes`` times (``none``: only the warm-up
    call)."""
    from framing.voice import detect_voices

    detect_voices(["“We won,” she said."])
    for _ in range(passes):
        if part == "paragraphs":
            for paragraph in paragraphs:
                detect_voices([paragraph])
        elif part == "articles":
            for article in split:
                detect_voices(article)


def _instructions(folder: Path, inputs: Path, part: str, passes: int = 1) -> int:
    """Return the instructions callgrind counts for one part, the package from ``folder``."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind; install it, e.g. apt-get install valgrind")
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--inputs",
            str(inputs),
            "--part",
            part,
            "--passes",
            str(passes),
        ],
        env={**os.environ, "PYTHONPATH": str(folder), "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(re.search(r"Collected : (\d+)", result.stderr).group(1))


def count(folders: dict[str, Path], inputs: Path) -> None:
    """Print the instructions per paragraph of each part for each package, and their ratios."""
    paragraphs, split = pickle.loads(inputs.read_bytes())
    sizes = {"paragraphs": len(paragraphs), "articles": sum(map(len, split))}
    per_paragraph: dict[str, dict[tuple[str, str], float]] = {}
    for name, folder in folders.items():
        none = _instructions(folder, inputs, "none")
        once = {part: _instructions(folder, inputs, part) for part in sizes}
        twice = {part: _instructions(folder, inputs, part, passes=2) for part in sizes}
        print(
            f"{name:10s} instructions: none {none:,}, "
            + ", ".join(f"{part} {once[part]:,} once {twice[part]:,} twice" for part in sizes)
        )
        per_paragraph[name] = {}
        for part, size in sizes.items():
            first, steady = (once[part] - none) / size, (twice[part] - once[part]) / size
            per_paragraph[name][part, "first pass"] = first
            per_paragraph[name][part, "steady"] = steady
            print(
                f"{name:10s} {part:10s} {size:6d} paragraphs {first:12,.0f} a paragraph on the "
                f"first pass, {steady:12,.0f} steady"
            )
    baseline, checkout = per_paragraph["baseline"], per_paragraph["checkout"]
    for figure in ("first pass", "steady"):
        ratios = "  ".join(
            f"{part} {checkout[part, figure] / baseline[part, figure]:.3f}x" for part in sizes
        )
        print(f"instructions, this checkout / baseline, {figure}: {ratios}")


def compare(
    baseline: str, data_dir: Path, repeat: int, rounds: int, *, instructions: bool = False
) -> None:
    """Time the package at git revision ``baseline`` and this checkout in turn, ``rounds`` times
    (or, with ``instructions``, count each once)."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        inputs = folder / "inputs.pickle"
        inputs.write_bytes(pickle.dumps(make_inputs(data_dir)))
        old = folder / "baseline"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", baseline, "framing"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        print(f"baseline: {baseline}; load average {os.getloadavg()[0]:.2f}")
        if instructions:
            count({"baseline": old, "checkout": REPO}, inputs)
            return
        for number in range(1, rounds + 1):
            before = _run_timed(old, inputs, repeat)
            after = _run_timed(REPO, inputs, repeat)
            ratios = "  ".join(
                f"{name} {new / base:.2f}x"
                for name, new, base in zip(("paragraphs", "articles"), after, before, strict=True)
            )
            print(f"round {number}: this checkout / baseline: {ratios}")
        print(f"load average {os.getloadavg()[0]:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=SHARED_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", metavar="REF", help="git revision to time in turn")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--instructions", action="store_true", help="with --baseline: count with callgrind"
    )
    parser.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)
    parser.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.instructions and not args.baseline:
        parser.error("--instructions counts against a baseline; add --baseline REF")
    if args.baseline:
        compare(
            args.baseline, args.data_dir, args.repeat, args.rounds, instructions=args.instructions
        )
    elif args.inputs and args.part:
        run_part(args.part, *pickle.loads(args.inputs.read_bytes()), passes=args.passes)
    elif args.inputs:
        time_voice(*pickle.loads(args.inputs.read_bytes()), args.repeat)
    else:
        time_voice(*make_inputs(args.data_dir), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
