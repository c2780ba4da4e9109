"""The tidy table: one row per paragraph, for one article or a corpus of millions.

It takes texts, Articles or DataFrames and gives the paragraph table
(:data:`COLUMNS`, defined in :data:`MEASURE_DEFINITIONS`), measured in chunks on every
core or on Dask, and saves it with its definitions (:func:`save_table`). The names below are
imported from their module on first use, so that measuring one article does not import pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing._lazy import lazy_names

if TYPE_CHECKING:
    from framing.table.engine import (
        PIECES_IN_FLIGHT_PER_JOB,
        TASK_ROWS,
        analyze,
        analyze_chunks,
        analyze_dask,
        analyze_file,
        resolve_jobs,
        score_sentiment,
    )
    from framing.table.metadata import SIDECAR_SUFFIX, table_metadata
    from framing.table.records import (
        article_rows,
        error_row,
        rows_for_documents,
        text_problem,
    )
    from framing.table.results import (
        METADATA_KEY,
        SAVE_FORMATS,
        TableWriter,
        json_lines,
        json_records,
        json_value,
        read_metadata,
        save_table,
    )
    from framing.table.rows import to_table
    from framing.table.schema import (
        ALL_MEASURES,
        COLUMNS,
        DEFAULT_DOC_ID,
        MEASURE_DEFINITIONS,
        MEASURE_GROUPS,
        check_measures,
        table_columns,
    )

__all__ = [
    "ALL_MEASURES",
    "COLUMNS",
    "DEFAULT_DOC_ID",
    "MEASURE_DEFINITIONS",
    "MEASURE_GROUPS",
    "check_measures",
    "table_columns",
    "article_rows",
    "error_row",
    "rows_for_documents",
    "text_problem",
    "to_table",
    "analyze",
    "analyze_chunks",
    "analyze_file",
    "analyze_dask",
    "score_sentiment",
    "resolve_jobs",
    "TASK_ROWS",
    "PIECES_IN_FLIGHT_PER_JOB",
    "save_table",
    "read_metadata",
    "table_metadata",
    "TableWriter",
    "json_records",
    "json_lines",
    "json_value",
    "SAVE_FORMATS",
    "METADATA_KEY",
    "SIDECAR_SUFFIX",
]

_MODULES = {
    **dict.fromkeys(
        [
            "PIECES_IN_FLIGHT_PER_JOB",
            "TASK_ROWS",
            "analyze",
            "analyze_chunks",
            "analyze_dask",
            "analyze_file",
            "resolve_jobs",
            "score_sentiment",
        ],
        "framing.table.engine",
    ),
    **dict.fromkeys(
        [
            "METADATA_KEY",
            "SAVE_FORMATS",
            "TableWriter",
            "json_lines",
            "json_records",
            "json_value",
            "read_metadata",
            "save_table",
        ],
        "framing.table.results",
    ),
    **dict.fromkeys(["SIDECAR_SUFFIX", "table_metadata"], "framing.table.metadata"),
    **dict.fromkeys(
        ["article_rows", "error_row", "rows_for_documents", "text_problem"], "framing.table.records"
    ),
    **dict.fromkeys(["to_table"], "framing.table.rows"),
    **dict.fromkeys(
        [
            "ALL_MEASURES",
            "COLUMNS",
            "DEFAULT_DOC_ID",
            "MEASURE_DEFINITIONS",
            "MEASURE_GROUPS",
            "check_measures",
            "table_columns",
        ],
        "framing.table.schema",
    ),
}

__getattr__, __dir__ = lazy_names(__name__, globals(), _MODULES)
