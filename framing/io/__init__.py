"""Reading documents in: text and HTML files, and corpora (CSV, TSV, JSONL, Parquet) in chunks.

It takes paths and gives text (one document, :mod:`framing.io.documents`) or DataFrames (a
corpus, chunk by chunk, :mod:`framing.io.corpora`). The names below are imported from their
module on first use, so that reading a document does not import pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing._lazy import lazy_names

if TYPE_CHECKING:
    from framing.io.corpora import DEFAULT_CHUNK_ROWS, corpus_rows, iter_corpus
    from framing.io.documents import (
        CORPUS_SUFFIXES,
        HTML_SUFFIXES,
        RowProblem,
        check_columns,
        is_corpus,
        read_document,
    )
    from framing.io.html import html_to_text, looks_like_html

__all__ = [
    "CORPUS_SUFFIXES",
    "HTML_SUFFIXES",
    "is_corpus",
    "read_document",
    "iter_corpus",
    "check_columns",
    "RowProblem",
    "DEFAULT_CHUNK_ROWS",
    "corpus_rows",
    "html_to_text",
    "looks_like_html",
]

_MODULES = {
    **dict.fromkeys(
        [
            "CORPUS_SUFFIXES",
            "HTML_SUFFIXES",
            "is_corpus",
            "read_document",
            "check_columns",
            "RowProblem",
        ],
        "framing.io.documents",
    ),
    **dict.fromkeys(["iter_corpus", "DEFAULT_CHUNK_ROWS", "corpus_rows"], "framing.io.corpora"),
    **dict.fromkeys(["html_to_text", "looks_like_html"], "framing.io.html"),
}

__getattr__, __dir__ = lazy_names(__name__, globals(), _MODULES)
