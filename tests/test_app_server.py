"""framing classroom's parts that need no browser: the app's notebook, its command, mistakes."""

from __future__ import annotations

import jupytext
import pytest

from framing.cli import main
from framing.errors import FramingError
from framing.report.app_server import (
    APP_HOST,
    TEMPLATE,
    TEMPLATE_ROOT,
    app_notebook,
    classroom_notebook,
    voila_command,
    voila_environment,
)
from tests.conftest import REPO


def test_the_app_notebook_sets_its_parameters_after_the_parameters_cell(tmp_path):
    path = app_notebook(classroom_notebook(), data_dir=tmp_path / "data", folder=tmp_path)
    assert path == tmp_path / "05-classroom.ipynb"
    cells = jupytext.read(path).cells
    tagged = [i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", [])]
    injected = cells[tagged[0] + 1]
    assert injected.metadata["tags"] == ["injected-parameters"]
    assert "worked_example = False" in injected.source
    assert f"data_dir = {str(tmp_path / 'data')!r}" in injected.source
    # the notebook itself is unchanged
    assert classroom_notebook() == REPO / "notebooks" / "05-classroom.py"
    assert "injected" not in classroom_notebook().read_text(encoding="utf-8")


def test_voila_serves_on_loopback_with_the_template_that_fetches_nothing_outside():
    command = voila_command(REPO / "app.ipynb", port=8870)
    assert f"--Voila.ip={APP_HOST}" in command and APP_HOST == "127.0.0.1"
    assert "--port=8870" in command and "--Voila.port_retries=0" in command
    assert f"--template={TEMPLATE}" in command
    template = TEMPLATE_ROOT / "voila" / "templates" / TEMPLATE / "index.html.j2"
    assert template.is_file()
    assert voila_environment()["JUPYTER_PATH"].split(":")[0] == str(TEMPLATE_ROOT)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["classroom", "--port", "0"], "--port 0 is not a port"),
        (["classroom", "--notebook", "no-such.py"], "no such notebook: no-such.py"),
        (["classroom", "--port", "many"], "invalid int value"),
    ],
)
def test_classroom_command_mistakes_are_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    assert main(argv) == 2
    error = capsys.readouterr().err
    assert error.startswith("framing: error:") and message in error and error.count("\n") == 1


def test_a_notebook_without_a_parameters_cell_is_refused(tmp_path):
    notebook = tmp_path / "plain.py"
    notebook.write_text("# %%\nx = 1\n", encoding="utf-8")
    with pytest.raises(FramingError, match="no cell tagged 'parameters'"):
        app_notebook(notebook, folder=tmp_path)
