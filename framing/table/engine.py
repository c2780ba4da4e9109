"""Measure a corpus in chunks, on every core, with bounded memory; or on a Dask cluster.

The corpus engine behind :func:`framing.analyze` (for DataFrames) and ``framing analyze`` (for
CSV, JSONL and Parquet files). Documents are measured in pieces of :data:`TASK_ROWS` rows; each
piece is measured by one worker process, and the results come back in the corpus's order. Only
a bounded number of pieces is in flight at once, so memory does not grow with the corpus.
Measuring a document depends on nothing but the document, so the parallel result is exactly
the serial one.

>>> import pandas as pd
>>> corpus = pd.DataFrame({"text": ["ISIS lost the city.", "A massive defeat."]})
>>> tables = list(analyze_chunks([corpus], n_jobs=1))
>>> tables[0][["doc_id", "words", "loaded_count"]].to_dict("records")
[{'doc_id': 0, 'words': 4, 'loaded_count': 0}, {'doc_id': 1, 'words': 3, 'loaded_count': 1}]
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from framing.article import Article
from framing.errors import FramingError
from framing.io.corpora import DEFAULT_CHUNK_ROWS, corpus_rows, iter_corpus
from framing.io.documents import check_columns
from framing.measures.categories import load_dictionaries
from framing.measures.lexicon import LexiconMatcher, load_lexicon
from framing.measures.sentiment import (
    CompoundScorer,
    SentimentScorer,
    default_sentiment,
    default_vader,
)
from framing.table.dictionary_columns import check_dictionary_form, long_table
from framing.table.progress import progress_bar, shows_progress
from framing.table.records import (
    TASK_ROWS,
    article_rows,
    check_headline,
    document_rows,
    measure_options,
    rows_for_documents,
)
from framing.table.rows import copy_kept, to_table
from framing.table.schema import DEFAULT_DOC_ID, check_keep, check_measures
from framing.text.segment import Segmenter
from framing.types import LexiconLike
from framing.voice.detector import VoiceDetector, check_detector

__all__ = [
    "analyze",
    "analyze_chunks",
    "analyze_file",
    "analyze_dask",
    "score_sentiment",
    "resolve_jobs",
    "TASK_ROWS",
    "PIECES_IN_FLIGHT_PER_JOB",
]

#: Tasks queued per worker: two keeps each worker busy while its last result is collected,
#: and bounds memory at about (2 x jobs x TASK_ROWS) documents in flight.
PIECES_IN_FLIGHT_PER_JOB = 2

#: Allocations between two collections of the youngest generation of objects in a worker
#: (Python's default: 700). A piece allocates millions of objects, most of them freed by their
#: last reference within a paragraph; collected every 700, many are still alive and are walked
#: again in the older generations. Callgrind counts fewer instructions with 10,000 for the
#: measures, rows and tables of every second real paragraph in a worker's setting, by how much
#: depending on when the full collections fall: 2.7% with main's code at bdf6678 (10.99 billion
#: with 700, 10.69 with 10,000, 10.70 with 50,000), 0.4% with this one's (10.71 and 10.66, the
#: same counts to 0.01% in a second run). At most 10,000 more objects wait for a collection.
WORKER_GC_THRESHOLD = 10_000

_worker_options: dict = {}


def resolve_jobs(n_jobs: int | None) -> int:
    """Return the number of worker processes for ``n_jobs`` (``None`` or -1: every core).

    >>> resolve_jobs(1)
    1
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if n_jobs is None or n_jobs == -1:
        return max(1, cores or 1)
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs < 1:
        raise FramingError(
            f"n_jobs={n_jobs!r} is not valid; use a whole number >= 1, or None / -1 for every core"
        )
    return n_jobs


def _init_worker(options: dict) -> None:
    _worker_options.clear()
    _worker_options.update(options)
    # The lexicons and scorers a worker inherits live as long as it does: frozen, they are not
    # walked again by every full garbage collection (about a tenth of a worker's time when
    # measured in benchmarks/throughput.py's setting).
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def _measure_piece(
    ids: list, texts: list, kept: pd.DataFrame | None = None, options: dict | None = None
) -> pd.DataFrame:
    """Return the table of one piece of documents (in a worker, with its preset options), with
    the ``kept`` columns (one row per document) copied onto its rows."""

    options = dict(_worker_options if options is None else options)
    measures = options.pop("measures")
    dictionaries = options.pop("dictionaries", ())
    per_document = document_rows(
        zip(ids, texts, strict=True), measures=measures, dictionaries=dictionaries, **options
    )
    table = to_table([row for rows in per_document for row in rows], measures, dictionaries)
    if kept is None:
        return table
    return copy_kept(table, kept, [len(rows) for rows in per_document])


