"""Serve notebook 05 as the classroom app with Voila, on this machine only (127.0.0.1).

:func:`app_notebook` writes the notebook as an ``.ipynb`` with the app's parameters (no worked
example below the app; the data folder for the story picker) after its parameters cell, as
papermill would; :func:`voila_command` is the command that serves it. ``framing classroom`` and
``make classroom`` run that command and print the address.

>>> voila_command(Path("app.ipynb"), port=8866)[3:7]
['app.ipynb', '--no-browser', '--port=8866', '--Voila.ip=127.0.0.1']
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from framing._cache import cache_dir
from framing._optional import require
from framing.errors import FramingError

__all__ = [
    "APP_HOST",
    "DEFAULT_PORT",
    "app_notebook",
    "classroom_notebook",
    "serve",
    "voila_command",
]

#: Where the app listens: this machine only, so nothing outside it can reach a class's texts.
APP_HOST = "127.0.0.1"
#: Voila's own default port.
DEFAULT_PORT = 8866
#: The app's page template (Voila's lab template without links outside this machine), and the
#: folder that holds it as a Jupyter data folder (``voila/templates/NAME``).
TEMPLATE = "framing-classroom"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "app_template"
#: Seconds to wait for Voila to answer (it starts a kernel and runs the notebook first), and
#: for it to stop.
STARTUP_TIMEOUT, STOP_TIMEOUT = 180.0, 20.0
#: The notebook the app serves, in the repository's notebooks/ folder.
NOTEBOOK_NAME = "05-classroom.py"


def classroom_notebook() -> Path:
    """Return notebook 05 of the repository this package runs from, or say how to get it."""
    path = Path(__file__).resolve().parents[2] / "notebooks" / NOTEBOOK_NAME
    if not path.is_file():
        raise FramingError(
            f"the classroom notebook is not beside this installation ({path}); run framing "
            f"classroom from a clone of the repository, or pass --notebook notebooks/"
            f"{NOTEBOOK_NAME}"
        )
    return path


def app_notebook(
    notebook: Path, *, data_dir: str | Path | None = None, folder: Path | None = None
) -> Path:
    """Write ``notebook`` (a jupytext .py or an .ipynb) as the app's .ipynb; return its path.

    A cell after the parameters cell sets ``worked_example = False`` (the app alone) and
    ``data_dir`` (where the story picker looks for the AllSides roundups).
    """
    jupytext = require("jupytext", extra="notebooks")
    nbformat = require("nbformat", extra="notebooks")
    if not Path(notebook).is_file():
        raise FramingError(
            f"no such notebook: {notebook}; pass --notebook notebooks/05-classroom.py"
        )
    document = jupytext.read(notebook)
    tagged = [
        index
        for index, cell in enumerate(document.cells)
        if "parameters" in cell.get("metadata", {}).get("tags", [])
    ]
    if not tagged:
        raise FramingError(f"{notebook} has no cell tagged 'parameters'; tag its parameters cell")
    values = {"worked_example": False, "data_dir": None if data_dir is None else str(data_dir)}
    source = "# Parameters of the classroom app\n" + "".join(
        f"{name} = {value!r}\n" for name, value in values.items()
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    document.cells.insert(tagged[0] + 1, cell)
    folder = folder if folder is not None else cache_dir() / "classroom"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (Path(notebook).stem + ".ipynb")
    jupytext.write(document, path, fmt="ipynb")
    return path


def voila_command(notebook: Path, *, port: int = DEFAULT_PORT) -> list[str]:
    """Return the command that serves ``notebook`` with Voila on 127.0.0.1:``port``."""
    if not 0 < port < 65536:
        raise FramingError(f"--port {port} is not a port; use a number from 1024 to 65535")
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={APP_HOST}",
        "--Voila.port_retries=0",  # the address printed is the one served, or none
        f"--template={TEMPLATE}",
    ]


def voila_environment() -> dict[str, str]:
    """Return the environment Voila runs in: this one, with the app's page template found."""
    paths = [str(TEMPLATE_ROOT), os.environ.get("JUPYTER_PATH", "")]
    return {**os.environ, "JUPYTER_PATH": os.pathsep.join(filter(None, paths))}


def serve(
    notebook: Path,
    *,
    port: int = DEFAULT_PORT,
    on_ready: Callable[[str], None] | None = None,
    timeout: float = STARTUP_TIMEOUT,
) -> int:
    """Serve ``notebook`` (the app's .ipynb) with Voila until it stops; return its exit code.

    ``on_ready`` is called with the app's address once it answers there. A server that stops
    before it answers (a port in use) or does not answer within ``timeout`` seconds raises
    :class:`FramingError` saying what to do.
    """
    require("voila", extra="classroom")
    url = f"http://{APP_HOST}:{port}/"
    process = subprocess.Popen(voila_command(notebook, port=port), env=voila_environment())
    try:
        _wait_until_answered(process, url, port=port, timeout=timeout)
        if on_ready is not None:
            on_ready(url)
        return process.wait()
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_answered(process, url: str, *, port: int, timeout: float) -> None:
    # The port is listened on once Voila is ready; a request for the page itself would start a
    # kernel for nobody.
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise FramingError(
                f"Voila stopped before it served the app (is port {port} in use?); "
                "pass another --port, e.g. --port 8870"
            )
        try:
            with socket.create_connection((APP_HOST, port), timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise FramingError(
                    f"the app did not answer at {url} within {timeout:g} s; see Voila's "
                    "messages above"
                ) from None
            time.sleep(0.3)
