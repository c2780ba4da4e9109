"""Downloads, against a real HTTP server on 127.0.0.1 serving a fixture archive."""

from __future__ import annotations

import functools
import hashlib
import io
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from framing import cli
from framing.datasets import loaders as datasets
from framing.datasets.download import DownloadError, download
from framing.datasets.loaders import DatasetInfo, DownloadFile
from tests.conftest import need_data

ISOT_FAKE = 'title,text,subject,date\nA,B body,News,"December 31, 2017"\n'
ISOT_TRUE = 'title,text,subject,date\nC,D body,politicsNews,"December 30, 2017"\n'


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def server(tmp_path):
    """Serve a folder holding a zip archive of ISOT-format files, on 127.0.0.1."""
    served = tmp_path / "served"
    served.mkdir()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("Fake.csv", ISOT_FAKE)
        bundle.writestr("True.csv", ISOT_TRUE)
    archive = buffer.getvalue()
    (served / "isot.zip").write_bytes(archive)
    handler = functools.partial(_QuietHandler, directory=str(served))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hashlib.sha256(archive).hexdigest()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _isot_from(url: str, sha256: str) -> DatasetInfo:
    real = datasets.dataset_info("isot-fake-news")
    return DatasetInfo(
        name=real.name,
        title=real.title,
        folder=real.folder,
        citation=real.citation,
        license=real.license,
        homepage=real.homepage,
        files=real.files,
        downloads=(DownloadFile(url, "isot.zip", sha256),),
    )


def test_download_fetches_checks_and_unpacks(server, tmp_path):
    base, sha256 = server
    report = download(_isot_from(f"{base}/isot.zip", sha256), data_dir=tmp_path / "data")
    assert report.files == ("isot.zip",)
    assert report.bytes == (tmp_path / "served" / "isot.zip").stat().st_size
    assert "checksums verified" in str(report)
    isot = datasets.load_isot(data_dir=tmp_path / "data")
    assert isot["text"].tolist() == ["B body", "D body"]
    again = download(_isot_from(f"{base}/isot.zip", sha256), data_dir=tmp_path / "data")
    assert again.files == () and again.skipped == ("isot.zip",)


def test_checksum_mismatch_deletes_the_file_and_says_so(server, tmp_path):
    base, _ = server
    info = _isot_from(f"{base}/isot.zip", "0" * 64)
    with pytest.raises(DownloadError, match="checksum mismatch .* expected sha256 0000") as error:
        download(info, data_dir=tmp_path / "data")
    assert "the file was deleted" in str(error.value)
    assert list((tmp_path / "data" / "isot-fake-news").iterdir()) == []


def test_missing_file_on_the_server_is_a_clear_error(server, tmp_path):
    base, sha256 = server
    with pytest.raises(DownloadError, match="could not download .*/nothing.zip"):
        download(_isot_from(f"{base}/nothing.zip", sha256), data_dir=tmp_path / "data")


def test_cli_download_reports_and_fails_cleanly(server, tmp_path, monkeypatch, capsys):
    base, sha256 = server
    monkeypatch.setitem(datasets.DATASETS, "isot-fake-news", _isot_from(f"{base}/isot.zip", sha256))
    assert cli.main(["download", "isot-fake-news", "--data-dir", str(tmp_path)]) == 0
    assert "isot-fake-news: downloaded 1 file(s)" in capsys.readouterr().out
    assert (tmp_path / "isot-fake-news" / "True.csv").read_text() == ISOT_TRUE
    bad = _isot_from(f"{base}/isot.zip", "f" * 64)
    monkeypatch.setitem(datasets.DATASETS, "isot-fake-news", bad)
    assert cli.main(["download", "isot-fake-news", "--data-dir", str(tmp_path), "--force"]) == 2
    assert "framing: error: checksum mismatch" in capsys.readouterr().err


def test_cli_download_of_a_manual_dataset_says_how(tmp_path, capsys):
    assert cli.main(["download", "semeval2020-task11", "--data-dir", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "cannot be downloaded automatically" in error
    assert str(tmp_path / "semeval2020-task11") in error


def test_published_checksums_match_the_shared_copies():
    shared_data = need_data("babe", "allsides-roundups")
    from framing.datasets.download import sha256_of

    for name in ("babe", "allsides-roundups"):
        info = datasets.dataset_info(name)
        for file in info.downloads:
            assert sha256_of(shared_data / info.folder / file.filename) == file.sha256


def test_cli_download_lists_the_lsd_with_where_and_its_license(tmp_path, capsys):
    """The Lexicoder Sentiment Dictionary is licensed for academic use: listed, never shipped."""
    assert cli.main(["download"]) == 0
    listing = capsys.readouterr().out
    dictionaries = listing.split("dictionaries framing does not ship")[1]
    assert "lsd" in dictionaries and "Lexicoder Sentiment Dictionary 2015" in dictionaries
    assert "get it from https://www.snsoroka.com/data-lexicoder/" in dictionaries
    assert "license: academic (non-commercial) use" in dictionaries
    assert "lsd" not in listing.split("dictionaries framing does not ship")[0]
    assert cli.main(["download", "lsd", "--data-dir", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "cannot be downloaded automatically" in error and "--dictionary lsd=FILE" in error
    package = Path(cli.__file__).parent
    assert not list(package.rglob("*.lc3")) and not list(package.rglob("LSD*"))
