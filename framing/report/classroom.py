"""The classroom view: an article highlighted beside its source, in a notebook, with controls.

:class:`Lesson` holds an article (the seed, or pasted text), the source the teacher gives with
it, and the comparison; its methods return HTML that a notebook displays and that still reads as
a static page. The DoD/CENTCOM release goes only with the seed article, which quotes it: a pasted
article is compared with the source pasted beside it, or with nothing. :class:`App` is the
classroom app that notebook 05 shows and ``framing classroom`` serves with Voila: paste an
article, its source and a name for it, press Show, download or print the worksheet; or pick an
AllSides story for a same-story lesson sheet.

>>> lesson = Lesson.create("A Massive Win\\n\\nIt was huge.")
>>> lesson.headline, "<mark" in lesson.html(), lesson.sources
('A Massive Win', True, [])
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing._optional import require
from framing.article import Article
from framing.comparisons.align import compare
from framing.datasets.examples import DOD_NAME, dod_release, seed_article
from framing.datasets.loaders import load_allsides, load_seed_text, source_path
from framing.errors import FramingError
from framing.report.highlight import HTML
from framing.report.lesson import lesson_fragment, lesson_html, story_choices, story_from_table
from framing.report.worksheet import (
    SourceDocument,
    questions_html,
    worksheet_fragment,
    worksheet_html,
)

__all__ = [
    "App",
    "DEFAULT_SOURCE_NAME",
    "Lesson",
    "controls",
    "download_link",
    "lesson_from_boxes",
    "sheet_for",
    "worked_example",
]

#: What a pasted source is called when the teacher gives it no name.
DEFAULT_SOURCE_NAME = "the source"


@dataclass
class Lesson:
    """An article for a class, with the sources it is compared with and the comparison."""

    article: Article
    sources: list[SourceDocument]
    comparison: pd.DataFrame | None = None

    @classmethod
    def create(
        cls,
        text: str | None = None,
        *,
        source: str | None = None,
        source_name: str | None = None,
    ) -> Lesson:
        """Return a lesson on ``text`` beside ``source``, the report it cites.

        Without ``text``, the lesson is the seed article beside the DoD/CENTCOM release it
        quotes. A pasted ``text`` is compared with ``source`` (called ``source_name`` on the
        page, by default its headline) when one is given, and with nothing otherwise: the release
        goes with the seed only.
        """
        if text is None:
            if source is not None:
                raise FramingError(
                    "a source was given without an article; paste the article it goes with"
                )
            article = seed_article()
            sources = [SourceDocument(DOD_NAME, dod_release())]
        elif not isinstance(text, str) or not text.strip():
            raise FramingError("paste an article's text: a headline, then its paragraphs")
        else:
            article = Article(text)
            sources = []
            if source is not None:
                if not isinstance(source, str) or not source.strip():
                    raise FramingError(
                        "the source is empty; paste the report the article cites, or leave the "
                        "source out"
                    )
                label = (source_name or "").strip() or None
                sources = [SourceDocument(label or DEFAULT_SOURCE_NAME, Article(source), label)]
        comparison = None
        if sources:
            comparison = compare(article, {d.name: d.article for d in sources})
        return cls(article, sources, comparison)

    @property
    def headline(self) -> str:
        """Return the headline (empty when the article has none)."""
        return self.article.headline.text if self.article.headline is not None else ""

    def html(self, *, questions: bool = False) -> HTML:
        """Return the highlighted article beside its source, with legend and sentiment strip."""
        return HTML(
            worksheet_fragment(
                self.article, self.sources, comparison=self.comparison, questions=questions
            )
        )

    def questions_html(self) -> HTML:
        """Return the discussion questions, written from this article's measures."""
        return HTML(
            '<div class="framing-worksheet">'
            + questions_html(self.article, comparison=self.comparison, sources=self.sources)
            + "</div>"
        )


def lesson_from_boxes(article_text: str, source_text: str, source_name: str) -> Lesson:
    """Return the lesson for what the boxes hold: the seed with its release, or the pasted pair.

    The seed's text in the article box is the seed lesson; the release's text in the source box
    goes with nothing else (a pasted article compared with it would be measured against a
    report it never cites).

    >>> lesson_from_boxes(load_seed_text(), "", "").sources[0].name
    'DoD/CENTCOM release'
    >>> lesson_from_boxes("A Win\\n\\nWe won.", source_path().read_text("utf-8"), "").sources
    []
    """
    if article_text.strip() == load_seed_text().strip():
        return Lesson.create()
    release = source_path().read_text(encoding="utf-8")
    if not source_text.strip() or source_text.strip() == release.strip():
        return Lesson.create(article_text)
    return Lesson.create(article_text, source=source_text, source_name=source_name)


