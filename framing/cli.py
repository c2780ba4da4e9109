"""The ``framing`` command line: a thin caller of the package.

A user's mistake (a missing file, a bad option, a corpus without the named column) prints one
line, ``framing: error: ...``, and exits with code 2, never with a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from framing import __version__
from framing.errors import FramingError

__all__ = ["main", "write_table", "TABLE_FORMATS"]

TABLE_FORMATS = ("table", "csv", "json", "jsonl")
_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "table",
    ".parquet": "parquet",
}

log = logging.getLogger("framing")


def _say(message: str) -> None:
    sys.stdout.write(message + "\n")


def _output_format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        return fmt
    if output is not None:
        return _SUFFIX_FORMATS.get(output.suffix.lower(), "csv")
    return "table"


def write_table(table: pd.DataFrame, *, fmt: str, output: Path | None) -> None:
    """Write ``table`` in ``fmt`` to ``output`` (a file) or to standard output."""
    if fmt == "table":
        with pd.option_context("display.max_colwidth", 40, "display.width", 200):
            content = table.to_string(index=False) + "\n"
    elif fmt == "csv":
        content = table.to_csv(index=False)
    elif fmt == "json":
        content = table.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        content = table.to_json(orient="records", lines=True, force_ascii=False)
    elif fmt == "parquet":
        if output is None:
            raise FramingError("parquet output needs a file; add -o FILE.parquet")
        output.parent.mkdir(parents=True, exist_ok=True)
        table.to_parquet(output, index=False)
        return
    else:
        raise FramingError(f"--format {fmt!r} is not valid; use one of: {', '.join(TABLE_FORMATS)}")
    if output is None:
        sys.stdout.write(content)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(content, encoding="utf-8")


def _iter_tables(paths: Sequence[Path], args: argparse.Namespace):
    """Yield the paragraph tables of ``paths`` in order: corpus files chunk by chunk."""
    from framing.corpus import TASK_ROWS, analyze_chunks, analyze_file
    from framing.io import is_corpus, read_document
    from framing.lexicon import load_lexicon

    options = {"lexicon": load_lexicon(args.lexicon), "progress": args.progress}
    documents: list[tuple[str, str]] = []

    def measure_documents():
        chunk = pd.DataFrame(documents, columns=["doc_id", "text"])
        jobs = 1 if len(documents) <= TASK_ROWS else args.jobs
        documents.clear()
        return analyze_chunks([chunk], id_col="doc_id", n_jobs=jobs, **options)

    for path in paths:
        if is_corpus(path):
            if documents:
                yield from measure_documents()
            yield from analyze_file(
                path, text_col=args.text_col, id_col=args.id_col, n_jobs=args.jobs, **options
            )
        else:
            documents.append((path.name, read_document(path)))
    if documents:
        yield from measure_documents()


def _run_analyze(args: argparse.Namespace) -> int:
    from framing.results import TableWriter

    fmt = _output_format(args.format, args.output)
    if args.output is not None and fmt in ("csv", "jsonl", "parquet"):
        # Each chunk's rows are written as they come, so memory stays bounded.
        with TableWriter(args.output, fmt=fmt) as writer:
            for table in _iter_tables(args.paths, args):
                writer.write(table)
        _say(f"wrote {writer.rows} rows to {args.output}")
        return 0
    if args.output is None and fmt in ("csv", "jsonl"):
        for number, table in enumerate(_iter_tables(args.paths, args)):
            if fmt == "csv":
                sys.stdout.write(table.to_csv(index=False, header=number == 0))
            elif len(table):
                sys.stdout.write(table.to_json(orient="records", lines=True, force_ascii=False))
        return 0
    tables = list(_iter_tables(args.paths, args))
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    write_table(table, fmt=fmt, output=args.output)
    if args.output is not None:
        _say(f"wrote {len(table)} rows to {args.output}")
    return 0


def _run_download(args: argparse.Namespace) -> int:
    from framing.datasets import DATASETS, data_home
    from framing.download import download

    if args.name is None:
        home = data_home(args.data_dir)
        _say(f"datasets (folder: {home}):")
        for info in DATASETS.values():
            if info.folder:
                how = "framing download " + info.name if info.downloads else "by hand"
                _say(f"  {info.name:<26} {how:<40} {info.title}")
        return 0
    _say(str(download(args.name, data_dir=args.data_dir, force=args.force)))
    return 0


def _run_demo(args: argparse.Namespace) -> int:
    from framing.analyze import analyze
    from framing.datasets import load_seed_text, seed_path
    from framing.plots import save_figure, sentiment_strip

    out: Path = args.out
    table = analyze(load_seed_text())
    table["doc_id"] = seed_path().name
    csv_path = out / "seed-paragraphs.csv"
    write_table(table, fmt="csv", output=csv_path)
    figure_path = save_figure(
        sentiment_strip(table, title="Seed article: sentiment and loaded language by paragraph"),
        out / "seed-sentiment.png",
    )
    body = table[table["role"] == "body"]
    _say(
        f"seed article: {len(table)} paragraphs, {int(table['loaded_count'].sum())} loaded terms, "
        f"mean polarity {body['polarity'].mean():+.3f}"
    )
    _say(f"wrote the paragraph table to {csv_path}")
    _say(f"wrote the sentiment figure to {figure_path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``framing`` command."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure how partisan outlets frame the reporting that they cite.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        help="measure articles paragraph by paragraph",
        description="Measure each paragraph's sentiment and loaded language. A PATH is a text or "
        "HTML file, or a corpus (.csv, .jsonl, .parquet) with one article a row.",
    )
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    analyze.add_argument(
        "--lexicon",
        default=None,
        metavar="NAME|FILE",
        help="bundled lexicon name or lexicon file (default: loaded)",
    )
    analyze.add_argument(
        "--format",
        choices=TABLE_FORMATS + ("parquet",),
        default=None,
        help="output format (default: from -o's suffix, else table)",
    )
    analyze.add_argument("-o", "--output", type=Path, default=None, metavar="FILE")
    analyze.add_argument("--text-col", default="text", help="corpus column with the text")
    analyze.add_argument("--id-col", default=None, help="corpus column with the article id")
    analyze.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for a corpus (default: every core)",
    )
    analyze.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when standard error is a terminal)",
    )
    analyze.set_defaults(run=_run_analyze)

    download = commands.add_parser(
        "download",
        help="fetch a research dataset and check its checksum",
        description="Fetch a dataset into the data folder (--data-dir, else $FRAMING_DATA_DIR, "
        "else the user cache folder) and verify its SHA-256. Without NAME, list the datasets.",
    )
    download.add_argument("name", nargs="?", default=None, metavar="NAME")
    download.add_argument("--data-dir", type=Path, default=None, metavar="DIR")
    download.add_argument("--force", action="store_true", help="fetch again even if present")
    download.set_defaults(run=_run_download)

    demo = commands.add_parser(
        "demo",
        help="run the worked example: the seed article",
        description="Measure the embedded seed article and write its table and figure.",
    )
    demo.add_argument(
        "--out",
        type=Path,
        default=Path("out"),
        metavar="DIR",
        help="folder for the outputs (default: out)",
    )
    demo.set_defaults(run=_run_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    logging.basicConfig(level=logging.WARNING, format="framing: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except FramingError as error:
        parser.exit(2, f"framing: error: {error}\n")
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        parser.exit(130, "framing: interrupted\n")


if __name__ == "__main__":
    sys.exit(main())