def _pieces(
    chunk: pd.DataFrame, text_col: str, id_col: str | None, keep: Sequence[str] = ()
) -> list[tuple[list, list, pd.DataFrame | None]]:
    check_columns(chunk.columns, path="a chunk", text_col=text_col, id_col=id_col, keep=keep)
    ids = (chunk[id_col] if id_col is not None else chunk.index.to_series()).tolist()
    texts = chunk[text_col].tolist()
    kept = chunk[list(keep)] if keep else None
    return [
        (
            ids[start : start + TASK_ROWS],
            texts[start : start + TASK_ROWS],
            None if kept is None else kept.iloc[start : start + TASK_ROWS],
        )
        for start in range(0, len(texts), TASK_ROWS)
    ]


def _empty_table(
    measures: Sequence[str], kept: pd.DataFrame | None, dictionaries: Sequence = ()
) -> pd.DataFrame:
    """Return the table of no documents: its columns, the kept ones with their dtypes."""
    table = to_table([], measures, dictionaries)
    return table if kept is None else copy_kept(table, kept.iloc[:0], [])


def _join(tables: list[pd.DataFrame]) -> pd.DataFrame:
    return tables[0] if len(tables) == 1 else pd.concat(tables, ignore_index=True)


def analyze_chunks(
    chunks: Iterable[pd.DataFrame],
    *,
    text_col: str = "text",
    id_col: str | None = None,
    lexicon=None,
    sentiment=None,
    vader=None,
    segmenter=None,
    voice=None,
    n_jobs: int | None = None,
    progress: bool | None = None,
    total: int | None = None,
    measures=None,
    keep=None,
    dictionaries=None,
    dictionary_form: str = "wide",
    headline: bool | None = None,
) -> Iterator[pd.DataFrame]:
    """Yield the paragraph table of each chunk of a corpus, in order, measured on ``n_jobs`` cores.

    ``chunks`` are DataFrames with the text in ``text_col``, the id in ``id_col`` (else the
    index) and the columns to ``keep`` (copied onto each paragraph row). ``n_jobs`` is the
    number of worker processes (``None``: every core; ``1``: no worker, measured here).
    ``progress`` shows a tqdm bar on standard error (``None``: only when it is a terminal);
    ``total`` is the number of documents, when known. Whatever ``n_jobs`` is, the tables are
    identical. ``measures`` chooses the measures, and ``headline`` whether each text's first
    paragraph is a headline, as in :func:`framing.analyze`. The scorers, lexicon, segmenter
    and ``voice`` detector given are sent to every worker process, and so are the
    ``dictionaries`` (read once, here), whose columns each table has (wide form), or whose
    tidy long form each table is with ``dictionary_form="long"`` (one row per paragraph and
    category, :func:`~framing.table.dictionary_columns.long_table`).
    """
    jobs = resolve_jobs(n_jobs)
    options = measure_options(
        lexicon=lexicon,
        sentiment=sentiment,
        vader=vader,
        segmenter=segmenter,
        measures=measures,
        voice=voice,
        headline=headline,
        dictionaries=dictionaries,
    )
    long = _wants_long(dictionary_form, options["dictionaries"])
    keep = check_keep(keep)
    if total is None and isinstance(chunks, Sequence):
        total = sum(len(chunk) for chunk in chunks)
    with progress_bar(progress, total) as bar:
        if jobs == 1:
            tables_of_chunks = _analyze_here(chunks, (text_col, id_col, keep), options, bar)
        else:
            tables_of_chunks = _analyze_parallel(
                chunks, (text_col, id_col, keep), options, jobs, bar
            )
        for table in tables_of_chunks:
            yield long_table(table, options["dictionaries"]) if long else table


