"""Fetch the cited reports that cannot be shipped, on the user's machine, and cache their text.

A source manifest (CSV) records each report a partisan article cites: ``outlet, title, date,
url, license, local_path`` (and optionally ``id`` and ``note``). ``local_path`` is filled only
where the text may be shipped (a public-domain release); it is relative to the manifest's
folder. :func:`fetch_sources` downloads every other entry that has a URL, extracts the article
text with trafilatura (falling back to :func:`framing.io.html.html_to_text`), and caches it as
``ID.txt`` in the cache folder, so that :func:`framing.compare` and ``framing compare`` can read
it. One entry that fails does not stop the others: each gets a status and a reason.

Statuses: ``ok`` (downloaded now), ``cached`` (in the cache already), ``local`` (shipped with
the manifest), ``skipped`` (no URL recorded), and the failures ``unreachable``, ``http_error``,
``not_html``, ``too_large``, ``no_article_text`` and ``missing_local``.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import urllib.error
import urllib.request
from pathlib import Path

import pandas as pd

from framing._optional import require
from framing._version import __version__
from framing.errors import InputError
from framing.io.html import html_to_text, looks_like_html
from framing.text.words import count_words

__all__ = [
    "read_manifest",
    "fetch_sources",
    "source_paths",
    "extract_article_text",
    "default_cache_dir",
    "MANIFEST_COLUMNS",
    "REPORT_COLUMNS",
    "FAILED",
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "MIN_ARTICLE_WORDS",
    "USER_AGENT",
]

#: The columns a manifest must have (``id`` and ``note`` are optional).
MANIFEST_COLUMNS = ("outlet", "title", "date", "url", "license", "local_path")
#: The columns of the status report.
REPORT_COLUMNS = ("id", "outlet", "url", "status", "reason", "path")
#: Statuses that make ``framing fetch-sources`` exit with code 1.
FAILED = ("unreachable", "http_error", "not_html", "too_large", "no_article_text", "missing_local")

#: Seconds to wait for a server before giving up on an entry: news sites answer within a few
#: seconds; 20 leaves room for a slow one without holding the other entries up for long.
DEFAULT_TIMEOUT = 20.0
#: A news article's page is well under a few megabytes of HTML; an answer larger than this is
#: not an article page, and reading it whole would only waste memory.
MAX_BYTES = 10_000_000
#: Fewer words than this is a page without an article (a consent wall, a login form, an index):
#: the shortest report the seed cites, the DoD release, has 164 words.
MIN_ARTICLE_WORDS = 25
#: Identifies the client to the server, as polite crawlers do.
USER_AGENT = f"framing/{__version__} (research; fetch-sources)"

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def default_cache_dir() -> Path:
    """Return the user's cache folder for fetched sources (``platformdirs``' user cache)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("framing")) / "sources"


def _entry_id(url: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"^[a-z]+://(www\.)?", "", url.lower())).strip("-")
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:60].rstrip('-')}-{digest}"


