"""The display families of loaded language: few, distinct with colour blindness, readable."""

from __future__ import annotations

import itertools

import pytest

from framing.measures.lexicon import load_lexicon
from framing.report.palette import (
    LOADED_FAMILIES,
    MAX_FAMILIES,
    OTHER_FAMILY,
    VOICE_LINE_STYLES,
    display_families,
)

#: Colour-vision deficiencies as linear-RGB matrices, Machado, Oliveira and Fernandes (2009),
#: "A physiologically-based model for simulation of color vision deficiency", severity 1.0.
DEFICIENCIES = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
#: What a tint must stay apart from besides the other tints: the page, and quoted words' grey.
BACKGROUNDS = ("#FFFFFF", "#ECECEC")
#: The smallest CIELAB distance (CIE76) measured between two tints, or a tint and a background,
#: over the four kinds of vision: 11.65. A distance of about 10 is plainly visible side by side.
MIN_DISTANCE = 11.0


def _linear(hex_colour: str) -> tuple[float, ...]:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def _luminance(hex_colour: str) -> float:
    red, green, blue = _linear(hex_colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _lab(linear: tuple[float, ...]) -> tuple[float, float, float]:
    red, green, blue = linear
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def _seen(hex_colour: str, deficiency: str) -> tuple[float, float, float]:
    matrix = DEFICIENCIES[deficiency]
    linear = _linear(hex_colour)
    simulated = tuple(
        min(max(sum(row[i] * linear[i] for i in range(3)), 0.0), 1.0) for row in matrix
    )
    return _lab(simulated)


def _distance(first, second) -> float:
    return sum((a - b) ** 2 for a, b in zip(first, second, strict=True)) ** 0.5


FAMILIES = (*LOADED_FAMILIES, OTHER_FAMILY)


def test_the_bundled_categories_fall_into_at_most_six_families():
    categories = load_lexicon().categories
    families = display_families(categories)
    assert set(families) == set(categories)
    assert len(set(families.values())) == len(LOADED_FAMILIES) <= MAX_FAMILIES
    assert len({f.letter for f in FAMILIES}) == len(FAMILIES) == MAX_FAMILIES


@pytest.mark.parametrize("deficiency", sorted(DEFICIENCIES))
def test_tints_stay_apart_with_colour_blindness(deficiency):
    tints = [family.tint for family in FAMILIES]
    pairs = list(itertools.combinations(tints, 2)) + [
        (tint, background) for tint in tints for background in BACKGROUNDS
    ]
    closest = min(_distance(_seen(a, deficiency), _seen(b, deficiency)) for a, b in pairs)
    assert closest >= MIN_DISTANCE


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.name)
def test_text_on_a_tint_and_its_line_pass_wcag_aa(family):
    assert contrast("#111111", family.tint) >= 7.0  # AAA for text, above AA's 4.5
    assert contrast(family.line, family.tint) >= 3.0  # non-text contrast, 1.4.11
    assert contrast(family.line, "#FFFFFF") >= 3.0


def test_no_two_families_differ_by_line_or_colour_alone():
    for first, second in itertools.combinations(FAMILIES, 2):
        assert first.tint != second.tint and first.letter != second.letter
    assert len({f.line_style for f in LOADED_FAMILIES}) == len(LOADED_FAMILIES)
    assert len(set(VOICE_LINE_STYLES.values())) == len(VOICE_LINE_STYLES)


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        # the bundled lexicon's names: by family
        (["scare", "eradication-violence"], [("threat and force", "T"), ("threat and force", "T")]),
        # another lexicon's categories: each its own look, lettered from its name
        (["care.virtue", "care.vice"], [("care.virtue", "C"), ("care.vice", "A")]),
        # a mix: the unknown category takes a look that no family in use holds
        (["hyperbole", "harm"], [("exaggeration", "X"), ("harm", "H")]),
        # more categories than looks: the last look gathers the rest as "other"
        (
            [f"c{i}" for i in range(8)],
            [(f"c{i}", letter) for i, letter in zip(range(5), "CABDE", strict=True)]
            + [("other", "O")] * 3,
        ),
    ],
)
def test_display_families_of_any_lexicon(categories, expected):
    families = display_families(categories)
    assert [(families[c].name, families[c].letter) for c in categories] == expected
    assert len({(f.tint, f.line_style) for f in families.values()}) <= MAX_FAMILIES
