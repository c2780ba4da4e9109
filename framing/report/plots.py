"""Figures drawn from framing's tables, in one consistent, colour-blind-safe style.

Every function takes a tidy table (as :func:`framing.analyze` returns it) and returns a
matplotlib ``Figure``; :func:`save_figure` writes it byte-for-byte reproducibly.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from framing._files import atomic_path
from framing.errors import FramingError
from framing.report.palette import OKABE_ITO, VOICE_COLORS

__all__ = [
    "OKABE_ITO",
    "STYLE",
    "VOICE_PALETTE",
    "JITTER_SEED",
    "sentiment_strip",
    "voice_strip",
    "voice_contrast_plot",
    "alignment_figure",
    "group_distributions",
    "keyness_plot",
    "roc_plot",
    "category_rates_plot",
    "interval_plot",
    "save_figure",
    "figure_style",
]

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
    return matplotlib.rc_context(STYLE)


def _subplots(nrows: int = 1, ncols: int = 1, *, figsize, sharex: bool = False, layout=None):
    # A Figure of its own, outside pyplot's global state: a notebook displays the returned
    # figure once (pyplot would show it a second time), and nothing needs closing.
    figure = Figure(figsize=figsize, layout=layout)
    axes = figure.subplots(nrows, ncols, sharex=sharex, squeeze=True)
    return figure, axes


def sentiment_strip(table: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Return a figure of polarity, subjectivity and loaded language per paragraph.

    Three aligned panels, one bar per paragraph, paragraph numbers as in the table.
    """
    with figure_style():
        figure, axes = _subplots(3, 1, figsize=(8, 5.5), sharex=True, layout="constrained")
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


#: Colours of a paragraph's voice (the palette's, shared with the HTML shading).
VOICE_PALETTE = VOICE_COLORS

#: Seed of the jitter that spreads points sideways in :func:`group_distributions`: fixed so that
#: a figure is byte-identical from one run to the next.
JITTER_SEED = 20171017

#: What the measures are called on an axis: what each one is, with its unit or range. Every
#: numeric column of the paragraph table has one (``framing.table.schema``), and so do the
#: measures of a voice contrast.
MEASURE_LABELS = {
    "paragraph": "paragraph number (0 = headline)",
    "words": "words (count)",
    "polarity": "polarity (TextBlob, -1 to 1)",
    "subjectivity": "subjectivity (0 to 1)",
    "vader_compound": "VADER compound (-1 to 1)",
    "vader_mean": "VADER, mean over sentences (-1 to 1)",
    "sentences": "sentences (count)",
    "loaded_per_100_words": "loaded terms per 100 words",
    "loaded_score_per_100_words": "loaded intensity (1-3 a term) per 100 words",
    "loaded_count": "loaded terms (count)",
    "quoted_share": "share of words quoted (0 to 1)",
    "attributed_share": "share of words attributed (0 to 1)",
    "own_share": "share of the outlet's own words (0 to 1)",
    "unnamed_source_share": "share of sources unnamed (0 to 1)",
    "document_source_share": "share of sources documents (0 to 1)",
    "share_of_words": "share of words (0 to 1)",
    "own_words": "own words: neither quoted nor attributed (count)",
    "attributed_words": "attributed words, outside quotation marks (count)",
    "quoted_words": "quoted words (count)",
    "loaded_own_count": "loaded terms in the outlet's own words (count)",
    "loaded_attributed_count": "loaded terms in attributed words (count)",
    "loaded_quoted_count": "loaded terms in quoted words (count)",
}
#: Characters of an axis label or title per inch of room at 10 pt, to wrap them before they
#: would run past the figure (DejaVu Sans averages about 0.6 em a character).
_CHARACTERS_PER_INCH = 12
#: Width of one group's column in :func:`group_distributions`, inches, and the least width of
#: a panel (3.1 inches was the width of every panel before it was sized by its groups).
_INCHES_PER_GROUP = 0.55
_PANEL_MIN_WIDTH = 3.1


