"""Figures drawn from framing's tables, in one consistent, colour-blind-safe style.

Every function takes a tidy table (as :func:`framing.analyze` returns it) and returns a
matplotlib ``Figure``; :func:`save_figure` writes it byte-for-byte reproducibly.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["OKABE_ITO", "STYLE", "sentiment_strip", "save_figure", "figure_style"]

#: Okabe and Ito (2008) "Color Universal Design": distinguishable with every common form of
#: colour blindness.
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

#: matplotlib settings shared by every figure: readable sizes, no chart junk, fixed fonts and a
#: fixed hash salt so that SVG/PDF output does not vary between runs.
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=list(OKABE_ITO.values())),
    "legend.frameon": False,
    "svg.hashsalt": "framing",
    "pdf.fonttype": 42,
}


def figure_style():
    """Return a context manager that applies :data:`STYLE`."""
    return plt.rc_context(STYLE)


def sentiment_strip(table: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Return a figure of polarity, subjectivity and loaded language per paragraph.

    Three aligned panels, one bar per paragraph, paragraph numbers as in the table.
    """
    with figure_style():
        figure, axes = plt.subplots(3, 1, figsize=(8, 5.5), sharex=True, layout="constrained")
        x = table["paragraph"].astype(int)
        polarity_colors = [
            OKABE_ITO["blue"] if value >= 0 else OKABE_ITO["vermillion"]
            for value in table["polarity"]
        ]
        axes[0].bar(x, table["polarity"], color=polarity_colors)
        axes[0].axhline(0, color="black", linewidth=0.8)
        axes[0].set_ylim(-1, 1)
        axes[0].set_ylabel("polarity\n(TextBlob, -1 to 1)")
        axes[1].bar(x, table["subjectivity"], color=OKABE_ITO["reddish purple"])
        axes[1].set_ylim(0, 1)
        axes[1].set_ylabel("subjectivity\n(0 to 1)")
        axes[2].bar(x, table["loaded_per_100_words"], color=OKABE_ITO["orange"])
        axes[2].set_ylabel("loaded terms\nper 100 words")
        axes[2].set_xlabel("paragraph (0 = headline)")
        axes[2].set_xticks(list(x))
        if title:
            figure.suptitle(title)
    return figure


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Write ``figure`` to ``path`` (PNG, PDF or SVG, by suffix) with no timestamps in it.

    Metadata that would change between runs (creation dates, software versions) is left out,
    so saving the same figure twice gives byte-identical files.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    metadata = {
        ".png": {"Software": None},
        ".pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
        ".svg": {"Date": None, "Creator": None},
    }.get(suffix)
    if metadata is None:
        raise ValueError(f"cannot save a figure as {suffix!r}; use .png, .pdf or .svg")
    with figure_style():
        figure.savefig(path, metadata=metadata)
    plt.close(figure)
    return path
