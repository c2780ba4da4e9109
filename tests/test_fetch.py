"""Fetching sources: against a real HTTP server on 127.0.0.1 that serves pages written here."""

from __future__ import annotations

import csv
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from framing.comparisons.align import compare
from framing.datasets.fetch import (
    FAILED,
    MANIFEST_COLUMNS,
    MIN_ARTICLE_WORDS,
    USER_AGENT,
    extract_article_text,
    fetch_sources,
    read_manifest,
    source_paths,
)
from framing.errors import InputError
from tests.conftest import REPO

ARTICLE_PARAGRAPHS = [
    "Raqqa is where ISIS first imposed the strict laws that it hoped would one day govern a "
    "caliphate that took land across Iraq and Syria.",
    "After they took the city in 2014, women were not allowed out in public alone. Young men, "
    "even children, were trained to fight.",
    "Remnant fighters are believed to be hiding in tunnels, and clearing explosives may take "
    "several months, commanders said.",
]
ARTICLE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>ISIS makes last stand - News</title>"
    "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
    "<h1>ISIS Makes Last Stand At A Stadium In Raqqa</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    + "</article><footer>\u00a9 2017 News Inc.</footer></body></html>"
)
NO_ARTICLE = (
    "<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
    "<form><input name='user'><button>Sign in</button></form></body></html>"
)
PAGES = {
    "/npr.html": (200, "text/html; charset=utf-8", ARTICLE.encode("utf-8")),
    "/wall.html": (200, "text/html", NO_ARTICLE.encode("utf-8")),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
    "/chart.png": (200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append((self.path, self.headers.get("User-Agent")))
        if self.path == "/slow.html":
            time.sleep(1.5)
        status, content_type, body = PAGES.get(self.path, (404, "text/html", b"<p>Not here</p>"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    # The slow page's client has gone by the time it answers; that broken pipe is expected.
    httpd.handle_error = lambda request, address: None
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    # A proxy set on the machine must not carry the test's requests away from 127.0.0.1.
    for name in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)


def _closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def _write_manifest(folder: Path, base: str) -> Path:
    (folder / "release.txt").write_text("Release\n\nU.S. forces struck two camps.\n", "utf-8")
    entries = [
        ("npr", "NPR", "Last stand", f"{base}/npr.html", ""),
        ("gone", "CBS News", "Fall of Raqqa", f"{base}/gone.html", ""),
        ("wall", "Paper", "Behind a wall", f"{base}/wall.html", ""),
        ("pdf", "Agency", "A report", f"{base}/report.pdf", ""),
        ("png", "Agency", "A chart", f"{base}/chart.png", ""),
        ("closed", "Nobody", "Closed port", f"http://127.0.0.1:{_closed_port()}/a.html", ""),
        ("release", "DoD", "Strike", "", "release.txt"),
        ("bowman", "NPR", "No URL recorded", "", ""),
    ]
    path = folder / "manifest.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", *MANIFEST_COLUMNS])
        for entry_id, outlet, title, url, local in entries:
            writer.writerow([entry_id, outlet, title, "2017-10-17", url, "copyrighted", local])
    return path


@pytest.fixture
def base(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def test_each_entry_gets_a_status_and_the_others_still_complete(tmp_path, base, server):
    manifest = _write_manifest(tmp_path, base)
    cache = tmp_path / "cache"
    report = fetch_sources(manifest, cache_dir=cache, timeout=5)
    status = dict(zip(report["id"], report["status"], strict=True))
    assert status == {
        "npr": "ok",
        "gone": "http_error",
        "wall": "no_article_text",
        "pdf": "not_html",
        "png": "not_html",
        "closed": "unreachable",
        "release": "local",
        "bowman": "skipped",
    }
    reason = dict(zip(report["id"], report["reason"], strict=True))
    assert reason["gone"] == "HTTP 404 Not Found"
    assert "application/pdf" in reason["pdf"] and "image/png" in reason["png"]
    assert "refused" in reason["closed"].lower()
    assert str(MIN_ARTICLE_WORDS) in reason["wall"]
    # Only the article was cached, as blank-line paragraphs under its headline.
    assert sorted(p.name for p in cache.iterdir()) == ["npr.txt"]
    cached = (cache / "npr.txt").read_text("utf-8").strip().split("\n\n")
    assert cached == ["ISIS Makes Last Stand At A Stadium In Raqqa", *ARTICLE_PARAGRAPHS]
    assert report.loc[report["id"] == "npr", "path"].item() == str(cache / "npr.txt")
    assert {agent for _, agent in server.requests} == {USER_AGENT}


def test_a_cached_entry_is_not_fetched_again_unless_refreshed(tmp_path, base, server):
    manifest = _write_manifest(tmp_path, base)
    cache = tmp_path / "cache"
    fetch_sources(manifest, cache_dir=cache, timeout=5)
    before = [path for path, _ in server.requests].count("/npr.html")
    again = fetch_sources(manifest, cache_dir=cache, timeout=5)
    assert again.loc[again["id"] == "npr", "status"].item() == "cached"
    assert [path for path, _ in server.requests].count("/npr.html") == before
    refreshed = fetch_sources(manifest, cache_dir=cache, timeout=5, refresh=True)
    assert refreshed.loc[refreshed["id"] == "npr", "status"].item() == "ok"
    assert [path for path, _ in server.requests].count("/npr.html") == before + 1


def test_a_server_that_does_not_answer_in_time_is_unreachable(tmp_path, base):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "id,outlet,title,date,url,license,local_path\n"
        f"slow,Slow,Slow page,2017-10-17,{base}/slow.html,copyrighted,\n",
        encoding="utf-8",
    )
    report = fetch_sources(manifest, cache_dir=tmp_path / "cache", timeout=0.3)
    assert report["status"].tolist() == ["unreachable"]
    assert "timed out" in report["reason"].item()


def test_compare_reads_the_cached_and_shipped_sources(tmp_path, base):
    manifest = _write_manifest(tmp_path, base)
    cache = tmp_path / "cache"
    fetch_sources(manifest, cache_dir=cache, timeout=5)
    paths = source_paths(manifest, cache_dir=cache)
    assert paths == {"npr": cache / "npr.txt", "release": tmp_path / "release.txt"}
    partisan = (
        "NPR also reported on Raqqa. According to reporter Ruth Sherlock, \u201cRaqqa is where "
        "ISIS first imposed the strict laws that it hoped would one day govern a caliphate that "
        "took land across Iraq and Syria.\u201d"
    )
    sources = {name: path.read_text("utf-8") for name, path in paths.items()}
    row = compare(partisan, sources).iloc[0]
    assert (row["status"], row["source_doc"], row["source_paragraph"]) == ("aligned", "npr", 1)
    assert row["quote_fidelity"] == "verbatim"


def test_the_command_exits_1_when_some_entries_failed_and_0_when_none_did(tmp_path, base, capsys):
    manifest = _write_manifest(tmp_path, base)
    cache = tmp_path / "cache"
    report_path = tmp_path / "report.csv"
    code = main(["fetch-sources", str(manifest), "--cache", str(cache), "-o", str(report_path)])
    assert code == 1
    report = pd.read_csv(report_path, keep_default_na=False)
    assert report["status"].isin(FAILED).sum() == 5
    assert "3 of 8 entries without failure" in capsys.readouterr().out

    good = tmp_path / "good.csv"
    good.write_text(
        "id,outlet,title,date,url,license,local_path\n"
        f"npr,NPR,Last stand,2017-10-17,{base}/npr.html,copyrighted,\n",
        encoding="utf-8",
    )
    assert main(["fetch-sources", str(good), "--cache", str(cache), "--format", "csv"]) == 0
    assert "cached" in capsys.readouterr().out
    code = main(
        [
            "compare",
            str(REPO / "framing/data/seed/000_40f3ba37e42615d7.txt"),
            "--manifest",
            str(good),
            "--cache",
            str(cache),
            "--format",
            "csv",
        ]
    )
    assert code == 0


def test_the_shipped_manifest_records_the_cited_reports():
    manifest = read_manifest(REPO / "framing/data/sources/manifest.csv")
    assert list(manifest.columns[:7]) == ["id", *MANIFEST_COLUMNS]
    shipped = manifest[manifest["local_path"] != ""]
    # Only the public-domain DoD release may be shipped.
    assert shipped["id"].tolist() == ["dod-centcom-2017-10-16-yemen-isis-camps"]
    assert (REPO / "framing/data/sources" / shipped["local_path"].item()).is_file()
    outlets = " ".join(manifest["outlet"])
    assert all(name in outlets for name in ("CBS", "NPR", "NBC", "Central Command"))
    assert manifest.loc[manifest["outlet"].str.startswith("CBS"), "url"].item().startswith("http")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("outlet,title,url\nNPR,x,http://a\n", "lacks the column"),
        (
            "id,outlet,title,date,url,license,local_path\n"
            "a,NPR,x,2017,http://a,c,\na,NPR,y,2017,http://b,c,\n",
            "appear more than once",
        ),
        ("id,outlet,title,date,url,license,local_path\na/b,NPR,x,2017,http://a,c,\n", "file names"),
    ],
)
def test_a_bad_manifest_is_refused_with_what_to_fix(tmp_path, content, message):
    path = tmp_path / "manifest.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_manifest(path)


def test_an_entry_without_an_id_gets_one_from_its_url(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text(
        "outlet,title,date,url,license,local_path\n"
        "NPR,x,2017,https://www.npr.org/2017/10/17/raqqa,c,\n",
        encoding="utf-8",
    )
    (entry_id,) = read_manifest(path)["id"]
    assert entry_id.startswith("npr-org-2017-10-17-raqqa-") and len(entry_id) == 33


def test_text_extraction_falls_back_to_the_html_reader(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    text = extract_article_text(ARTICLE)
    assert text.split("\n\n") == [
        "ISIS Makes Last Stand At A Stadium In Raqqa",
        *ARTICLE_PARAGRAPHS,
    ]
    assert extract_article_text(NO_ARTICLE) == ""