def read_manifest(path: str | Path) -> pd.DataFrame:
    """Return a source manifest as a table, with an ``id`` for every entry.

    An entry without an ``id`` gets one made from its URL. Raises
    :class:`~framing.errors.InputError` for a missing file, missing columns or repeated ids.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such manifest; check the path")
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError) as error:
        raise InputError(f"{path} could not be read as CSV: {error}") from None
    missing = [column for column in MANIFEST_COLUMNS if column not in manifest.columns]
    if missing:
        raise InputError(
            f"{path} lacks the column(s) {missing}; a manifest needs "
            f"{', '.join(MANIFEST_COLUMNS)} (and may have id, note)"
        )
    if "id" not in manifest.columns:
        manifest.insert(0, "id", "")
    for index, row in manifest.iterrows():
        if not row["id"].strip():
            if not row["url"].strip() and not row["local_path"].strip():
                raise InputError(
                    f"{path}: entry {index + 1} ({row['title']!r}) has no id, url or local_path; "
                    "give it at least an id"
                )
            manifest.loc[index, "id"] = _entry_id(row["url"] or row["local_path"])
    repeated = sorted(set(manifest["id"][manifest["id"].duplicated()]))
    if repeated:
        raise InputError(f"{path}: ids {repeated} appear more than once; give each entry its own")
    bad = [name for name in manifest["id"] if not re.fullmatch(r"[\w.\-]+", name)]
    if bad:
        raise InputError(
            f"{path}: ids {bad} are not usable as file names; use letters, digits, '-', '_', '.'"
        )
    manifest.attrs["folder"] = str(path.parent)
    return manifest


def extract_article_text(html: str | bytes, *, url: str | None = None) -> str:
    """Return a page's article text: headline and paragraphs separated by blank lines.

    trafilatura extracts the main text; when it finds too little, the page is read with
    :func:`framing.io.html.html_to_text`. Returns ``""`` when neither finds
    :data:`MIN_ARTICLE_WORDS` words.

    >>> page = ("<html><body><nav>Home</nav><article><h1>Strike in Yemen</h1><p>"
    ...         + "U.S. forces struck two training camps in Yemen on Monday. " * 4
    ...         + "</p></article></body></html>")
    >>> extract_article_text(page).split("\\n\\n")[0]
    'Strike in Yemen'
    """
    trafilatura = require("trafilatura", extra="fetch")
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False)
    paragraphs = [line.strip() for line in (text or "").splitlines() if line.strip()]
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title or "").strip() if metadata is not None else ""
    if paragraphs and title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    article = "\n\n".join(paragraphs)
    if count_words(article) < MIN_ARTICLE_WORDS:
        article = html_to_text(html)
    return article if count_words(article) >= MIN_ARTICLE_WORDS else ""


def _download(url: str, *, timeout: float) -> tuple[str, str, str]:
    """Return ``(status, reason, article text)`` for ``url``."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or "utf-8"
            declared = response.headers.get("Content-Type") is not None
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        return "http_error", f"HTTP {error.code} {error.reason}", ""
    except urllib.error.URLError as error:
        return "unreachable", str(error.reason), ""
    except (TimeoutError, http.client.HTTPException, OSError) as error:
        return "unreachable", str(error) or type(error).__name__, ""
    except ValueError as error:
        return "unreachable", f"not a URL that can be fetched ({error})", ""
    if len(body) > MAX_BYTES:
        return "too_large", f"the answer is larger than {MAX_BYTES:,} bytes", ""
    html = body.decode(charset, errors="replace")
    if (declared and content_type not in _HTML_TYPES) or (
        not declared and not looks_like_html(html)
    ):
        return "not_html", f"the server answered {content_type}, not an HTML page", ""
    text = extract_article_text(html, url=url)
    if not text:
        return "no_article_text", f"fewer than {MIN_ARTICLE_WORDS} words of article text", ""
    return "ok", f"{count_words(text)} words", text


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def fetch_sources(
    manifest: str | Path | pd.DataFrame,
    *,
    cache_dir: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    refresh: bool = False,
) -> pd.DataFrame:
    """Return one status row per manifest entry, after fetching and caching what can be.

    Entries with a ``local_path`` are checked, not fetched. Entries already cached are not
    fetched again unless ``refresh``. Every entry is tried even when others fail; the report's
    ``status`` and ``reason`` say what happened (:data:`FAILED` lists the failures).
    """
    if not isinstance(manifest, pd.DataFrame):
        manifest = read_manifest(manifest)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise InputError(f"timeout={timeout!r} is not valid; give a number of seconds above 0")
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    folder = Path(manifest.attrs.get("folder", "."))
    rows = []
    for _, entry in manifest.iterrows():
        row = {"id": entry["id"], "outlet": entry["outlet"], "url": entry["url"]}
        cached = cache / f"{entry['id']}.txt"
        if entry["local_path"].strip():
            local = folder / entry["local_path"]
            if local.is_file():
                row.update(status="local", reason="shipped with the manifest", path=str(local))
            else:
                row.update(status="missing_local", reason=f"{local} does not exist", path="")
        elif not entry["url"].strip():
            row.update(status="skipped", reason="no URL recorded", path="")
        elif cached.is_file() and not refresh:
            row.update(status="cached", reason="fetched before", path=str(cached))
        else:
            status, reason, text = _download(entry["url"].strip(), timeout=timeout)
            if status == "ok":
                _write_atomically(cached, text + "\n")
            row.update(status=status, reason=reason, path=str(cached) if status == "ok" else "")
        rows.append(row)
    return pd.DataFrame.from_records(rows, columns=REPORT_COLUMNS)


def source_paths(
    manifest: str | Path | pd.DataFrame, *, cache_dir: str | Path | None = None
) -> dict[str, Path]:
    """Return ``{id: path}`` of the manifest's sources whose text is here (shipped or cached)."""
    if not isinstance(manifest, pd.DataFrame):
        manifest = read_manifest(manifest)
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    folder = Path(manifest.attrs.get("folder", "."))
    paths = {}
    for _, entry in manifest.iterrows():
        local = folder / entry["local_path"] if entry["local_path"].strip() else None
        cached = cache / f"{entry['id']}.txt"
        if local is not None and local.is_file():
            paths[entry["id"]] = local
        elif local is None and cached.is_file():
            paths[entry["id"]] = cached
    return paths