# The app's own styles: the sheet on its own when printed (each paragraph beside its source, as
# the worksheet prints), and a page-wide preview in the print view. Voila and JupyterLab lay a
# page out in fixed-height panels that clip what they hold; in print, the panels that hold the
# sheet flow as plain blocks and everything beside them is left out. No colours: those come
# from the worksheet and the palette.
_APP_CSS = """
.framing-app-sheet { background: #fff; }
.framing-app .lm-TabBar-tab { flex: 0 0 auto !important; max-width: none !important;
  min-width: 14rem; }
.framing-print-view .framing-app-inputs { display: none !important; }
.framing-print-view .framing-app-sheet { max-width: 190mm; margin: 0 auto; padding: 8mm;
  box-shadow: 0 0 0 1px #999; }
.framing-app-hint { font-size: .9rem; }
.framing-app-print-hint { display: none !important; }
.framing-print-view .framing-app-print-hint { display: block !important; }
.framing-app-download a { font-weight: bold; }
@media print {
  @page { margin: 12mm; }
  html, body { height: auto !important; overflow: visible !important; }
  *:has(.framing-app-sheet):not(.lm-mod-hidden) { display: block !important;
    position: static !important; overflow: visible !important; height: auto !important;
    max-height: none !important; width: auto !important; contain: none !important;
    margin: 0 !important; padding: 0 !important; border: 0 !important; }
  *:has(.framing-app-sheet) > :not(:has(.framing-app-sheet)):not(.framing-app-sheet) {
    display: none !important; }
  .framing-app-sheet { box-shadow: none !important; padding: 0 !important;
    max-width: none !important; }
}
"""


def sheet_for(article_text: str, source_text: str = "", source_name: str = "") -> tuple[str, str]:
    """Return ``(fragment, page)``: the worksheet for what the app's boxes hold.

    The boxes are read as :func:`lesson_from_boxes` reads them. ``page`` is exactly what
    ``framing worksheet ARTICLE --source SOURCE`` writes for the same texts (the page calls a
    source by its headline unless it was given a name).
    """
    if not isinstance(article_text, str) or not article_text.strip():
        raise FramingError("paste an article's text: a headline, then its paragraphs")
    lesson = lesson_from_boxes(article_text, source_text or "", source_name or "")
    options = {"comparison": lesson.comparison}
    return (
        worksheet_fragment(lesson.article, lesson.sources, **options),
        worksheet_html(lesson.article, lesson.sources, **options),
    )


def download_link(page: str, filename: str, label: str) -> str:
    """Return an HTML link that saves ``page`` as ``filename`` (a data: URL: no server needed).

    >>> download_link("<p>hi</p>", "a.html", "Save")
    '<a download="a.html" href="data:text/html;charset=utf-8;base64,PHA+aGk8L3A+">Save</a>'
    """
    data = base64.b64encode(page.encode("utf-8")).decode("ascii")
    return (
        f'<a download="{html.escape(filename)}" href="data:text/html;charset=utf-8;base64,{data}">'
        f"{html.escape(label)}</a>"
    )


