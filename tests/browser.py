"""What the browser tests share: Debian's chromium, axe-core, loopback servers, out/.

Every browser test drives Debian's ``/usr/bin/chromium`` through Playwright (never a
downloaded browser) with the flags below, and reaches only files and 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from tests.conftest import REPO, need

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: axe-core, from the npm registry through package.json and package-lock.json (`make
#: browser-tools`, which `make test` runs first).
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
#: Where the tests leave screenshots and printed PDFs for a reviewer (git-ignored).
OUT = REPO / "out" / "browser"
#: axe-core's impacts that fail a test.
BLOCKING_IMPACTS = ("serious", "critical")


@contextmanager
def chromium():
    """Yield a Playwright browser on Debian's chromium; skip (or fail in CI) without it."""
    need(CHROMIUM.is_file(), f"needs Debian's chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def cut_the_network(page) -> list[str]:
    """Cut every request of ``page`` outside 127.0.0.1; return the list the cut ones go to."""
    outside: list[str] = []

    def cut_or_pass(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", cut_or_pass)
    return outside


def axe_violations(page) -> list[dict]:
    """Return axe-core's serious and critical violations on ``page`` (WCAG 2.1 A and AA).

    The page's context must bypass its Content-Security-Policy (``bypass_csp=True``): the
    worksheet forbids every script, axe-core's included.
    """
    need(AXE.is_file(), f"needs axe-core at {AXE}: run `make browser-tools` (npm ci)")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                            'best-practice']},
            resultTypes: ['violations'],
        })).violations"""
    )
    return [
        {
            "id": found["id"],
            "impact": found["impact"],
            "help": found["help"],
            "nodes": [node["html"][:120] for node in found["nodes"][:3]],
        }
        for found in results
        if found["impact"] in BLOCKING_IMPACTS
    ]


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(argv: list[str], port: int, *, timeout: float = 180.0, env: dict | None = None):
    """Run ``argv``, a server on 127.0.0.1:``port``, until it listens; stop it on leaving.

    The server is started and stopped here, by its own process id, within ``timeout``
    seconds; its output goes to a log file in out/browser/ that an error names.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    log_path = OUT / f"server-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            argv, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"{argv[:4]} stopped; see {log_path}")
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=2):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        message = f"nothing listens on port {port} after {timeout:g} s; {log_path}"
                        raise RuntimeError(message) from None
                    time.sleep(0.3)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)
