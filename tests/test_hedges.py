"""The hedge list: an auditable file, and hedges found only where they are hedges."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.measures.hedges import CONTEXTS, Hedge, HedgeList, find_hedges, load_hedges


def test_the_hedge_list_is_auditable():
    hedges = load_hedges().hedges
    terms = [h.term.lower() for h in hedges]
    assert len(terms) == len(set(terms)), "a term is listed twice"
    assert {h.context for h in hedges} <= set(CONTEXTS)
    assert {h.category for h in hedges} == {
        "approximator",
        "estimate",
        "epistemic",
        "modal",
        "attribution",
        "limiter",
    }
    assert all(len(h.reason) > 15 for h in hedges), "every entry says why it is a hedge"
    # The examples the project was asked to cover.
    assert {"believed", "estimates", "about", "reportedly", "allegedly", "may", "appears"} <= set(
        terms
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("About 80 percent of the city is destroyed.", ["About 80"]),
        ("around 270,000 people fled", ["around 270,000"]),
        ("some two dozen fighters", ["some two"]),
        ("nearly half of the city", ["nearly half"]),
        ("They talked about the war for some time.", []),
        ("Fighters are believed to be hiding in tunnels.", ["believed"]),
        ("Once Raqqa is believed safe", ["believed"]),
        ("Estimates by the observatory claim ...", ["Estimates"]),
        ("It may take months.", ["may"]),
        ("May it end soon.", ["May"]),
        ("In May 2017 the city fell.", []),
        ("the battle ended on May 5.", []),
        ("before the might of the Syrian Democratic Forces", []),
        ("Clearing it might take months.", ["might"]),
        (
            "The man reportedly fled; the alleged leader appears to be dead.",
            ["reportedly", "alleged", "appears"],
        ),
        ("According to CBS News, the city fell.", ["According to"]),
        ("The fighters were planning attacks abroad.", []),
    ],
)
def test_find_hedges(text, found):
    assert [m.text for m in find_hedges(text)] == found


def test_find_hedges_honours_a_list_that_is_passed():
    custom = HedgeList([Hedge("sort of", "limiter", "any", "softens a description")])
    assert [m.text for m in find_hedges("It was sort of over, reportedly.", hedges=custom)] == [
        "sort of"
    ]


def test_an_unknown_context_is_refused_with_the_valid_ones():
    with pytest.raises(FramingError, match="any, before-number, modal"):
        HedgeList([Hedge("maybe", "epistemic", "sometimes", "gives a claim as possible")])