class App:
    """The classroom app: paste an article (and the report it cites), press Show, print.

    With the seed in the article box (the default) the sheet is the seed beside the DoD/CENTCOM
    release it quotes; a pasted article is compared with the source pasted beside it, or with
    nothing. A second tab makes a same-story lesson sheet from the AllSides roundups in
    ``data_dir``, picked by topic and date, when that folder has them. Each App keeps its own
    widgets: make one per notebook. Displaying it displays :attr:`widget`.
    """

    def __init__(
        self,
        *,
        article_text: str | None = None,
        source_text: str | None = None,
        source_name: str | None = None,
        data_dir: str | Path | None = None,
    ) -> None:
        widgets = require("ipywidgets", extra="notebooks")
        self._widgets = widgets
        self.article_box = widgets.Textarea(
            value=article_text if article_text is not None else load_seed_text(),
            placeholder="Paste an article: the headline, a blank line, then its paragraphs",
            description="Article",
            layout=widgets.Layout(width="100%", height="12em"),
        )
        self.source_name = widgets.Text(
            value=source_name or "",
            placeholder="Name of the source (e.g. AP, 12 May 2021); default: its headline",
            description="Source name",
            layout=widgets.Layout(width="100%"),
        )
        self.source_box = widgets.Textarea(
            value=source_text or "",
            placeholder="Optional: paste the report the article cites (a wire story, a release)",
            description="Its source",
            layout=widgets.Layout(width="100%", height="8em"),
        )
        self.show_button = widgets.Button(
            description="Show", button_style="primary", tooltip="Highlight the article"
        )
        self.print_view = widgets.ToggleButton(
            value=False,
            description="Print view",
            tooltip="Show the sheet alone, as it prints; then use your browser's Print",
        )
        self.download = widgets.HTML(value="")
        self.download.add_class("framing-app-download")
        self.sheet = widgets.HTML(value=_hint("Press Show to see the article highlighted."))
        self.sheet.add_class("framing-app-sheet")
        self.show_button.on_click(self.show)
        self.print_view.observe(self._toggle_print_view, names="value")
        inputs = widgets.VBox([self.article_box, self.source_name, self.source_box])
        inputs.add_class("framing-app-inputs")
        print_hint = widgets.HTML(
            _hint(
                "This is the sheet as it prints: use your browser's Print (Ctrl+P, or \u2318P on "
                "a Mac). Only the sheet is printed, on A4 or US Letter. Press Print view again "
                "to edit the texts."
            )
        )
        print_hint.add_class("framing-app-print-hint")
        article_tab = widgets.VBox(
            [
                inputs,
                widgets.HBox([self.show_button, self.print_view, self.download]),
                print_hint,
                self.sheet,
            ]
        )
        self.story = _StoryPicker(widgets, data_dir)
        tabs = widgets.Tab(children=[article_tab, self.story.widget])
        tabs.set_title(0, "An article and its source")
        tabs.set_title(1, "Same story, three framings")
        self.widget = widgets.VBox([widgets.HTML(f"<style>{_APP_CSS}</style>"), tabs])
        self.widget.add_class("framing-app")

    def show(self, _=None) -> None:
        """Render the pasted article (and source) into the sheet, and offer it for download."""
        try:
            fragment, page = sheet_for(
                self.article_box.value, self.source_box.value, self.source_name.value
            )
        except FramingError as error:
            self.sheet.value = _hint(f"Cannot show this article: {error}")
            self.download.value = ""
            return
        self.sheet.value = fragment
        self.download.value = download_link(page, "worksheet.html", "Download the worksheet")

    def _toggle_print_view(self, change) -> None:
        if change["new"]:
            self.widget.add_class("framing-print-view")
        else:
            self.widget.remove_class("framing-print-view")

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class _StoryPicker:
    """The lesson-sheet tab: a topic, a story of that topic (by date), Show and Download."""

    def __init__(self, widgets, data_dir: str | Path | None) -> None:
        self.sheet = widgets.HTML(value="")
        self.sheet.add_class("framing-app-sheet")
        self.download = widgets.HTML(value="")
        self.download.add_class("framing-app-download")
        try:
            self.table = load_allsides(data_dir)
        except FramingError as error:
            self.table = None
            self.widget = widgets.HTML(
                _hint(
                    "Same-story sheets are made from the AllSides headline roundups, which are "
                    f"not in your data folder: {error}"
                )
            )
            return
        self.choices = story_choices(self.table)
        topics = sorted(self.choices["topic"].unique())
        self.topic = widgets.Dropdown(options=topics, description="Topic")
        self.story = widgets.Dropdown(
            description="Story", layout=widgets.Layout(width="100%", max_width="48rem")
        )
        self.show_button = widgets.Button(description="Show", button_style="primary")
        self.topic.observe(self._stories, names="value")
        self.show_button.on_click(self.show)
        self._stories()
        self.widget = widgets.VBox(
            [
                widgets.HTML(
                    _hint(
                        "Pick a story by topic and date: its left, center and right articles "
                        "side by side, from your copy of the AllSides roundups."
                    )
                ),
                self.topic,
                self.story,
                widgets.HBox([self.show_button, self.download]),
                self.sheet,
            ]
        )
        self.widget.add_class("framing-app-stories")

    def _stories(self, _=None) -> None:
        rows = self.choices[self.choices["topic"] == self.topic.value]
        self.story.options = [
            (f"{row.date} \u00b7 {row.story}", int(row.story_id))
            for row in rows.itertuples(index=False)
        ]

    def show(self, _=None) -> None:
        """Render the picked story's lesson sheet, and offer it for download."""
        try:
            story = story_from_table(self.table, self.story.value)
        except FramingError as error:
            self.sheet.value = _hint(f"Cannot make this sheet: {error}")
            self.download.value = ""
            return
        self.sheet.value = lesson_fragment(story)
        self.download.value = download_link(
            lesson_html(story), f"lesson-{story.story_id}.html", "Download the lesson sheet"
        )


def worked_example(
    text: str | None = None,
    *,
    source: str | None = None,
    source_name: str | None = None,
    show: bool = True,
) -> HTML:
    """Return the lesson on ``text`` beside ``source`` (default: the seed beside its release).

    It is the static page below the app in notebook 05; ``show=False`` returns an empty
    fragment (the app alone, as ``framing classroom`` serves it).
    """
    if not show:
        return HTML("")
    lesson = Lesson.create(text, source=source, source_name=source_name)
    return HTML(
        '<h2 class="framing-worked-example">The worked example, highlighted, beside its '
        f"source</h2>{lesson.html(questions=True)}"
    )


def controls(text: str | None = None):
    """Return the classroom app's widgets (:class:`App`) for ``text`` (default: the seed)."""
    return App(article_text=text).widget


def _hint(message: str) -> str:
    return f'<p class="framing-app-hint">{html.escape(message)}</p>'
