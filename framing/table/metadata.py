"""What a saved table says of itself: its columns' definitions and framing's version.

A Parquet file holds it in its schema's metadata; a CSV or JSONL file has it in a sidecar,
``FILE.meta.json`` (:func:`sidecar_path`, :func:`sidecar_text`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from framing._version import __version__
from framing.table.schema import MEASURE_DEFINITIONS

__all__ = ["KEPT_DEFINITION", "SIDECAR_SUFFIX", "sidecar_path", "sidecar_text", "table_metadata"]

#: The definition saved for each column that ``keep=`` copied from the corpus onto the rows.
KEPT_DEFINITION = "copied from the corpus"
#: Appended to a CSV or JSONL file's name for its metadata file.
SIDECAR_SUFFIX = ".meta.json"


def table_metadata(
    columns,
    extra: Mapping | None = None,
    *,
    kept: Iterable[str] = (),
    definitions: Mapping[str, str] | None = None,
) -> dict:
    """Return the metadata saved with a table of these columns: definitions and version.

    ``kept`` names the columns copied from the corpus (``keep=``); ``definitions`` defines
    columns that are not the schema's (a dictionary's, which a table carries in its
    ``attrs[DEFINITIONS_ATTR]``).

    >>> metadata = table_metadata(["words", "outlet", "not a measure"], kept=["outlet"])
    >>> list(metadata["columns"].items())[1]
    ('outlet', 'copied from the corpus')
    >>> sorted(metadata)
    ['columns', 'framing_version']
    """

    kept = {str(column) for column in kept}
    extra_definitions = dict(definitions or {})
    defined = {}
    for column in map(str, columns):
        if column in MEASURE_DEFINITIONS:
            defined[column] = MEASURE_DEFINITIONS[column]
        elif column in kept:
            defined[column] = KEPT_DEFINITION
        elif column in extra_definitions:
            defined[column] = extra_definitions[column]
    metadata = {"framing_version": __version__, "columns": defined}
    metadata.update(extra or {})
    return metadata


def sidecar_path(path: Path) -> Path:
    """Return the metadata file that goes with a CSV or JSONL table."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def sidecar_text(metadata: Mapping) -> str:
    """Return the text of a sidecar file that holds ``metadata``."""
    return json.dumps(metadata, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
