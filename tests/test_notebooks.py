"""Every notebook runs from top to bottom on real data, small; a missing dataset stops cleanly."""

from __future__ import annotations

import os
from pathlib import Path

import jupytext
import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from tests.conftest import REPO, need_data

NOTEBOOKS = REPO / "notebooks"

#: The shared datasets that a notebook reads (the others read only the embedded seed).
DATA = {
    "03-left-center-right": ("allsides-roundups", "mfd"),
    "04-validation": ("babe",),
    "06-partisan-vs-wire": ("allsides-roundups",),
    "07-who-speaks": ("polnear",),
}
#: Small parameters: the whole set runs in well under a minute of kernel time.
RUNS = {
    "01-seed-walkthrough": {},
    "02-partisan-vs-source": {},
    "03-left-center-right": {"sample": 25},
    "04-validation": {"sample": 300},
    "05-classroom": {},
    "06-partisan-vs-wire": {"sample": 25, "min_outlet_pairs": 2},
    "07-who-speaks": {"sample": 4},
}


def _execute(name: str, parameters: dict, folder: Path) -> nbformat.NotebookNode:
    notebook = jupytext.read(NOTEBOOKS / f"{name}.py")
    source = folder / f"{name}.ipynb"
    jupytext.write(notebook, source)
    # The kernel imports this checkout of framing, wherever the tests run from.
    path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), path]))
    try:
        return papermill.execute_notebook(
            str(source),
            str(folder / f"{name}.out.ipynb"),
            parameters=parameters,
            kernel_name="python3",
            cwd=str(NOTEBOOKS),
            progress_bar=False,
            log_output=False,
        )
    finally:
        os.environ["PYTHONPATH"] = path


def _outputs(notebook, kind: str) -> list:
    return [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if kind in output.get("data", {})
    ]


def test_the_notebooks_are_the_numbered_ones():
    assert sorted(path.stem for path in NOTEBOOKS.glob("*.py")) == sorted(RUNS)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_notebook_is_thin_and_starts_with_a_parameters_cell(name):
    notebook = jupytext.read(NOTEBOOKS / f"{name}.py")
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    for cell in code:
        lines = cell.source.splitlines()
        assert not any(
            line.lstrip().startswith(("def ", "for ", "while ", "class ")) for line in lines
        )
    assert not any(cell.get("outputs") for cell in code)  # stored without outputs


@pytest.mark.parametrize("name", sorted(RUNS))
def test_notebook_runs_without_error(name, tmp_path):
    parameters = dict(RUNS[name])
    if name in DATA:
        parameters["data_dir"] = str(need_data(*DATA[name]))
    parameters["figures_dir"] = str(tmp_path / "figures") if name != "05-classroom" else None
    if parameters["figures_dir"] is None:
        del parameters["figures_dir"]
    executed = _execute(name, parameters, tmp_path)
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code)
    errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert errors == []
    if name != "05-classroom":
        assert _outputs(executed, "image/png")  # its figures are shown
        assert sorted(p.suffix for p in (tmp_path / "figures").iterdir())[:1] == [".pdf"]
    else:
        html = "".join(o["data"]["text/html"] for o in _outputs(executed, "text/html"))
        assert "<mark" in html and "framing-worksheet" in html and "<ol>" in html
    if name == "03-left-center-right":  # MFD 2.0 per paragraph and per voice, with its figure
        assert (tmp_path / "figures" / "allsides-mfd.png").is_file()


@pytest.mark.parametrize("name", ["03-left-center-right", "04-validation", "06-partisan-vs-wire"])
def test_missing_data_says_how_to_get_it_and_stops_at_that_cell(name, tmp_path):
    empty = tmp_path / "no-data"
    empty.mkdir()
    with pytest.raises(PapermillExecutionError) as stopped:
        _execute(name, {"data_dir": str(empty), "sample": 5}, tmp_path)
    assert stopped.value.ename == "NotebookStopped"
    executed = nbformat.read(tmp_path / f"{name}.out.ipynb", as_version=4)
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    ran = [cell for cell in code if cell.execution_count]
    assert len(ran) == 3  # parameters, injected parameters, and the loading cell
    message = "".join(o["data"]["text/html"] for o in _outputs(executed, "text/html"))
    assert "not on this machine" in message and "framing download" in message
    assert "Traceback" not in "".join(stopped.value.traceback)


def test_the_classroom_notebook_compares_a_pasted_article_with_its_named_source(tmp_path):
    parameters = {
        "article_text": "Evictions Halted\n\nThe CDC halted evictions in counties covering 80% "
        "of the nation's people, officials said.",
        "source_text": "CDC issues new eviction moratorium\n\nThe order halts evictions in areas "
        "where 80 percent of the U.S. population lives.",
        "source_name": "NPR, 3 Aug 2021",
    }
    executed = _execute("05-classroom", parameters, tmp_path)
    html = "".join(o["data"]["text/html"] for o in _outputs(executed, "text/html"))
    assert "compared with: NPR, 3 Aug 2021" in html
    assert "Yemen" not in html and "DoD" not in html  # the release goes with the seed only
