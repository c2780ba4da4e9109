"""Data derived from files, kept on disk between runs: built once, read back, never required.

Reading TextBlob's sentiment XML, for one, costs a one-article run more than measuring the
article. :func:`cached` keeps what such a step builds in the user's cache folder
(``platformdirs.user_cache_dir("framing")/compiled``, or ``$FRAMING_CACHE_DIR``), in a file
whose name holds a key: framing's version, and the SHA-256 of every source file and of the
modules whose code builds the value (so that a change to that code rebuilds it, even in a
development checkout whose version stays the same). A file is written under a temporary name
and renamed, so a reader never sees half of it; it carries the SHA-256 of its content, so a
damaged file is noticed, ignored and written again. When the folder cannot be written (a
read-only home), the value is built in memory, as if there were no cache.

>>> import os, pathlib, tempfile
>>> from unittest import mock
>>> source = pathlib.Path(tempfile.mkdtemp()) / "numbers.txt"
>>> _ = source.write_text("1 2 3")
>>> def add_up():
...     return sum(map(int, source.read_text().split()))
>>> with mock.patch.dict(os.environ, {"FRAMING_CACHE_DIR": str(source.parent / "cache")}):
...     built = cached("sum", sources=[source], build=add_up)
...     read_back = cached("sum", sources=[source], build=lambda: "not called: read back")
>>> built, read_back
(6, 6)
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from framing._version import __version__

__all__ = ["cached", "cache_dir", "CACHE_ENV", "CACHE_SUBDIR"]

#: Environment variable that names the cache folder instead of the user's cache folder.
CACHE_ENV = "FRAMING_CACHE_DIR"
#: Subfolder of the user's cache folder (``platformdirs.user_cache_dir("framing")``).
CACHE_SUBDIR = "compiled"
#: First bytes of every cache file: what it is, and the layout of what follows (then the
#: SHA-256 of the pickle, then the pickle).
_MAGIC = b"framing-cache 1\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
#: Hexadecimal digits of the key in a cache file's name.
_KEY_LENGTH = 32

T = TypeVar("T")
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """Return the folder of the cache files: ``$FRAMING_CACHE_DIR``, else the user cache's."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("framing")) / CACHE_SUBDIR


def _key(name: str, files: Sequence[Path]) -> str:
    digest = hashlib.sha256(f"{name}\0{__version__}".encode())
    for path in files:
        digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    return digest.hexdigest()[:_KEY_LENGTH]


def _read(path: Path) -> tuple[bool, object]:
    """Return ``(True, value)`` from a sound cache file, else ``(False, None)``."""
    try:
        content = path.read_bytes()
    except OSError:  # missing (the usual case) or unreadable
        return False, None
    header = len(_MAGIC) + _DIGEST_SIZE
    payload = content[header:]
    if (
        not content.startswith(_MAGIC)
        or content[len(_MAGIC) : header] != hashlib.sha256(payload).digest()
    ):
        log.debug("cache file %s is damaged; building it again", path)
        return False, None
    try:
        return True, pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        log.debug("cache file %s cannot be read back; building it again", path)
        return False, None


def _write(path: Path, value: object, name: str) -> None:
    """Write ``value`` to ``path`` atomically, or log why the folder cannot take it; remove the
    files of step ``name`` with other keys."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:  # a read-only home, a full disk: go on without the cache
        log.debug("cannot write the cache file %s (%s); building in memory", path, error)
        return
    for stale in path.parent.glob(f"{name}-{'?' * _KEY_LENGTH}.pickle"):
        if stale != path:  # the same step, made from other files or by another version
            stale.unlink(missing_ok=True)


def cached(
    name: str, *, sources: Sequence[Path], code: Sequence[str] = (), build: Callable[[], T]
) -> T:
    """Return ``build()``'s value, read from the cache when a copy made from ``sources`` is there.

    ``name`` names the step (letters, digits and dashes); ``sources`` are the files the value is
    made from, and ``code`` the names of the (imported) modules whose code builds it. The value
    must be picklable, and equal to what ``build()`` would return.
    """
    try:
        files = [*sources, *(sys.modules[module].__file__ for module in code)]
        path = cache_dir() / f"{name}-{_key(name, files)}.pickle"
    except OSError as error:  # a source that cannot be read is build()'s problem to report
        log.debug("no cache for %s (%s)", name, error)
        return build()
    found, value = _read(path)
    if found:
        return value
    value = build()
    _write(path, value, name)
    return value
