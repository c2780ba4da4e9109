"""Reading documents in: text and HTML files, and corpora (CSV, TSV, JSONL, Parquet) in chunks.

It takes paths and gives text (one document) or DataFrames (a corpus, chunk by chunk).
"""

from framing.io.documents import (
    CORPUS_SUFFIXES,
    DEFAULT_CHUNK_ROWS,
    HTML_SUFFIXES,
    RowProblem,
    check_columns,
    corpus_rows,
    is_corpus,
    iter_corpus,
    read_document,
)
from framing.io.html import (
    html_to_text,
    looks_like_html,
)

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
