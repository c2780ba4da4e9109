"""framing/_optional.py: a missing optional library names the extra that installs it."""

from __future__ import annotations

import sys
import tomllib

import pytest

from framing._optional import DISTRIBUTION, EXTRAS, MissingExtraError, require
from framing.errors import FramingError
from tests.conftest import REPO


class _NotInstalled:
    """A finder that answers for ``names`` as Python does for a library that is not installed."""

    def __init__(self, names):
        self.names = set(names)

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def _hide(monkeypatch, *names: str) -> None:
    for loaded in list(sys.modules):
        if loaded.partition(".")[0] in names:
            monkeypatch.delitem(sys.modules, loaded)
    monkeypatch.setattr(sys, "meta_path", [_NotInstalled(names), *sys.meta_path])


@pytest.mark.parametrize(
    ("module", "extra"),
    [
        ("trafilatura", "fetch"),
        ("ipywidgets", "notebooks"),
        ("dask.dataframe", "dask"),
        ("voila", "classroom"),
    ],
)
def test_a_missing_library_names_its_extra(monkeypatch, module, extra):
    _hide(monkeypatch, module.partition(".")[0])
    with pytest.raises(MissingExtraError) as caught:
        require(module, extra=extra)
    top = module.partition(".")[0]
    assert str(caught.value) == (
        f"{top} is not installed; install it with: pip install 'framing-wire[{extra}]'"
    )
    assert isinstance(caught.value, ImportError) and isinstance(caught.value, FramingError)
    assert "\n" not in str(caught.value)


def test_an_installed_library_is_returned():
    assert require("json", extra="fetch") is sys.modules["json"]


def test_a_failing_import_inside_the_library_is_not_taken_for_a_missing_extra(monkeypatch):
    # pandas is installed; a module missing inside it is a different problem, shown as it is.
    with pytest.raises(ModuleNotFoundError) as caught:
        require("pandas.no_such_submodule", extra="dask")
    assert not isinstance(caught.value, MissingExtraError)


def test_an_unknown_extra_lists_the_valid_ones():
    with pytest.raises(
        FramingError, match="use one of: notebooks, classroom, dask, fetch, semantic"
    ):
        require("json", extra="jupyter")


def test_the_extras_are_those_of_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["name"] == DISTRIBUTION
    assert set(project["optional-dependencies"]) == {*EXTRAS, "dev"}
    assert (
        f"{DISTRIBUTION}[notebooks,classroom,dask,fetch,semantic]"
        in (project["optional-dependencies"]["dev"])
    )
    core = " ".join(project["dependencies"]).lower()
    optional_libraries = ("jupyterlab", "papermill", "jupytext", "ipywidgets", "voila", "dask")
    for optional in (*optional_libraries, "sentence-transformers", "torch", "minilm"):
        assert optional not in core
    assert "trafilatura" not in core


def test_fetching_without_trafilatura_names_the_fetch_extra(monkeypatch):
    from framing.datasets.fetch import extract_article_text

    _hide(monkeypatch, "trafilatura")
    with pytest.raises(MissingExtraError, match=r"pip install 'framing-wire\[fetch\]'"):
        extract_article_text("<html><body><p>Text.</p></body></html>")


def test_classroom_controls_without_ipywidgets_name_the_notebooks_extra(monkeypatch):
    from framing.report.classroom import controls

    _hide(monkeypatch, "ipywidgets")
    with pytest.raises(MissingExtraError, match=r"pip install 'framing-wire\[notebooks\]'"):
        controls("Headline\n\nA paragraph.")


def test_the_command_line_prints_the_extra_in_one_line(monkeypatch, capsys, tmp_path):
    from framing.cli import main
    from framing.datasets import fetch

    _hide(monkeypatch, "trafilatura")
    page = "<html><body><article><p>" + "U.S. forces struck camps. " * 30 + "</p></article>"

    def answer_with_the_page(url, *, timeout):  # the network is blocked in the tests
        return "ok", "", fetch.extract_article_text(page, url=url)

    monkeypatch.setattr(fetch, "_download", answer_with_the_page)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "id,outlet,title,date,url,license,local_path,note\n"
        "a,CBS,T,2017-10-16,https://example.org/a,copyrighted,,\n",
        encoding="utf-8",
    )
    code = main(["fetch-sources", str(manifest), "--cache", str(tmp_path / "cache")])
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "framing: error: trafilatura is not installed; "
        "install it with: pip install 'framing-wire[fetch]'"
    ]
    assert code == 2
