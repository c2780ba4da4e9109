"""Fetch a dataset into the data folder, checking each file's SHA-256.

Nothing here runs at import or by itself: only ``framing download NAME`` or a call to
:func:`download` fetches anything. A file whose checksum differs from the published one is
deleted and reported, never used.
"""

from __future__ import annotations

import hashlib
import tarfile
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from framing.datasets.loaders import DatasetInfo, DownloadFile, data_home, dataset_info, how_to_get
from framing.errors import FramingError

__all__ = ["download", "DownloadError", "DownloadReport", "sha256_of"]

#: Bytes read at a time while downloading and hashing (1 MiB).
_BLOCK = 1 << 20
#: Seconds to wait for a server before giving up.
TIMEOUT_SECONDS = 60
_ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")


class DownloadError(FramingError):
    """A download that failed or whose checksum did not match; the message says what to do."""


@dataclass(frozen=True)
class DownloadReport:
    """What :func:`download` did: the dataset, its folder, the files and bytes it fetched."""

    name: str
    folder: Path
    files: tuple[str, ...]
    bytes: int
    skipped: tuple[str, ...] = ()

    def __str__(self) -> str:
        fetched = (
            f"downloaded {len(self.files)} file(s), {self.bytes:,} bytes, checksums verified"
            if self.files
            else "nothing to download"
        )
        kept = f"; already there and verified: {', '.join(self.skipped)}" if self.skipped else ""
        return f"{self.name}: {fetched}{kept}; in {self.folder}"


def sha256_of(path: Path) -> str:
    """Return the hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _fetch(file: DownloadFile, target: Path) -> int:
    """Download ``file`` to ``target`` through a temporary file; return its size in bytes."""
    digest = hashlib.sha256()
    size = 0
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".part") as part:
        partial = Path(part.name)
        try:
            with urllib.request.urlopen(file.url, timeout=TIMEOUT_SECONDS) as response:
                while block := response.read(_BLOCK):
                    part.write(block)
                    digest.update(block)
                    size += len(block)
        except (urllib.error.URLError, OSError) as error:
            part.close()
            partial.unlink(missing_ok=True)
            reason = getattr(error, "reason", error)
            raise DownloadError(
                f"could not download {file.url} ({reason}); check the network, or copy "
                f"{file.filename} into {target.parent} by hand"
            ) from None
    if digest.hexdigest() != file.sha256:
        partial.unlink(missing_ok=True)
        raise DownloadError(
            f"checksum mismatch for {file.url}: expected sha256 {file.sha256}, got "
            f"{digest.hexdigest()}; the file was deleted. The published file may have changed: "
            "report it to the framing maintainers, or copy a verified copy into "
            f"{target.parent}"
        )
    partial.replace(target)
    return size


def _extract(archive: Path, folder: Path) -> None:
    """Unpack a zip or tar archive into ``folder``, refusing members that would land outside."""
    root = folder.resolve()
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as bundle:
            for member in bundle.namelist():
                if not (root / member).resolve().is_relative_to(root):
                    raise DownloadError(
                        f"{archive.name} holds {member!r}, outside the data folder; not unpacked"
                    )
            bundle.extractall(folder)
    else:
        with tarfile.open(archive) as bundle:
            try:
                bundle.extractall(folder, filter="data")
            except tarfile.FilterError as error:
                raise DownloadError(f"{archive.name} was not unpacked: {error}") from None


def download(
    name: str | DatasetInfo, *, data_dir: str | Path | None = None, force: bool = False
) -> DownloadReport:
    """Return a report after fetching dataset ``name`` into its folder, checksums verified.

    Files already there with the right checksum are kept (unless ``force``). Archives
    (``.zip``, ``.tar.gz``) are unpacked into the dataset's folder after their check. A dataset
    that cannot be downloaded (it needs a registration, for example) raises
    :class:`DownloadError` saying how to get it.
    """
    info = name if isinstance(name, DatasetInfo) else dataset_info(name)
    folder = data_home(data_dir) / info.folder
    if not info.downloads:
        raise DownloadError(
            f"{info.name} cannot be downloaded automatically; {how_to_get(info, folder)}"
        )
    folder.mkdir(parents=True, exist_ok=True)
    fetched, skipped, total = [], [], 0
    for file in info.downloads:
        target = folder / file.filename
        if not force and target.is_file() and sha256_of(target) == file.sha256:
            skipped.append(file.filename)
            continue
        total += _fetch(file, target)
        fetched.append(file.filename)
        if file.filename.endswith(_ARCHIVE_SUFFIXES):
            _extract(target, folder)
    return DownloadReport(info.name, folder, tuple(fetched), total, tuple(skipped))