def _wants_long(dictionary_form: str, counters: Sequence) -> bool:
    """Return whether the tidy long form is asked for; it needs at least one dictionary."""
    if check_dictionary_form(dictionary_form) == "long" and not counters:
        raise FramingError(
            "dictionary_form='long' reshapes the dictionaries' columns, and none is given; "
            "pass dictionaries={'NAME': 'FILE'} too, or leave dictionary_form out"
        )
    return dictionary_form == "long"


def _analyze_here(chunks, columns, options, bar) -> Iterator[pd.DataFrame]:
    """Yield each chunk's table, measured in this process."""
    for chunk in chunks:
        tables = []
        for ids, texts, kept in _pieces(chunk, *columns):
            tables.append(_measure_piece(ids, texts, kept, options))
            bar.update(len(ids))
        if tables:
            yield _join(tables)


def _warm_defaults(options: dict) -> None:
    """Build the default scorers here, so that forked workers inherit them instead of each
    reading the TextBlob and VADER lexicons again (about a second per worker)."""

    if options.get("sentiment") is None:
        default_sentiment()
    if "vader" in options and options["vader"] is None:
        default_vader()


def _analyze_parallel(chunks, columns, options, jobs, bar) -> Iterator[pd.DataFrame]:
    _warm_defaults(options)
    in_flight: deque[tuple[Future, int, bool]] = deque()
    done: list[pd.DataFrame] = []

    def collect() -> pd.DataFrame | None:
        future, size, last = in_flight.popleft()
        done.append(future.result())
        bar.update(size)
        if last:
            table = _join(done)
            done.clear()
            return table
        return None

    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(options,)
    ) as executor:
        for chunk in chunks:
            pieces = _pieces(chunk, *columns)
            for number, (ids, texts, kept) in enumerate(pieces):
                while len(in_flight) >= jobs * PIECES_IN_FLIGHT_PER_JOB:
                    table = collect()
                    if table is not None:
                        yield table
                future = executor.submit(_measure_piece, ids, texts, kept)
                in_flight.append((future, len(ids), number == len(pieces) - 1))
        while in_flight:
            table = collect()
            if table is not None:
                yield table


def analyze_file(
    path: str | Path,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    keep: Iterable[str] | None = None,
    chunk_rows: int | None = None,
    **options,
) -> Iterator[pd.DataFrame]:
    """Yield the paragraph tables of a CSV, JSONL or Parquet corpus, chunk by chunk, in order.

    Only the text, id and ``keep`` columns are read; the kept ones are copied onto each
    paragraph row, after ``doc_id``. ``options`` are those of :func:`analyze_chunks`
    (``lexicon``, ``sentiment``, ``vader``, ``segmenter``, ``voice``, ``n_jobs``, ``progress``,
    ``measures``, ``headline``, ``dictionaries``, ``dictionary_form``). The progress bar's
    total is the file's number of rows, counted without parsing it
    (:func:`framing.io.corpora.corpus_rows`) when a bar is shown: without one, nothing reads
    the count.
    """

    path = Path(path)
    keep = check_keep(keep)
    chunks = iter_corpus(
        path,
        text_col=text_col,
        id_col=id_col,
        chunk_rows=chunk_rows or DEFAULT_CHUNK_ROWS,
        keep=keep,
    )
    if "total" not in options and shows_progress(options.get("progress")):
        options["total"] = corpus_rows(path)
    yield from analyze_chunks(chunks, text_col=text_col, id_col=id_col, keep=keep, **options)


