"""Shared fixtures: the embedded seed, and what some tests need that a user may lack.

A test that needs material from the shared data folder or Debian's chromium calls
:func:`need_data` or :func:`need`: without it, the test is skipped with one line that says
how to get it, so ``make test`` passes on any machine. Where ``FRAMING_REQUIRE_ALL`` is set (as
in CI, ``.ci/run``), such a skip fails instead: nothing is skipped where everything is present.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from framing.datasets.loaders import DATASETS

REPO = Path(__file__).resolve().parent.parent
#: Material nobody on the project wrote (BABE, AllSides, published lexicons), kept beside the
#: repository; FRAMING_SHARED_DATA points elsewhere.
SHARED_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))

#: Set to anything but "" or "0", a test that would be skipped for want of data or chromium fails.
REQUIRE_ALL = "FRAMING_REQUIRE_ALL"

#: What tests read from the shared data folder: each name's files there, and how to get them.
SHARED_DATASETS = {
    "babe": (
        [f"babe/{name}" for name in DATASETS["babe"].files],
        "BABE",
        "run `framing download babe --data-dir {folder}`",
    ),
    "allsides-roundups": (
        [f"allsides-roundups/{name}" for name in DATASETS["allsides-roundups"].files],
        "the AllSides roundups",
        "run `framing download allsides-roundups --data-dir {folder}`",
    ),
    "polnear": (
        ["polnear/metadata.tsv", "polnear/train/text", "polnear/train/attributions"],
        "PolNeAR's training compartment",
        "copy data/metadata.tsv and data/train/{{text,attributions}} of "
        "github.com/networkdynamics/PolNeAR into {folder}/polnear",
    ),
    "mfd": (
        ["lexicons/mfd2.0.dic", "lexicons/mft_original.dic"],
        "the Moral Foundations Dictionaries",
        "copy mfd2.0.dic and mft_original.dic from github.com/medianeuroscience/emfd "
        "(dictionaries/) into {folder}/lexicons",
    ),
    "quanteda-dictionaries": (
        [
            f"dictionaries/{name}"
            for name in (
                "mary.cat",
                "mary.dic",
                "mary.lc3",
                "mary.lcd",
                "mary.ykd",
                "mary.yml",
                "mary_doubleterm.dic",
                "mary_multipletabs.dic",
            )
        ],
        "quanteda's dictionary test files",
        "copy the mary.* files of quanteda's tests/data/dictionaries/ (GitHub "
        "quanteda/quanteda) into {folder}/dictionaries",
    ),
    "mpqa": (
        ["lexicons/subjclueslen1-HLTEMNLP05.tff"],
        "the MPQA subjectivity clues",
        "copy subjclueslen1-HLTEMNLP05.tff from mpqa.cs.pitt.edu/lexicons into {folder}/lexicons",
    ),
    "recasens2013": (
        ["lexicons/recasens2013/bias-lexicon.txt", "lexicons/recasens2013/report_verbs.txt"],
        "the bias lexicon of Recasens et al. (ACL 2013) and its companion lists",
        "copy its .txt files into {folder}/lexicons/recasens2013",
    ),
}


def need(condition: bool, reason: str) -> None:
    """Skip the running test with ``reason`` unless ``condition`` holds.

    ``reason`` is one line: what is missing and how to get it. Where ``FRAMING_REQUIRE_ALL`` is
    set, the test fails with it instead of being skipped.
    """
    if condition:
        return
    if os.environ.get(REQUIRE_ALL, "") not in ("", "0"):
        pytest.fail(f"{reason} ({REQUIRE_ALL} is set: nothing may be skipped)", pytrace=False)
    pytest.skip(reason)


def need_data(*names: str) -> Path:
    """Return the shared data folder once it holds the named datasets (:data:`SHARED_DATASETS`);
    else skip the test with how to get them (fail where ``FRAMING_REQUIRE_ALL`` is set)."""
    for name in names:
        files, title, how = SHARED_DATASETS[name]
        missing = [file for file in files if not (SHARED_DATA / file).exists()]
        need(
            not missing,
            f"needs {SHARED_DATA}/{missing[0] if missing else ''} ({title}): "
            f"{how.format(folder=SHARED_DATA)}, or set FRAMING_SHARED_DATA to a folder with it",
        )
    return SHARED_DATA


@pytest.fixture(scope="session", autouse=True)
def _cache_folder(tmp_path_factory):
    """Keep the cache files that the tests write (framing/_cache.py) out of the user's home."""
    folder = tmp_path_factory.mktemp("framing-cache")
    previous = os.environ.get("FRAMING_CACHE_DIR")
    os.environ["FRAMING_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["FRAMING_CACHE_DIR"]
    else:
        os.environ["FRAMING_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def seed_text() -> str:
    from framing.datasets.loaders import load_seed_text

    return load_seed_text()


@pytest.fixture(scope="session")
def release_text() -> str:
    """The DoD/CENTCOM release that the seed draws on."""
    from framing.datasets.loaders import source_path

    return source_path().read_text(encoding="utf-8")
