"""Figures: one style, readable labels, and byte-identical files from one run to the next."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing import analyze
from framing.errors import FramingError
from framing.report import plots


@pytest.fixture(scope="module")
def seed_table(seed_text):
    table = analyze(seed_text)
    # Voice columns as framing.voice adds them; values chosen to cover every voice.
    voices = [
        "own",
        "own",
        "attributed",
        "own",
        "own",
        "attributed",
        "own",
        "mixed",
        "mixed",
        "quoted",
        "own",
        "quoted",
        "own",
    ]
    return table.assign(voice=voices, quoted_share=np.linspace(0, 1, len(table)))


def _comparison():
    return pd.DataFrame(
        {
            "status": ["aligned", "unsourced", "aligned", "omitted", "omitted"],
            "paragraph": [10, 11, 12, pd.NA, pd.NA],
            "source_doc": ["release", None, "release", "release", "release"],
            "source_paragraph": [1, pd.NA, 3, 0, 4],
            "containment": [0.8, 0.0, 0.3, None, None],
        }
    )


def _groups():
    rng = np.random.default_rng(7)
    table = pd.DataFrame(
        {"side": np.repeat(["left", "center", "right"], 30), "polarity": rng.normal(size=90)}
    )
    summary = pd.DataFrame(
        {
            "measure": "polarity",
            "group": ["left", "center", "right"],
            "mean": [0.0, 0.1, 0.2],
            "ci_low": [-0.1, 0.0, 0.1],
            "ci_high": [0.1, 0.2, 0.3],
        }
    )
    return table, summary


def _roc():
    rng = np.random.default_rng(3)
    labels = rng.integers(0, 2, 300)
    return {"measure": (labels, labels + rng.normal(size=300)), "noise": (labels, rng.random(300))}


FIGURES = {
    "sentiment_strip": lambda t: plots.sentiment_strip(t, title="Seed"),
    "voice_strip": lambda t: plots.voice_strip(t),
    "voice_contrast_plot": lambda t: plots.voice_contrast_plot(
        pd.DataFrame(
            {
                "voice": ["own", "attributed", "quoted"],
                "polarity": [-0.1, 0.05, 0.0],
                "subjectivity": [0.5, 0.3, 0.2],
                "loaded_per_100_words": [4.0, 1.0, 0.5],
            }
        )
    ),
    "alignment_figure": lambda t: plots.alignment_figure(
        _comparison(), partisan_paragraphs=t["paragraph"].astype(int).tolist()
    ),
    "group_distributions": lambda t: plots.group_distributions(
        _groups()[0], group_col="side", measures=["polarity"], summary=_groups()[1]
    ),
    "keyness_plot": lambda t: plots.keyness_plot(
        pd.DataFrame({"term": list("abcdef"), "z": [3.0, 2.0, 1.0, -1.0, -2.0, -3.0]}),
        groups=("left", "right"),
    ),
    "roc_plot": lambda t: plots.roc_plot(_roc()),
}


@pytest.mark.parametrize("name", sorted(FIGURES))
@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_each_figure_saved_twice_is_byte_identical(name, suffix, seed_table, tmp_path, monkeypatch):
    first = plots.save_figure(FIGURES[name](seed_table), tmp_path / f"a{suffix}")
    # A build system's clock must not reach the file either.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    second = plots.save_figure(FIGURES[name](seed_table), tmp_path / f"b{suffix}")
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_size > 5_000
    if suffix == ".pdf":
        assert b"CreationDate" not in first.read_bytes()


def test_the_alignment_figure_draws_a_line_per_aligned_pair_and_marks_omissions(seed_table):
    figure = plots.alignment_figure(_comparison(), partisan_paragraphs=range(13))
    axis = figure.axes[0]
    lines = [line for line in axis.get_lines() if len(line.get_xdata()) == 2]
    # Thirteen partisan rows from y=12 down; on the right the source's title (y=12), then its
    # paragraphs 0, 1, 3, 4 (y=11 to 8): partisan 10 -> release 1, partisan 12 -> release 3.
    ends = sorted(tuple(int(y) for y in line.get_ydata()) for line in lines)
    assert ends == [(0, 9), (2, 10)]
    labels = [text.get_text() for text in axis.texts]
    assert labels.count("¶0  omitted") == 1 and labels.count("¶4  omitted") == 1


def test_group_distributions_draws_the_summary_intervals():
    table, summary = _groups()
    figure = plots.group_distributions(
        table,
        group_col="side",
        measures=["polarity"],
        summary=summary,
        order=["left", "center", "right"],
    )
    axis = figure.axes[0]
    assert [tick.get_text() for tick in axis.get_xticklabels()] == ["left", "center", "right"]
    assert axis.get_ylabel() == "polarity (TextBlob, -1 to 1)"
    bars = [c for c in axis.containers if hasattr(c, "lines")]
    assert len(bars) == 3


def test_roc_plot_reports_each_curve_auc():
    figure = plots.roc_plot(_roc())
    legend = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    assert legend[0] == "chance (AUC 0.50)"
    auc = float(legend[1].split("AUC ")[1].rstrip(")"))
    assert 0.7 < auc < 0.9 and legend[1].startswith("measure")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: plots.voice_strip(pd.DataFrame({"paragraph": [0]})), "voice"),
        (lambda: plots.keyness_plot(pd.DataFrame({"term": ["a"], "z": [1.0]}), top=0), "top"),
        (lambda: plots.roc_plot({}), "at least one curve"),
        (lambda: plots.roc_plot({"x": ([1, 1], [0.2, 0.4])}), "both positive and negative"),
    ],
)
def test_bad_input_raises_a_clear_error(call, message):
    with pytest.raises(FramingError, match=message):
        call()


def test_save_figure_refuses_an_unknown_format(seed_table, tmp_path):
    with pytest.raises(ValueError, match=".png, .pdf or .svg"):
        plots.save_figure(plots.sentiment_strip(seed_table), tmp_path / "figure.jpg")


PUBLISHERS = [
    "breitbart",
    "huff-post",
    "nyt",
    "politico",
    "usa-today",
    "wash-post",
    "west-journal",
]


def _seven_groups() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "publisher": np.repeat(PUBLISHERS, 30),
            "quoted_share": rng.random(210),
            "loaded_own_count": rng.integers(0, 5, 210),
            "my_score": rng.normal(0, 1, 210),
        }
    )


def _boxes(figure, texts):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    return [text.get_window_extent(renderer) for text in texts if text.get_text()]


@pytest.mark.parametrize("groups", [3, 7, 12])
def test_group_distributions_fits_any_number_of_groups(groups):
    table = pd.concat(
        [_seven_groups(), _seven_groups().assign(publisher=lambda t: t["publisher"] + "-copy")]
    )
    chosen = sorted(table["publisher"].unique())[:groups]
    table = table[table["publisher"].isin(chosen)]
    title = "PolNeAR training articles: how much each publisher quotes, paragraph by paragraph"
    figure = plots.group_distributions(
        table, group_col="publisher", measures=["quoted_share", "my_score"], title=title
    )
    width, _ = figure.get_size_inches()
    assert width >= 2 * (0.45 * groups)  # room for every group in each panel
    whole = figure.bbox
    for axis in figure.axes:
        labels = axis.get_xticklabels()
        ticks = _boxes(figure, labels)
        assert len(ticks) == groups
        angle = labels[0].get_rotation()
        if angle == 0:
            for left, right in zip(ticks, ticks[1:], strict=False):
                assert not left.overlaps(right), "tick labels run together"
        else:  # parallel slanted lines: their distance apart must exceed a label's height
            spacing = np.diff([axis.transData.transform((x, 0))[0] for x in range(groups)])
            lines = max(label.get_text().count("\n") + 1 for label in labels)
            height = lines * 1.2 * labels[0].get_fontsize() * figure.dpi / 72
            assert spacing.min() * np.sin(np.radians(angle)) > height, "labels run together"
        for box in ticks:
            assert box.x0 >= whole.x0 - 1 and box.x1 <= whole.x1 + 1
    (title_box,) = _boxes(figure, [figure._suptitle])
    assert title_box.x0 >= whole.x0 and title_box.x1 <= whole.x1, "the title is clipped"


def test_group_distributions_takes_figsize_and_labels():
    figure = plots.group_distributions(
        _seven_groups(),
        group_col="publisher",
        measures=["my_score", "loaded_own_count"],
        figsize=(9, 4),
        labels={"my_score": "my score (z)", "nyt": "New York Times"},
    )
    assert tuple(figure.get_size_inches()) == (9, 4)
    first, second = figure.axes
    assert first.get_ylabel() == "my score (z)"
    assert "New York Times" in [tick.get_text() for tick in first.get_xticklabels()]
    assert "own words" in second.get_ylabel() and "loaded" in second.get_ylabel()


def test_every_numeric_column_of_the_table_has_a_label_with_its_unit():
    from framing.table.schema import _FLOAT_COLUMNS, _INTEGER_COLUMNS

    measures = [c for c in (*_INTEGER_COLUMNS, *_FLOAT_COLUMNS) if c not in ("start", "end")]
    for measure in measures:
        assert measure in plots.MEASURE_LABELS, measure
        label = plots.measure_label(measure)
        assert "(" in label or "per 100 words" in label, label  # a unit or a range