def analyze_dask(
    ddf,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    lexicon=None,
    sentiment=None,
    vader=None,
    voice=None,
    measures=None,
    keep=None,
    dictionaries=None,
    dictionary_form: str = "wide",
    headline: bool | None = None,
):
    """Return a lazy ``dask.dataframe`` of the paragraph table of ``ddf`` (one article a row).

    Each partition is measured where it lives, with ``map_partitions``; ``.compute()`` gives
    the rows of :func:`framing.analyze` in the same order (the index restarts in every
    partition: use ``.reset_index(drop=True)`` for one running index). The ``keep`` columns
    are copied onto each paragraph row, as in :func:`framing.analyze`. With ``dictionaries``
    and ``dictionary_form="long"`` it is the tidy long form, one row per paragraph and category.
    """

    keep = check_keep(keep)
    check_columns(
        ddf.columns, path="the dask DataFrame", text_col=text_col, id_col=id_col, keep=keep
    )
    options = measure_options(
        lexicon=lexicon,
        sentiment=sentiment,
        vader=vader,
        measures=measures,
        voice=voice,
        headline=headline,
        dictionaries=dictionaries,
    )
    long = _wants_long(dictionary_form, options["dictionaries"])
    meta = _empty_table(
        options["measures"], ddf[list(keep)]._meta if keep else None, options["dictionaries"]
    )
    id_dtype = ddf[id_col].dtype if id_col is not None else ddf.index.dtype
    meta["doc_id"] = meta["doc_id"].astype(id_dtype)
    if long:
        meta = long_table(meta, options["dictionaries"])
    return ddf.map_partitions(
        _analyze_partition,
        text_col=text_col,
        id_col=id_col,
        keep=keep,
        options=options,
        long=long,
        meta=meta,
    )


def _analyze_partition(
    partition: pd.DataFrame,
    *,
    text_col: str,
    id_col: str | None,
    keep: tuple,
    options: dict,
    long: bool = False,
) -> pd.DataFrame:

    tables = [
        _measure_piece(ids, texts, kept, options)
        for ids, texts, kept in _pieces(partition, text_col, id_col, keep)
    ]
    if not tables:
        tables = [
            _empty_table(
                options["measures"],
                partition[list(keep)] if keep else None,
                options["dictionaries"],
            )
        ]
    if long:
        # each piece keeps its own attrs (the kept columns), which a concatenation may not
        tables = [long_table(table, options["dictionaries"]) for table in tables]
    return _join(tables)


def _score_piece(texts: list[str], scorer=None) -> list[tuple[float, float]]:

    score = (scorer or _worker_options.get("sentiment") or default_sentiment()).score
    return [tuple(score(text)) for text in texts]


def score_sentiment(texts: Iterable[str], *, sentiment=None, n_jobs: int | None = None):
    """Return a DataFrame of ``polarity`` and ``subjectivity``, one row per text (on n_jobs cores).

    The sentiment alone, without paragraphs or the other measures: each text is scored whole,
    with TextBlob's values exactly (or the given scorer's).

    >>> score_sentiment(["a horrible movie", "fine"], n_jobs=1).to_dict("list")
    {'polarity': [-1.0, 0.4166666666666667], 'subjectivity': [1.0, 0.5]}
    """
    texts = list(texts)
    pieces = [texts[start : start + TASK_ROWS] for start in range(0, len(texts), TASK_ROWS)]
    jobs = min(resolve_jobs(n_jobs), max(1, len(pieces)))
    if jobs == 1:
        scores = [score for piece in pieces for score in _score_piece(piece, sentiment)]
    else:
        _warm_defaults({"sentiment": sentiment})
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=({"sentiment": sentiment},)
        ) as executor:
            scores = [score for part in executor.map(_score_piece, pieces) for score in part]
    return pd.DataFrame(scores, columns=["polarity", "subjectivity"], dtype="float64")


