"""The colours of every figure and page: one palette, colour-blind safe, defined once.

The Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design") stays distinguishable
with the common colour-vision deficiencies. Figures (:mod:`framing.report.plots`), highlighted
HTML (:mod:`framing.report.highlight`) and the worksheet (:mod:`framing.report.worksheet`) take
their colours from here, so that a voice has one colour everywhere.

>>> VOICE_COLORS["quoted"] == OKABE_ITO["bluish green"]
True
"""

from __future__ import annotations

__all__ = [
    "CATEGORY_TINTS",
    "LOADED_COLOR",
    "NEGATIVE_COLOR",
    "OKABE_ITO",
    "POSITIVE_COLOR",
    "VOICE_COLORS",
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

#: Sentiment bars: positive polarity, negative polarity; and loaded-language rates.
POSITIVE_COLOR = OKABE_ITO["blue"]
NEGATIVE_COLOR = OKABE_ITO["vermillion"]
LOADED_COLOR = OKABE_ITO["orange"]

#: Light tints behind loaded terms, one per category in lexicon order, and a strong border in
#: the matching Okabe-Ito colour, so that the categories stay distinguishable with colour
#: blindness and, through the border style, in greyscale print.
CATEGORY_TINTS = (
    ("#FBE3B0", OKABE_ITO["orange"], "solid"),
    ("#CDE8F8", OKABE_ITO["sky blue"], "solid"),
    ("#BFE8DB", OKABE_ITO["bluish green"], "solid"),
    ("#F5D5C0", OKABE_ITO["vermillion"], "double"),
    ("#F1D9E8", OKABE_ITO["reddish purple"], "double"),
    ("#C6DDF0", OKABE_ITO["blue"], "double"),
    ("#F9F5C4", "#B8A800", "dotted"),  # yellow, with a darkened border so that it prints
    ("#E2E2E2", OKABE_ITO["black"], "dotted"),  # grey and black
)
