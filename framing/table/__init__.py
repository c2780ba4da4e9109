"""The tidy table: one row per paragraph, for one article or a corpus of millions.

It takes texts, Articles or DataFrames and gives the paragraph table
(:data:`COLUMNS`, defined in :data:`MEASURE_DEFINITIONS`), measured in chunks on every
core or on Dask, and saves it with its definitions (:func:`save_table`).
"""

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
from framing.table.results import (
    METADATA_KEY,
    SAVE_FORMATS,
    SIDECAR_SUFFIX,
    TableWriter,
    json_lines,
    json_records,
    json_value,
    read_metadata,
    save_table,
    table_metadata,
)
from framing.table.rows import (
    article_rows,
    error_row,
    rows_for_documents,
    text_problem,
    to_table,
)
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
