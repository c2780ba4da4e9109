"""The measures of one paragraph share nothing between calls: threads get the serial results."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from framing.datasets.loaders import load_allsides, load_babe
from framing.measures.hedges import HedgeList, load_hedges
from framing.measures.lexicon import Lexicon, load_lexicon
from framing.measures.sentiment import TextBlobSentiment, VaderSentiment
from tests.conftest import need_data

#: Threads that share one scorer, as a thread pool over a corpus would.
THREADS = 8
#: The longest BABE sentences and the longest AllSides paragraphs, this many of each: a long
#: text keeps one call busy for longer, so other threads interleave with it more often.
LONGEST = 400
#: A thread switch requested every microsecond: many switches inside one call, each a chance
#: for another thread to overwrite state that one call keeps on the shared object.
SWITCH_INTERVAL = 1e-6
#: Passes of each thread over the texts. When VADER's scorer kept the words of a call on itself,
#: this test failed in 10 of 12 runs (a wrong score, or an IndexError from another text's words).
ROUNDS = 3


@pytest.fixture(scope="module")
def real_texts() -> list[str]:
    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)
    paragraphs = [part for parts in sides["paragraphs"] for part in parts]
    return sorted(babe, key=len)[-LONGEST:] + sorted(paragraphs, key=len)[-LONGEST:]


#: Each measure, made afresh: the threads share one object whose caches start empty, and the
#: serial results come from another.
MEASURES = {
    "TextBlob polarity and subjectivity": lambda: TextBlobSentiment().score,
    "VADER compound": lambda: VaderSentiment().compound,
    "loaded-language matches": lambda: Lexicon(load_lexicon().entries).match,
    "hedges": lambda: HedgeList(load_hedges().hedges).match,
}


def _in_threads(measure, texts: list[str]) -> list[list]:
    """Return the results of each pass of each thread, in the order of ``texts``; thread k starts
    at text k/8 of the way in, so that the threads measure different texts at the same moment."""

    def run(thread: int) -> list[list]:
        shift = thread * len(texts) // THREADS
        order = list(range(shift, len(texts))) + list(range(shift))
        passes = []
        for _ in range(ROUNDS):
            results = [None] * len(texts)
            for index in order:
                results[index] = measure(texts[index])
            passes.append(results)
        return passes

    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            return [results for passes in pool.map(run, range(THREADS)) for results in passes]
    finally:
        sys.setswitchinterval(interval)


@pytest.mark.parametrize("name", list(MEASURES))
def test_threads_sharing_a_measure_get_the_serial_results(name, real_texts):
    serial_measure = MEASURES[name]()
    serial = [serial_measure(text) for text in real_texts]
    assert len({repr(result) for result in serial}) > 100  # real values, not all zero or empty
    for number, results in enumerate(_in_threads(MEASURES[name](), real_texts)):
        wrong = [
            index
            for index, (got, want) in enumerate(zip(results, serial, strict=True))
            if got != want
        ]
        assert wrong == [], f"pass {number}: {len(wrong)} texts differ, the first {wrong[:3]}"