def measure_label(measure: str, labels: Mapping[str, str] | None = None) -> str:
    """Return the axis label of a measure, with its unit: ``labels``' first, then the known ones.

    >>> measure_label("loaded_per_100_words")
    'loaded terms per 100 words'
    >>> measure_label("my_score", {"my_score": "my score (z)"})
    'my score (z)'
    """
    if labels and measure in labels:
        return str(labels[measure])
    return MEASURE_LABELS.get(measure, measure.replace("_", " "))


def _wrap(text: str, inches: float, *, font_size: float = 10) -> str:
    width = max(8, int(inches * _CHARACTERS_PER_INCH * 10 / font_size))
    return textwrap.fill(text, width=width, break_on_hyphens=False)


def _need(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise FramingError(
            f"{what} needs the column(s) {missing}; the table has {list(table.columns)}"
        )


def voice_strip(table: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Return a figure of each paragraph's share of quoted words, coloured by its voice.

    ``table`` is :func:`framing.analyze`'s table with the ``voice`` and ``quoted_share`` columns.
    """
    _need(table, ["paragraph", "voice", "quoted_share"], "voice_strip")
    with figure_style():
        figure, axis = _subplots(figsize=(8, 2.8), layout="constrained")
        x = table["paragraph"].astype(int)
        voices = table["voice"].fillna("own").astype(str)
        colors = [VOICE_PALETTE.get(voice, OKABE_ITO["black"]) for voice in voices]
        # A paragraph with no quoted words still gets a thin bar, so that its voice shows.
        heights = np.maximum(table["quoted_share"].astype(float).fillna(0.0), 0.02)
        axis.bar(x, heights, color=colors)
        axis.set_ylim(0, 1)
        axis.set_ylabel("share of words\\nquoted (0 to 1)")
        axis.set_xlabel("paragraph (0 = headline)")
        axis.set_xticks(list(x))
        handles = [
            Patch(color=color, label=voice)
            for voice, color in VOICE_PALETTE.items()
            if voice in set(voices)
        ]
        axis.legend(handles=handles, title="voice", loc="upper left", ncols=len(handles))
        if title:
            axis.set_title(title)
    return figure


def voice_contrast_plot(
    contrast: pd.DataFrame,
    *,
    measures: Sequence[str] = ("polarity", "subjectivity", "loaded_per_100_words"),
    voice_col: str = "voice",
    title: str | None = None,
) -> Figure:
    """Return a figure that sets the outlet's own words against the words it cites.

    ``contrast`` has one row per voice (``voice_col``: own, attributed, quoted, ...) and one
    column per measure, as :func:`framing.comparisons.contrast.voice_contrast` returns it.
    """
    contrast = contrast.reset_index() if voice_col not in contrast.columns else contrast
    _need(contrast, [voice_col, *measures], "voice_contrast_plot")
    voices = contrast[voice_col].astype(str).tolist()
    with figure_style():
        figure, axes = _subplots(
            1, len(measures), figsize=(2.9 * len(measures), 3.2), layout="constrained"
        )
        axes = np.atleast_1d(axes)
        colors = [VOICE_PALETTE.get(voice, OKABE_ITO["black"]) for voice in voices]
        for axis, measure in zip(axes, measures, strict=True):
            values = contrast[measure].astype(float).to_numpy()
            axis.bar(range(len(voices)), values, color=colors)
            axis.set_xticks(range(len(voices)), voices)
            axis.set_title(measure_label(measure))
            if measure in ("polarity", "vader_compound", "vader_mean"):
                axis.axhline(0, color="black", linewidth=0.8)
            for position, value in enumerate(values):
                if np.isfinite(value):
                    axis.annotate(
                        f"{value:.2f}",
                        (position, value),
                        ha="center",
                        va="bottom" if value >= 0 else "top",
                        fontsize=8,
                    )
        if title:
            figure.suptitle(title)
    return figure


def _paragraph_numbers(value: object) -> list[int]:
    """Return the paragraph numbers in a cell: an int, a float, or ``"2;3"``; none when empty."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return []
    if isinstance(value, int | np.integer | float | np.floating):
        return [int(value)]
    return [int(float(part)) for part in str(value).replace(",", ";").split(";") if part.strip()]


def alignment_figure(
    comparison: pd.DataFrame,
    *,
    partisan_paragraphs: Sequence[int] | None = None,
    source_paragraphs: Mapping[str, Sequence[int]] | None = None,
    partisan_label: str = "partisan article",
    title: str | None = None,
) -> Figure:
    """Return a figure with a line from each partisan paragraph to the source paragraphs it uses.

    ``comparison`` is :func:`framing.compare`'s table. Partisan paragraphs are on the left,
    each source's paragraphs on the right; a line's width grows with the pair's containment.
    Unsourced partisan paragraphs are hollow; omitted source paragraphs are crossed out in
    vermillion. ``partisan_paragraphs`` and ``source_paragraphs`` (``{source_doc: numbers}``)
    add paragraphs that the table does not list.
    """
    _need(comparison, ["status", "paragraph", "source_doc", "source_paragraph"], "alignment")
    rows = comparison.to_dict("records")
    left = set(partisan_paragraphs or ())
    right: dict[str, set[int]] = {
        str(doc): set(numbers) for doc, numbers in (source_paragraphs or {}).items()
    }
    links = []
    for row in rows:
        if row["status"] in ("aligned", "unsourced"):
            left.update(_paragraph_numbers(row["paragraph"]))
        doc = row["source_doc"]
        if isinstance(doc, str) and doc:
            right.setdefault(doc, set()).update(_paragraph_numbers(row["source_paragraph"]))
        if row["status"] == "aligned":
            strength = row.get("containment")
            strength = float(strength) if strength is not None and pd.notna(strength) else 0.5
            for source in _paragraph_numbers(row["source_paragraph"]):
                for partisan in _paragraph_numbers(row["paragraph"]):
                    links.append((partisan, str(doc), source, strength))
    omitted = {
        (str(row["source_doc"]), number)
        for row in rows
        if row["status"] == "omitted"
        for number in _paragraph_numbers(row["source_paragraph"])
    }
    aligned_left = {link[0] for link in links}
    left_order = sorted(left)
    right_order = [(doc, number) for doc in sorted(right) for number in sorted(right[doc])]
    height = max(len(left_order), len(right_order) + len(right), 2)
    left_y = {number: height - 1 - index for index, number in enumerate(left_order)}
    right_y = {}
    position = height - 1
    doc_titles = []
    for doc in sorted(right):
        doc_titles.append((doc, position))
        position -= 1
        for number in sorted(right[doc]):
            right_y[(doc, number)] = position
            position -= 1
    with figure_style():
        figure, axis = _subplots(figsize=(7, 0.32 * height + 1.4), layout="constrained")
        for partisan, doc, source, strength in links:
            axis.plot(
                [0, 1],
                [left_y[partisan], right_y[(doc, source)]],
                color=OKABE_ITO["blue"],
                linewidth=0.8 + 4 * min(max(strength, 0.0), 1.0),
                alpha=0.7,
                solid_capstyle="round",
            )
        for number, y in left_y.items():
            filled = number in aligned_left
            axis.scatter(
                [0],
                [y],
                s=40,
                color=OKABE_ITO["blue"] if filled else "white",
                edgecolor=OKABE_ITO["blue"],
                zorder=3,
            )
            axis.annotate(
                f"¶{number}",
                (0, y),
                xytext=(-8, 0),
                textcoords="offset points",
                ha="right",
                va="center",
            )
        for (doc, number), y in right_y.items():
            gone = (doc, number) in omitted
            axis.scatter(
                [1],
                [y],
                s=40,
                marker="x" if gone else "o",
                color=OKABE_ITO["vermillion"] if gone else OKABE_ITO["blue"],
                zorder=3,
            )
            axis.annotate(
                f"¶{number}" + ("  omitted" if gone else ""),
                (1, y),
                xytext=(8, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                color=OKABE_ITO["vermillion"] if gone else "black",
            )
        for doc, y in doc_titles:
            axis.annotate(
                doc,
                (1, y),
                xytext=(-4, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontweight="bold",
                fontsize=8,
            )
        axis.annotate(
            partisan_label,
            (0, height - 0.2),
            ha="center",
            va="bottom",
            fontweight="bold",
            annotation_clip=False,
        )
        axis.set_xlim(-0.45, 1.6)
        axis.set_ylim(-0.8, height + 0.4)
        axis.axis("off")
        handles = [
            Line2D(
                [], [], color=OKABE_ITO["blue"], linewidth=2.5, label="aligned (width: containment)"
            ),
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="white",
                markeredgecolor=OKABE_ITO["blue"],
                label="unsourced",
            ),
            Line2D(
                [],
                [],
                marker="x",
                linestyle="",
                color=OKABE_ITO["vermillion"],
                label="omitted by the article",
            ),
        ]
        axis.legend(
            handles=handles, loc="lower center", ncols=3, bbox_to_anchor=(0.5, -0.08), fontsize=8
        )
        if title:
            axis.set_title(title)
    return figure


def group_distributions(
    table: pd.DataFrame,
    *,
    group_col: str,
    measures: Sequence[str],
    summary: pd.DataFrame | None = None,
    order: Sequence[str] | None = None,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
    labels: Mapping[str, str] | None = None,
) -> Figure:
    """Return a figure of each measure's distribution by group, with means and confidence bars.

    ``table`` has one row per unit (an article, or a paragraph) with ``group_col`` and the
    ``measures``. ``summary`` (for example :func:`framing.compare_groups`' table) has
    ``measure``, the group column (or ``group``), ``mean``, ``ci_low`` and ``ci_high``; its
    intervals are drawn as black bars. The points are jittered with :data:`JITTER_SEED`.

    Each panel is as wide as its groups need (:data:`_INCHES_PER_GROUP` each, at least
    3.1 inches), unless ``figsize`` says; group names that would run together are turned 45
    degrees, and long axis labels and the title are wrapped to the figure. ``labels`` maps a
    measure or a group to the text shown for it; a measure it does not name gets its label
    from :data:`MEASURE_LABELS` (what it is and its unit).
    """
    _need(table, [group_col, *measures], "group_distributions")
    groups = list(order) if order is not None else sorted(table[group_col].dropna().unique())
    palette = [
        OKABE_ITO[name]
        for name in (
            "blue",
            "bluish green",
            "vermillion",
            "orange",
            "reddish purple",
            "sky blue",
            "yellow",
            "black",
        )
    ]
    names = [str((labels or {}).get(group, group)) for group in groups]
    longest = max((len(name) for name in names), default=0)
    panel_width = max(_PANEL_MIN_WIDTH, _INCHES_PER_GROUP * len(groups) + 0.9)
    # A name wider than its group's column (about 80% of the panel is axes) is turned.
    column_inches = 0.8 * panel_width / max(len(groups), 1)
    turned = longest / (_CHARACTERS_PER_INCH * 10 / 9) > 0.9 * column_inches
    height = 3.6 + (0.09 * min(longest, 24) if turned else 0)
    if figsize is None:
        figsize = (panel_width * len(measures), height)
    rng = np.random.default_rng(JITTER_SEED)
    with figure_style():
        figure, axes = _subplots(1, len(measures), figsize=figsize, layout="constrained")
        axes = np.atleast_1d(axes)
        for axis, measure in zip(axes, measures, strict=True):
            for index, group in enumerate(groups):
                values = table.loc[table[group_col] == group, measure].astype(float).dropna()
                jitter = rng.uniform(-0.18, 0.18, size=len(values))
                axis.scatter(
                    index + jitter,
                    values,
                    s=6,
                    alpha=0.35,
                    color=palette[index % len(palette)],
                    linewidths=0,
                )
                if summary is not None:
                    row = _summary_row(summary, group_col, group, measure)
                    if row is not None:
                        low, high = row["mean"] - row["ci_low"], row["ci_high"] - row["mean"]
                        axis.errorbar(
                            [index + 0.3],
                            [row["mean"]],
                            yerr=[[low], [high]],
                            fmt="D",
                            color="black",
                            markersize=4,
                            capsize=3,
                            label="mean, 95% bootstrap interval" if index == 0 else None,
                        )
            if turned:
                axis.set_xticks(
                    range(len(groups)),
                    [_wrap(name, 1.6, font_size=9) for name in names],
                    rotation=45,
                    ha="right",
                    rotation_mode="anchor",
                )
            else:
                axis.set_xticks(range(len(groups)), names)
            axis.set_ylabel(_wrap(measure_label(measure, labels), 0.85 * figsize[1]))
            axis.set_xlim(-0.6, len(groups) - 0.4)
        if summary is not None:
            axes[0].legend(loc="upper left", fontsize=8)
        if title:
            figure.suptitle(_wrap(title, 0.92 * figsize[0], font_size=12))
    return figure


def _summary_row(summary: pd.DataFrame, group_col: str, group: object, measure: str):
    group_key = group_col if group_col in summary.columns else "group"
    selected = summary
    if "measure" in summary.columns:
        selected = selected[selected["measure"] == measure]
    selected = selected[selected[group_key].astype(str) == str(group)]
    return None if selected.empty else selected.iloc[0]


def keyness_plot(
    keyness: pd.DataFrame,
    *,
    top: int = 12,
    term_col: str = "term",
    score_col: str = "z",
    groups: Sequence[str] | None = None,
    title: str | None = None,
) -> Figure:
    """Return a figure of the terms that most separate two groups, by keyness score.

    ``keyness`` has one row per term with its score (``score_col``, for example the z-score of
    the log-odds ratio with an informative Dirichlet prior), positive for terms of the first
    group and negative for the second, as :func:`framing.comparisons.groups.keyness` returns it;
    ``groups`` names the two groups. The ``top`` terms of each side are shown.
    """
    _need(keyness, [term_col, score_col], "keyness_plot")
    if top < 1:
        raise FramingError(f"top={top!r} is not valid; show at least one term (top >= 1)")
    ranked = keyness.sort_values([score_col, term_col], ascending=[False, True])
    positive = ranked[ranked[score_col] > 0].head(top)
    negative = ranked[ranked[score_col] < 0].tail(top)
    shown = pd.concat([positive, negative])
    with figure_style():
        figure, axis = _subplots(figsize=(6.5, 0.26 * len(shown) + 1.2), layout="constrained")
        y = np.arange(len(shown))[::-1]
        colors = [
            OKABE_ITO["blue"] if value > 0 else OKABE_ITO["vermillion"]
            for value in shown[score_col]
        ]
        axis.barh(y, shown[score_col].astype(float), color=colors)
        axis.set_yticks(y, shown[term_col].astype(str))
        axis.axvline(0, color="black", linewidth=0.8)
        axis.set_xlabel("keyness (z-score of the log-odds ratio)")
        if groups is not None:
            if len(groups) != 2:
                raise FramingError(f"keyness compares two groups; groups={list(groups)!r}")
            axis.set_title(
                (title + "\n" if title else "")
                + f"\u2190 more {groups[1]}      more {groups[0]} \u2192"
            )
        elif title:
            axis.set_title(title)
    return figure


#: Colours of the groups of :func:`group_distributions` and :func:`category_rates_plot`, in order.
_GROUP_COLORS = ("blue", "bluish green", "vermillion", "orange", "reddish purple", "sky blue")


def category_rates_plot(
    rates: pd.DataFrame,
    *,
    group_col: str,
    voices: Sequence[str] = ("own", "cited"),
    order: Sequence[str] | None = None,
    title: str | None = None,
) -> Figure:
    """Return a figure of a dictionary's categories per 100 words, by group, one panel a voice.

    ``rates`` is :func:`framing.comparisons.dictionaries.dictionary_rates`' table (one
    dictionary): ``group_col``, ``category``, ``voice``, ``per_100_words``, ``ci_low``,
    ``ci_high``. Each category is a row; each group a point with its interval.
    """
    _need(
        rates,
        [group_col, "category", "voice", "per_100_words", "ci_low", "ci_high"],
        "category_rates_plot",
    )
    groups = list(order) if order is not None else sorted(rates[group_col].dropna().unique())
    categories = list(dict.fromkeys(rates["category"]))
    labels = {"own": "the outlet's own words", "cited": "attributed and quoted words"}
    with figure_style():
        figure, axes = _subplots(
            1,
            len(voices),
            figsize=(3.4 * len(voices) + 1.2, 0.32 * len(categories) + 1.4),
            sharex=True,
            layout="constrained",
        )
        axes = np.atleast_1d(axes)
        y = np.arange(len(categories))[::-1]
        step = 0.6 / max(len(groups), 1)
        for axis, voice in zip(axes, voices, strict=True):
            shown = rates[rates["voice"] == voice]
            for index, group in enumerate(groups):
                selected = shown[shown[group_col].astype(str) == str(group)]
                selected = selected.set_index("category").reindex(categories)
                values = selected["per_100_words"].astype(float).to_numpy()
                low = values - selected["ci_low"].astype(float).to_numpy()
                high = selected["ci_high"].astype(float).to_numpy() - values
                axis.errorbar(
                    values,
                    y + 0.3 - step / 2 - index * step,
                    xerr=[np.nan_to_num(low), np.nan_to_num(high)],
                    fmt="o",
                    markersize=3.5,
                    capsize=2,
                    linewidth=1,
                    color=OKABE_ITO[_GROUP_COLORS[index % len(_GROUP_COLORS)]],
                    label=str(group),
                )
            axis.set_yticks(y, categories)
            axis.set_title(labels.get(voice, f"{voice} words"))
        for axis in axes[1:]:
            axis.tick_params(labelleft=False)
        highest = rates.loc[rates["voice"].isin(voices), ["per_100_words", "ci_high"]].max().max()
        axes[0].set_xlim(0, 1.06 * highest if highest > 0 else 1.0)  # room for every interval
        axes[-1].legend(loc="lower right", fontsize=8)
        figure.supxlabel("matches per 100 words (95% bootstrap interval, resampling articles)")
        if title:
            figure.suptitle(title)
    return figure


def interval_plot(
    summary: pd.DataFrame,
    *,
    measures: Sequence[str],
    group_col: str = "group",
    series_col: str | None = None,
    estimate_col: str = "mean_difference",
    zero_line: bool = True,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
) -> Figure:
    """Return a figure of estimates with their intervals: one panel per measure, a row per group.

    ``summary`` has one row per measure and group (and series, e.g. two sets of reports):
    ``measure``, ``group_col``, ``estimate_col``, ``ci_low`` and ``ci_high``, as
    :func:`framing.comparisons.paired.paired_differences` returns it. Series are drawn side by
    side in the Okabe-Ito colours; ``labels`` gives each measure's axis label; a vertical line
    marks zero (no difference) unless ``zero_line`` is false.
    """
    _need(summary, ["measure", group_col, estimate_col, "ci_low", "ci_high"], "interval_plot")
    groups = list(dict.fromkeys(summary[group_col]))
    series = [None] if series_col is None else list(dict.fromkeys(summary[series_col]))
    colours = [OKABE_ITO[name] for name in ("blue", "vermillion", "bluish green", "orange")]
    offsets = np.linspace(-0.15, 0.15, len(series)) if len(series) > 1 else [0.0]
    with figure_style():
        figure, axes = _subplots(
            1,
            len(measures),
            figsize=(2.9 * len(measures) + 0.8, 0.42 * len(groups) + 1.6),
            layout="constrained",
        )
        axes = np.atleast_1d(axes)
        for axis, measure in zip(axes, measures, strict=True):
            rows = summary[summary["measure"] == measure]
            for index, name in enumerate(series):
                part = rows if name is None else rows[rows[series_col] == name]
                positions = [groups.index(group) for group in part[group_col]]
                y = len(groups) - 1 - np.asarray(positions, dtype=float) + offsets[index]
                estimate = part[estimate_col].astype(float).to_numpy()
                error = [
                    estimate - part["ci_low"].astype(float).to_numpy(),
                    part["ci_high"].astype(float).to_numpy() - estimate,
                ]
                axis.errorbar(
                    estimate,
                    y,
                    xerr=error,
                    fmt="o",
                    markersize=4,
                    capsize=2,
                    color=colours[index % len(colours)],
                    label=None if name is None or axis is not axes[0] else str(name),
                )
            if zero_line:
                axis.axvline(0, color="black", linewidth=0.8)
            axis.set_yticks(range(len(groups))[::-1], [str(group) for group in groups])
            axis.set_xlabel((labels or {}).get(measure, measure_label(measure)))
            if axis is not axes[0]:
                axis.tick_params(labelleft=False)
        if series_col is not None:
            # Below the panels, where it hides no interval.
            figure.legend(loc="outside lower center", ncols=len(series), fontsize=8)
        if title:
            figure.suptitle(title)
    return figure


def roc_plot(
    curves: Mapping[str, tuple[Sequence[float], Sequence[float]]],
    *,
    title: str | None = None,
) -> Figure:
    """Return a ROC figure: one curve per ``{name: (labels, scores)}``, with its AUC.

    ``labels`` are 1 for the positive class (for example, a sentence that experts call biased)
    and 0 otherwise; ``scores`` are the measure (higher meaning more likely positive).
    """
    from sklearn.metrics import roc_auc_score, roc_curve

    if not curves:
        raise FramingError("roc_plot needs at least one curve: {name: (labels, scores)}")
    palette = [OKABE_ITO[name] for name in ("blue", "vermillion", "bluish green", "orange")]
    with figure_style():
        figure, axis = _subplots(figsize=(4.6, 4.4), layout="constrained")
        axis.plot(
            [0, 1], [0, 1], color="grey", linewidth=0.8, linestyle="--", label="chance (AUC 0.50)"
        )
        for index, (name, (labels, scores)) in enumerate(curves.items()):
            labels = np.asarray(labels, dtype=int)
            scores = np.asarray(scores, dtype=float)
            if len(np.unique(labels)) < 2:
                raise FramingError(
                    f"ROC curve {name!r} needs both positive and negative labels; it has only "
                    f"{np.unique(labels).tolist()}"
                )
            fpr, tpr, _ = roc_curve(labels, scores)
            auc = roc_auc_score(labels, scores)
            axis.step(
                fpr,
                tpr,
                where="post",
                color=palette[index % len(palette)],
                linewidth=1.8,
                label=f"{name} (AUC {auc:.2f})",
            )
        axis.set_xlim(0, 1)
        axis.set_ylim(0, 1.01)
        axis.set_aspect("equal")
        axis.set_xlabel("false positive rate")
        axis.set_ylabel("true positive rate")
        axis.legend(loc="lower right", fontsize=8)
        if title:
            axis.set_title(title)
    return figure


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Write ``figure`` to ``path`` (PNG, PDF or SVG, by suffix) with no timestamps in it.

    Metadata that would change between runs (creation dates, software versions) is left out,
    so saving the same figure twice gives byte-identical files.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    metadata = {
        ".png": {"Software": None},
        ".pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
        ".svg": {"Date": None, "Creator": None},
    }.get(suffix)
    if metadata is None:
        raise ValueError(f"cannot save a figure as {suffix!r}; use .png, .pdf or .svg")
    # Through a temporary file beside it: a figure that fails to draw leaves the old file.
    with figure_style(), atomic_path(path) as temporary:
        figure.savefig(temporary, metadata=metadata)
    return path
