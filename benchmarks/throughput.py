"""Paragraphs per second: the naive TextBlob loop against framing, in the same run.

    python benchmarks/throughput.py [--paragraphs 20000] [--jobs N]

Builds a corpus of real paragraphs (BABE sentences and AllSides paragraphs, repeated as
needed) and times, one after the other on the same paragraphs:

1. the loop a researcher would write: ``[TextBlob(p).sentiment for p in paragraphs]``;
2. sentiment alone through framing (``framing.table.engine.score_sentiment``, on every core);
3. ``framing analyze`` on a Parquet file of the paragraphs, with every per-paragraph measure
   (paragraphs, words, TextBlob, VADER, loaded language, voice), written to a Parquet file;
4. the same without the voice measures (``--measures sentiment,vader,loaded``).

The lexicons are loaded once before the timings start, for both paths. The framing timings
include starting the worker processes, and for ``framing analyze`` reading and writing the
files. It asserts that framing's polarity and subjectivity equal TextBlob's to 1e-12, then prints
paragraphs and words per second for each and their ratios to the naive loop.
"""

from __future__ import annotations

import argparse
import gc
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


def _timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=MIN_PARAGRAPHS)
    parser.add_argument("--jobs", type=int, default=None, help="default: every core")
    args = parser.parse_args()

    from textblob import TextBlob

    from framing import cli
    from framing.table.engine import resolve_jobs, score_sentiment
    from framing.text.words import count_words

    unique = real_paragraphs()
    paragraphs = repeated(unique, max(args.paragraphs, MIN_PARAGRAPHS))
    words = sum(count_words(text) for text in paragraphs)
    jobs = resolve_jobs(args.jobs)
    print(
        f"{len(paragraphs):,} paragraphs ({len(unique):,} distinct, BABE and AllSides), "
        f"{words:,} words; {jobs} worker process(es)"
    )

    # Load every lexicon once before timing (TextBlob's XML, VADER's, framing's), for both paths:
    # a one-time cost of about a second that does not grow with the corpus.
    from framing.measures.lexicon import load_lexicon
    from framing.measures.sentiment import default_sentiment, default_vader

    [TextBlob(p).sentiment for p in paragraphs[:100]]
    default_sentiment(), default_vader(), load_lexicon()

    naive, naive_seconds = _timed(lambda: [TextBlob(p).sentiment for p in paragraphs])
    # Keep the values, not 20,000 results of 20,000 namedtuple classes (TextBlob makes one per
    # call): the garbage collector would walk them in every later timing, and worker processes
    # would inherit them.
    expected = pd.DataFrame(naive, columns=["polarity", "subjectivity"])
    del naive
    gc.collect()
    sentiment, sentiment_seconds = _timed(lambda: score_sentiment(paragraphs, n_jobs=jobs))
    with tempfile.TemporaryDirectory() as folder:
        source, output = Path(folder) / "corpus.parquet", Path(folder) / "paragraphs.parquet"
        pd.DataFrame({"id": range(len(paragraphs)), "text": paragraphs}).to_parquet(source)
        command = ["analyze", str(source), "--id-col", "id", "--no-progress", "-o", str(output)]
        command += ["--jobs", str(jobs)]
        _, full_seconds = _timed(lambda: cli.main(command))
        full = pd.read_parquet(output)
        command += ["--measures", "sentiment,vader,loaded"]
        _, without_voice_seconds = _timed(lambda: cli.main(command))
        without_voice = pd.read_parquet(output)

    assert len(full) == len(paragraphs), "one row per paragraph expected"
    assert without_voice.equals(full[without_voice.columns]), "the measures differ without voice"
    for name, table in (("sentiment", sentiment), ("framing analyze", full)):
        for column in ("polarity", "subjectivity"):
            difference = (table[column].to_numpy() - expected[column].to_numpy()).__abs__().max()
            assert difference <= TOLERANCE, f"{name} {column} differs from TextBlob by {difference}"
    print(f"polarity and subjectivity equal TextBlob's to {TOLERANCE:g}")

    rows = [
        ("naive TextBlob loop", naive_seconds),
        ("framing sentiment alone", sentiment_seconds),
        ("framing analyze (all measures)", full_seconds),
        ("framing analyze (without voice)", without_voice_seconds),
    ]
    print(f"{'':32} {'seconds':>8} {'paragraphs/s':>13} {'words/s':>10} {'x naive':>8}")
    for name, seconds in rows:
        print(
            f"{name:32} {seconds:8.2f} {len(paragraphs) / seconds:13,.0f} "
            f"{words / seconds:10,.0f} {naive_seconds / seconds:8.2f}"
        )
    breakdown(paragraphs[::5])  # every fifth: BABE sentences and AllSides paragraphs alike
    return 0


def breakdown(paragraphs: list[str]) -> None:
    """Print the cost of each per-paragraph measure in one process, in microseconds."""
    from textblob import TextBlob

    from framing.measures.lexicon import load_lexicon
    from framing.measures.sentiment import default_sentiment, default_vader
    from framing.table.rows import rows_for_documents
    from framing.text.words import count_words
    from framing.voice import detect_voices

    sentiment, vader, lexicon = default_sentiment(), default_vader(), load_lexicon()
    steps = [
        ("naive TextBlob(p).sentiment", lambda p: TextBlob(p).sentiment),
        ("framing TextBlob sentiment", sentiment.score),
        ("framing VADER compound", vader.compound),
        # vader_compound with vader_mean and sentences: the paragraph's compound and its
        # sentences' from one pass over the words, as the table measures them.
        ("VADER compound and sentences", vader.compounds),
        ("words", count_words),
        ("loaded-language lexicon", lexicon.match),
        ("voice (quotes, attributions)", lambda p: detect_voices([p])),
    ]
    print(f"one process, {len(paragraphs):,} paragraphs: microseconds per paragraph")
    for name, step in steps:
        gc.collect()  # each step starts without the garbage of the one before
        _, seconds = _timed(lambda step=step: [step(p) for p in paragraphs])
        print(f"  {name:32} {1e6 * seconds / len(paragraphs):6.0f}")
    documents = list(enumerate(paragraphs))
    gc.collect()
    _, seconds = _timed(lambda: rows_for_documents(documents, lexicon=lexicon))
    print(f"  {'all measures (table rows)':32} {1e6 * seconds / len(paragraphs):6.0f}")
    measures = ("sentiment", "vader", "loaded")
    gc.collect()
    _, seconds = _timed(lambda: rows_for_documents(documents, lexicon=lexicon, measures=measures))
    print(f"  {'without voice (table rows)':32} {1e6 * seconds / len(paragraphs):6.0f}")


if __name__ == "__main__":
    sys.exit(main())
