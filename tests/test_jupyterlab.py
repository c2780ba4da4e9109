"""Notebook 05 in JupyterLab itself: opened as its paired .ipynb, run, and used, in chromium.

JupyterLab is started on 127.0.0.1 by the test (with settings, workspaces and runtime files
in a temporary folder, and no update or news checks) and stopped at its end; every request
the page makes outside 127.0.0.1 is cut and counted.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys

import pytest

from framing import Article
from framing.datasets.loaders import load_seed_text
from tests.browser import OUT, chromium, cut_the_network, free_port, server
from tests.conftest import REPO, need

#: Milliseconds a step may take on a loaded two-core machine (a kernel starts and runs the
#: notebook).
STEP_MS = 180_000
NOTEBOOK = "05-classroom"


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    need(
        importlib.util.find_spec("jupyterlab") is not None,
        "needs jupyterlab: make install (the dev extra)",
    )
    folder = tmp_path_factory.mktemp("lab")
    shutil.copy(REPO / "notebooks" / f"{NOTEBOOK}.py", folder)
    # the pairing that `make lab` makes: the .py is the source, the .ipynb what JupyterLab opens
    subprocess.run(
        [sys.executable, "-m", "jupytext", "--sync", str(folder / f"{NOTEBOOK}.py")],
        check=True,
        capture_output=True,
    )
    assert (folder / f"{NOTEBOOK}.ipynb").is_file()
    home = folder / ".jupyter-home"
    env = {
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    port = free_port()
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        "--allow-root",  # CI runs as root; elsewhere it changes nothing
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        f"--ServerApp.root_dir={folder}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=",
    ]
    with server(argv, port, env=env):
        yield f"http://127.0.0.1:{port}/lab/tree/{NOTEBOOK}.ipynb"


def test_notebook_05_runs_in_jupyterlab_and_its_app_shows_the_article(lab_url):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        outside = cut_the_network(page)
        page.goto(lab_url, timeout=STEP_MS)
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=STEP_MS)
        page.wait_for_function(
            "() => window.jupyterapp && window.jupyterapp.commands.hasCommand("
            "'notebook:run-all-cells')",
            timeout=STEP_MS,
        )
        # Run All once the notebook's kernel has started and is idle
        page.wait_for_function(
            """() => {
                const panel = window.jupyterapp.shell.currentWidget;
                const kernel = panel && panel.sessionContext.session
                    && panel.sessionContext.session.kernel;
                return kernel && kernel.status === 'idle';
            }""",
            timeout=STEP_MS,
        )
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_selector(".jp-OutputArea .framing-worksheet mark.loaded", timeout=STEP_MS)
        # the app's controls render as widgets: two text boxes, Show, Print view, two tabs
        app = page.locator(".jp-OutputArea .framing-app")
        app.locator("textarea").first.wait_for(timeout=STEP_MS)
        assert app.locator("textarea").count() == 2
        assert app.get_by_role("button", name="Show").count() == 1
        assert app.get_by_role("button", name="Print view").count() == 1
        assert app.get_by_role("tab").count() == 2
        news = page.get_by_role("button", name="No")  # JupyterLab asks once about its news
        if news.count():
            news.first.click()
        app.get_by_role("button", name="Show").click()
        app.locator(".framing-app-download a").wait_for(timeout=STEP_MS)
        article = Article(load_seed_text())
        expected = sum(p.loaded_count for p in article.paragraphs)
        assert app.locator(".framing-app-sheet .partisan mark.loaded").count() == expected
        # no cell ran into an error
        assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0
        OUT.mkdir(parents=True, exist_ok=True)
        app.scroll_into_view_if_needed()
        page.screenshot(path=str(OUT / "jupyterlab.png"))
        page.close()
    assert outside == []
