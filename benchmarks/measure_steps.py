"""CPU time of each step that ``framing analyze`` takes for a paragraph, in microseconds.

    python benchmarks/measure_steps.py [--repeat 3] [STEP ...]

Times, in this process and in CPU seconds (``time.process_time``), each step over every
distinct real paragraph of benchmarks/corpus.py (BABE sentences and AllSides paragraphs, each a
document of its own, as in ``make bench-cli``'s corpus), after one untimed run that fills the
caches, and prints the fastest of ``--repeat`` runs in microseconds per paragraph (per row for
``read_csv``) as one JSON line:

- ``article``: ``Article(text, lexicon=..., sentiment=..., vader=...)`` and its paragraphs, as
  the corpus engine makes each document's Article;
- ``textblob``, ``vader``, ``lexicon``: framing's TextBlob scorer, VADER's compound and its
  sentences' (``compounds``), and the loaded-language lexicon's ``match``;
- ``words``: the split of a paragraph into its words and the gaps between them
  (``words_and_gaps``), which an Article makes once for the word count and the voice labels;
- ``voice``: the default voice detector on each paragraph as an article of its own, given that
  split (``detect([p], pieces=...)``, as an Article calls it);
- ``rows``: ``article_rows`` of Articles already measured (the row dicts alone);
- ``to_table``: the rows as tables, in pieces of 500 as the corpus engine builds them;
- ``read_csv``: reading ``make bench-cli``'s 20,000-paragraph CSV with ``iter_corpus``;
- ``write_csv``: writing the tables of ``to_table`` to a CSV file with ``TableWriter``, as
  ``framing analyze -o out.csv`` writes each chunk's table (in the process that reads);
- ``all``: every measure, the rows and the tables, as a worker measures its pieces;
- ``worker``: the same in a worker's setting: ``_init_worker`` (which freezes what is loaded
  and sets the garbage collector's thresholds for the rest of the process, so this step runs
  last), then ``_measure_piece`` of each piece.

To compare two versions of the package, run it against each in turn, alternating, with
``PYTHONPATH=/path/to/other/checkout`` for the other one (from a folder outside both); the
first line names the package folder that was timed.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import real_paragraphs, repeated

#: The corpus engine's piece size (framing.table.engine.TASK_ROWS at the time of writing).
PIECE_ROWS = 500
#: make bench-cli's smaller corpus.
CSV_PARAGRAPHS = 20_000
STEPS = (
    "article",
    "textblob",
    "vader",
    "lexicon",
    "words",
    "voice",
    "rows",
    "to_table",
    "read_csv",
    "write_csv",
    "all",
    "worker",
)


def fastest(run, repeat: int) -> float:
    """Return the fewest CPU seconds of ``repeat`` runs of ``run``, after one untimed run."""
    run()
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="default: 3")
    parser.add_argument("steps", nargs="*", help=f"default: all of {', '.join(STEPS)}")
    args = parser.parse_args()
    unknown = [step for step in args.steps if step not in STEPS]
    if unknown:
        parser.error(f"unknown step {unknown[0]!r}; choose from {', '.join(STEPS)}")
    steps = args.steps or list(STEPS)

    import pandas as pd

    import framing
    from framing.article import Article
    from framing.io.corpora import iter_corpus
    from framing.measures.lexicon import load_lexicon
    from framing.measures.sentiment import default_sentiment, default_vader
    from framing.table.engine import _init_worker, _measure_piece
    from framing.table.records import _measure_each, article_rows, document_rows, measure_options
    from framing.table.results import TableWriter
    from framing.table.rows import to_table
    from framing.table.schema import ALL_MEASURES
    from framing.text.words import words_and_gaps
    from framing.voice.detector import default_detector

    print(f"package: {Path(framing.__file__).parent}")
    paragraphs = real_paragraphs()
    options = {
        "lexicon": load_lexicon(),
        "sentiment": default_sentiment(),
        "vader": default_vader(),
    }
    documents = list(enumerate(paragraphs))
    split = [words_and_gaps(text) for text in paragraphs]
    detector = default_detector()
    measured = [Article(text, **options) for text in paragraphs]
    _measure_each(measured, ALL_MEASURES)
    rows = [row for article in measured for row in article_rows(article, 0, ALL_MEASURES)]

    tables = [
        to_table(rows[start : start + PIECE_ROWS]) for start in range(0, len(rows), PIECE_ROWS)
    ]

    def write_csv(path: Path) -> None:
        with TableWriter(path) as writer:
            for table in tables:
                writer.write(table)

    def measure_in_worker() -> None:
        if not worker_ready:
            _init_worker(measure_options(**options))
            worker_ready.append(True)
        for start in range(0, len(documents), PIECE_ROWS):
            piece = slice(start, start + PIECE_ROWS)
            _measure_piece(list(range(len(paragraphs)))[piece], paragraphs[piece])

    worker_ready: list[bool] = []

    def measure_all() -> None:
        for start in range(0, len(documents), PIECE_ROWS):
            per_document = document_rows(documents[start : start + PIECE_ROWS], **options)
            to_table([row for rows in per_document for row in rows])

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.csv"
        texts = repeated(paragraphs, CSV_PARAGRAPHS)
        pd.DataFrame({"id": range(len(texts)), "text": texts}).to_csv(corpus, index=False)
        runs = {
            "article": (lambda: [Article(p, **options).paragraphs for p in paragraphs], None),
            "textblob": (lambda: [options["sentiment"].score(p) for p in paragraphs], None),
            "vader": (lambda: [options["vader"].compounds(p) for p in paragraphs], None),
            "lexicon": (lambda: [options["lexicon"].match(p) for p in paragraphs], None),
            "words": (lambda: [words_and_gaps(p) for p in paragraphs], None),
            "voice": (
                lambda: [
                    detector.detect([p], pieces=[pieces])
                    for p, pieces in zip(paragraphs, split, strict=True)
                ],
                None,
            ),
            "rows": (lambda: [article_rows(a, 0, ALL_MEASURES) for a in measured], None),
            "to_table": (
                lambda: [
                    to_table(rows[start : start + PIECE_ROWS])
                    for start in range(0, len(rows), PIECE_ROWS)
                ],
                len(rows),
            ),
            "read_csv": (lambda: list(iter_corpus(corpus, id_col="id")), CSV_PARAGRAPHS),
            "write_csv": (lambda: write_csv(Path(folder) / "out.csv"), len(rows)),
            "all": (measure_all, None),
            "worker": (measure_in_worker, None),
        }
        result = {}
        for step in steps:
            run, count = runs[step]
            seconds = fastest(run, args.repeat)
            result[step] = round(1e6 * seconds / (count or len(paragraphs)), 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
