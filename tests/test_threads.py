"""Every measure, from many threads at once, gives what it gives from one.

The scorers, the lexicon matcher and the voice detector are shared, cached objects: a value
computed for one text must never leak into another's. With a switch interval of a microsecond,
threads change over almost at every bytecode, which is where per-call state kept on a shared
object shows up as wrong answers. tests/test_voice.py and tests/test_measures.py run each part
alone the same way; this runs them all together, through the table.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

import framing
from framing.datasets import load_allsides, load_babe
from tests.conftest import need_data

THREADS = 8
FILLER = " ".join(["The council met on Tuesday and the vote was close."] * 6)
#: Two articles that differ only in whether "Smith" is named elsewhere in them: whether "Smith
#: says the plan works." is attributed depends on the rest of its own article, never on another's.
CONSTRUCTED = [
    ["Smith says the plan works.", "We met Smith today. " + FILLER],
    ["Smith says the plan works.", "Nobody else was there. " + FILLER],
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(shared_data)["text"].iloc[::25].tolist()
    allsides = load_allsides(shared_data)["text"].iloc[::20].tolist()
    return ["\n\n".join(article) for article in CONSTRUCTED] + babe + allsides


def _table(text: str) -> pd.DataFrame:
    return framing.analyze(text)


@pytest.fixture
def fast_switching():
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_every_measure_from_eight_threads_equals_the_serial_result(texts, fast_switching):
    serial = [_table(text) for text in texts]
    jobs = [index for index in range(len(texts)) for _ in range(2)] + [0, 1] * 50
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda index: (index, _table(texts[index])), jobs))
    wrong = [index for index, table in results if not table.equals(serial[index])]
    assert wrong == []
