"""Write files so that a failed run leaves what was there untouched.

A writer writes to a temporary file beside its target and renames it over the target only when
it has written the whole file (``os.replace`` is atomic on one file system). A run that fails
half-way, or is interrupted, leaves the earlier result as it was, and no half-written file.

>>> import pathlib, tempfile
>>> target = pathlib.Path(tempfile.mkdtemp()) / "result.txt"
>>> with atomic_path(target) as temporary:
...     _ = temporary.write_text("done")
>>> target.read_text()
'done'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "atomic_paths"]


def _temporary_beside(target: Path) -> Path:
    # The same folder, so that the rename stays on one file system; the target's suffix last,
    # so that writers which read the format from the suffix (matplotlib) still find it.
    handle, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.stem}.", suffix=f".partial{target.suffix}"
    )
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.fchmod(handle, _mode_for(target))
    finally:
        os.close(handle)
    return Path(name)


def _mode_for(target: Path) -> int:
    """Return the permission bits the new file gets: the target's, else what umask allows."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def atomic_paths(*targets: str | Path) -> Iterator[list[Path]]:
    """Yield a temporary path beside each target; rename each over its target on success.

    The targets' folders are created. On any error (or interruption) the temporary files are
    removed and every target is left as it was.
    """
    targets = [Path(target) for target in targets]
    temporaries: list[Path] = []
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporaries.append(_temporary_beside(target))
        yield list(temporaries)
    except BaseException:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in zip(temporaries, targets, strict=True):
        os.replace(temporary, target)


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success only."""
    with atomic_paths(target) as (temporary,):
        yield temporary