def analyze(
    data: str | Article | pd.DataFrame,
    *,
    lexicon: LexiconLike | None = None,
    text_col: str = "text",
    id_col: str | None = None,
    sentiment: SentimentScorer | None = None,
    vader: CompoundScorer | None = None,
    segmenter: Segmenter | None = None,
    voice: VoiceDetector | None = None,
    n_jobs: int | None = None,
    progress: bool | None = None,
    measures: Iterable[str] | None = None,
    keep: Iterable[str] | None = None,
    dictionaries: Mapping[str, object] | None = None,
    dictionary_form: str = "wide",
    headline: bool | None = None,
) -> pd.DataFrame:
    """Return one row per paragraph with its sentiment and loaded-language measures.

    ``data`` is one article's text, an :class:`Article`, or a DataFrame with one article a row
    (its text in ``text_col``; its id in ``id_col``, else its index). A row whose text is
    missing, empty or not a string, or holds a lone surrogate, gets one row with the reason in
    ``error``; nothing is dropped.
    A ``lexicon``, ``sentiment``, ``vader``, ``segmenter`` or ``voice`` detector (any object
    with ``detect(paragraphs) -> list[ParagraphVoice]``) given here is used for every paragraph,
    an :class:`Article`'s included, in every worker process.

    A DataFrame is measured in pieces by ``n_jobs`` worker processes (``None``: every core; a
    DataFrame that fits in one piece, :data:`framing.table.engine.TASK_ROWS` rows, is measured
    here), with a progress bar when ``progress`` is true (``None``: only in a terminal). The
    table is the same whatever ``n_jobs`` is. For files, see :func:`analyze_file`.

    ``measures`` chooses the measures to compute, from :data:`MEASURE_GROUPS` (``None``: all);
    the columns of the others are left out of the table. ``keep`` names columns of a DataFrame
    (say ``["outlet", "date"]``) to copy onto each of its paragraph rows, after ``doc_id``,
    with their dtypes; error rows keep them too.

    ``dictionaries`` maps names to dictionaries (a file's path, a loaded
    :class:`~framing.measures.lexicon.Lexicon`, or ``{category: [terms]}``), such as
    ``{"mfd": "mfd2.0.dic"}``: each category adds the columns ``NAME.CATEGORY`` (its matches)
    and ``NAME.CATEGORY_per_100_words``, and with the voice measure its matches in own,
    attributed and quoted words (:mod:`framing.table.dictionary_columns`).
    ``dictionary_form="long"`` returns the tidy long form instead: one row per paragraph and
    category (:func:`~framing.table.dictionary_columns.long_table`).

    ``headline`` says whether each text's first paragraph is its headline: ``None`` (the
    default) detects it (a short first line that does not end like a sentence), ``True`` or
    ``False`` decide, e.g. ``True`` for a corpus whose titles end with a full stop.

    >>> list(analyze("ISIS lost the city.", measures=["sentiment"]).columns)[7:]
    ['polarity', 'subjectivity', 'error']
    """
    chosen = check_measures(measures)
    keep = check_keep(keep)
    counters = load_dictionaries(dictionaries)
    _wants_long(dictionary_form, counters)
    if keep and not isinstance(data, pd.DataFrame):
        raise FramingError(
            f"keep= copies columns of a corpus, and a {type(data).__name__} has none; pass a "
            "DataFrame with one article a row, or leave keep out"
        )
    options = {"sentiment": sentiment, "vader": vader, "segmenter": segmenter}
    if voice is not None:
        options["voice"] = check_detector(voice)
    if check_headline(headline) is not None:
        options["headline"] = headline
    if isinstance(data, Article):
        if lexicon is not None or any(value is not None for value in options.values()):
            data = data.with_options(lexicon=lexicon, **options)
        rows = article_rows(data, DEFAULT_DOC_ID, chosen, counters)
        return _in_form(to_table(rows, chosen, counters), counters, dictionary_form)
    matcher = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
    options["lexicon"] = matcher
    if isinstance(data, str):
        rows = rows_for_documents(
            [(DEFAULT_DOC_ID, data)], measures=chosen, dictionaries=counters, **options
        )
        return _in_form(to_table(rows, chosen, counters), counters, dictionary_form)
    if isinstance(data, pd.DataFrame):
        resolve_jobs(n_jobs)  # a bad value is reported even when one process will do
        check_columns(
            data.columns, path="the DataFrame", text_col=text_col, id_col=id_col, keep=keep
        )
        tables = list(
            analyze_chunks(
                [data],
                text_col=text_col,
                id_col=id_col,
                n_jobs=1 if len(data) <= TASK_ROWS else n_jobs,
                progress=progress,
                total=len(data),
                measures=chosen,
                keep=keep,
                dictionaries=counters,
                **options,
            )
        )
        if not tables:
            tables = [_empty_table(chosen, data[list(keep)] if keep else None, counters)]
        return _in_form(tables[0], counters, dictionary_form)
    raise FramingError(
        f"analyze() takes an article's text (str), an Article or a DataFrame, not "
        f"{type(data).__name__}; for a file use framing.Article.from_file(path)"
    )


def _in_form(table: pd.DataFrame, counters: Sequence, dictionary_form: str) -> pd.DataFrame:
    """Return ``table`` in the ``dictionary_form`` asked for (its dictionaries' long form)."""
    return long_table(table, counters) if dictionary_form == "long" else table
