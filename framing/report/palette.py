"""The colours of every figure and page: one palette, colour-blind safe, defined once.

The Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design") stays distinguishable
with the common colour-vision deficiencies. Figures (:mod:`framing.report.plots`), highlighted
HTML (:mod:`framing.report.highlight`) and the worksheet (:mod:`framing.report.worksheet`) take
their colours from here, so that a voice has one colour everywhere.

>>> VOICE_COLORS["quoted"] == OKABE_ITO["bluish green"]
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "DisplayFamily",
    "LOADED_FAMILIES",
    "MAX_FAMILIES",
    "OTHER_FAMILY",
    "display_families",
    "LOADED_COLOR",
    "NEGATIVE_COLOR",
    "OKABE_ITO",
    "POSITIVE_COLOR",
    "VOICE_COLORS",
    "VOICE_LINE_STYLES",
]

#: The Okabe-Ito palette, by the names its authors give the colours.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}

#: Who speaks: the outlet's own words, attributed words, quoted words, a paragraph that mixes
#: them, and ``cited`` (attributed and quoted together, in :func:`framing.voice_contrast`).
VOICE_COLORS = {
    "own": OKABE_ITO["orange"],
    "attributed": OKABE_ITO["blue"],
    "quoted": OKABE_ITO["bluish green"],
    "mixed": OKABE_ITO["reddish purple"],
    "cited": OKABE_ITO["sky blue"],
}

#: A second cue for the voice rule beside a paragraph, so that voices differ in greyscale too.
VOICE_LINE_STYLES = {"own": "solid", "attributed": "dashed", "quoted": "double", "mixed": "dotted"}

#: Sentiment bars: positive polarity, negative polarity; and loaded-language rates.
POSITIVE_COLOR = OKABE_ITO["blue"]
NEGATIVE_COLOR = OKABE_ITO["vermillion"]
LOADED_COLOR = OKABE_ITO["orange"]

#: How many display families a page shows at most: few enough to hold in mind and to tell
#: apart by colour, line style and letter.
MAX_FAMILIES = 6


@dataclass(frozen=True)
class DisplayFamily:
    """How a page shows a family of loaded-language categories: colour, line and letter.

    ``tint`` is the background behind a term; ``line`` and ``line_style`` the rule under it
    (a CSS border style), and ``letter`` a small letter after it. Each of the three tells the
    families apart on its own, so a page still reads in greyscale and with colour blindness.
    """

    name: str
    letter: str
    tint: str
    line: str
    line_style: str
    categories: tuple[str, ...] = ()


# The six tints were chosen by a search over Okabe-Ito hues mixed with white, for the largest
# smallest CIELAB distance between any two of them, and to white and the quoted-words grey
# (#ECECEC), seen with normal vision and as simulated for protanopia, deuteranopia and
# tritanopia (Machado et al. 2009, severity 1): 11.6 (tests/test_palette.py measures it). Each
# line is its hue darkened until it has 3:1 contrast with the tint and with white (WCAG 2.1,
# 1.4.11); text on every tint has at least 7:1.
#: The families of the bundled lexicon's twelve categories, in the order a legend lists them.
LOADED_FAMILIES = (
    DisplayFamily(
        "feelings",
        "F",
        "#E28E4D",
        "#803800",
        "solid",
        ("emotive-negative", "glorifying", "sensational"),
    ),
    DisplayFamily(
        "name-calling",
        "N",
        "#89CAF0",
        "#346C8C",
        "double",
        ("derogatory", "partisan-label", "dehumanising"),
    ),
    DisplayFamily(
        "threat and force", "T", "#F0C566", "#8A5F00", "dashed", ("scare", "eradication-violence")
    ),
    DisplayFamily("exaggeration", "X", "#B2D5E8", "#0072B2", "dotted", ("hyperbole", "certainty")),
    DisplayFamily(
        "slanted saying and doubt",
        "S",
        "#4DBB9D",
        "#005F45",
        "groove",
        ("loaded-saying", "discrediting"),
    ),
)

#: The sixth look, for categories of another lexicon that no family above names.
OTHER_FAMILY = DisplayFamily("other", "O", "#C6C6C6", "#000000", "solid")


def display_families(categories: Iterable[str]) -> dict[str, DisplayFamily]:
    """Return ``{category: DisplayFamily}``: at most :data:`MAX_FAMILIES` looks for any lexicon.

    A category of the bundled lexicon goes to its family in :data:`LOADED_FAMILIES`. Categories
    of another lexicon take, in the order given, the looks that no family in use has taken,
    each under its own name; when more categories than looks remain, the last look gathers
    them as "other".

    >>> families = display_families(["hyperbole", "certainty", "care.virtue"])
    >>> families["hyperbole"] is families["certainty"], families["certainty"].letter
    (True, 'X')
    >>> families["care.virtue"].name, families["care.virtue"].letter
    ('care.virtue', 'C')
    """
    categories = list(dict.fromkeys(categories))
    known = {c: f for f in LOADED_FAMILIES for c in f.categories}
    found = {c: known[c] for c in categories if c in known}
    used = set(found.values())
    free = [f for f in (*LOADED_FAMILIES, OTHER_FAMILY) if f not in used]
    unknown = [c for c in categories if c not in known]
    letters = {f.letter for f in used}
    for index, category in enumerate(unknown):
        look = free[min(index, len(free) - 1)]
        if index >= len(free) - 1 and len(unknown) > len(free):
            name, rest = "other", tuple(unknown[len(free) - 1 :])
        else:
            name, rest = category, (category,)
        letter = _letter(name, letters) if name != "other" else OTHER_FAMILY.letter
        letters.add(letter)
        found[category] = DisplayFamily(name, letter, look.tint, look.line, look.line_style, rest)
    return {c: found[c] for c in categories}


def _letter(name: str, taken: set[str]) -> str:
    for letter in [*name.upper(), *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]:
        if letter.isalpha() and letter not in taken:
            return letter
    return "?"
