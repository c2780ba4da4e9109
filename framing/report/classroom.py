"""The classroom view: an article highlighted beside its source, in a notebook, with controls.

:class:`Lesson` holds an article (the seed, or pasted text), the source it is compared with,
and the comparison; its methods return HTML that a notebook displays and that still reads as a
static page. :func:`controls` adds ipywidgets to paste another article and choose what to show.

>>> lesson = Lesson.create("A Massive Win\\n\\nIt was huge.", compare_with_source=False)
>>> lesson.headline, "<mark" in lesson.html()
('A Massive Win', True)
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
from framing.datasets.loaders import load_allsides, load_seed_text
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
    "Lesson",
    "controls",
    "download_link",
    "sheet_for",
    "source_name",
    "worked_example",
]


@dataclass
class Lesson:
    """An article for a class, with the sources it is compared with and the comparison."""

    article: Article
    sources: list[SourceDocument]
    comparison: pd.DataFrame | None = None

    @classmethod
    def create(cls, text: str | None = None, *, compare_with_source: bool = True) -> Lesson:
        """Return a lesson on ``text`` (default: the seed article), compared with the DoD release.

        The DoD/CENTCOM release is the source the seed quotes; a pasted article is compared
        with it too when ``compare_with_source`` is true, which shows how little of it matches.
        """

        if text is None:
            article = seed_article()
        elif not isinstance(text, str) or not text.strip():
            raise FramingError("paste an article's text: a headline, then its paragraphs")
        else:
            article = Article(text)
        sources, comparison = [], None
        if compare_with_source:
            source = dod_release()
            sources = [SourceDocument(DOD_NAME, source)]
            comparison = compare(article, {DOD_NAME: source})
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
            + questions_html(self.article, comparison=self.comparison)
            + "</div>"
        )


#: What a pasted report is called on the sheet when it has no headline of its own.
PASTED_SOURCE_NAME = "the cited report"
#: A source's headline longer than this is cut when it names the source on the sheet.
SOURCE_NAME_LENGTH = 80

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


def source_name(text: str) -> str:
    """Return the name a pasted report goes by on the sheet: its headline, else a plain name.

    >>> source_name("US Forces Strike Camps\\n\\nU.S. forces struck two camps.")
    'US Forces Strike Camps'
    >>> source_name("U.S. forces struck two camps on Monday, killing dozens of fighters.")
    'the cited report'
    """
    headline = Article(text).headline
    if headline is None or not headline.text.strip():
        return PASTED_SOURCE_NAME
    name = " ".join(headline.text.split())
    return name if len(name) <= SOURCE_NAME_LENGTH else name[: SOURCE_NAME_LENGTH - 1] + "\u2026"


def sheet_for(article_text: str, source_text: str = "") -> tuple[str, str]:
    """Return ``(fragment, page)``: the worksheet of a pasted article, and its source if given.

    ``page`` is exactly what ``framing worksheet ARTICLE --source SOURCE`` writes for the same
    texts when SOURCE's file is named as :func:`source_name` names the report.
    """
    if not isinstance(article_text, str) or not article_text.strip():
        raise FramingError("paste an article's text: a headline, then its paragraphs")
    article = Article(article_text)
    sources, comparison = [], None
    if isinstance(source_text, str) and source_text.strip():
        source = Article(source_text)
        sources = [SourceDocument(source_name(source_text), source)]
        comparison = compare(article, {sources[0].name: source})
    return (
        worksheet_fragment(article, sources, comparison=comparison),
        worksheet_html(article, sources, comparison=comparison),
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

    A second tab makes a same-story lesson sheet from the AllSides roundups in ``data_dir``,
    picked by topic and date, when that folder has them. Each App keeps its own widgets: make
    one per notebook. Displaying it displays :attr:`widget`.
    """

    def __init__(
        self,
        *,
        article_text: str | None = None,
        source_text: str | None = None,
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
        if source_text is None:
            source_text = dod_release().text if article_text is None else ""
        self.source_box = widgets.Textarea(
            value=source_text,
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
        inputs = widgets.VBox([self.article_box, self.source_box])
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
            fragment, page = sheet_for(self.article_box.value, self.source_box.value)
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


def worked_example(text: str | None = None, *, show: bool = True) -> HTML:
    """Return the lesson on ``text`` (default: the seed beside its source) with questions.

    It is the static page below the app in notebook 05; ``show=False`` returns an empty
    fragment (the app alone, as ``framing classroom`` serves it).
    """
    if not show:
        return HTML("")
    lesson = Lesson.create(text, compare_with_source=text is None)
    return HTML(
        '<h2 class="framing-worked-example">The worked example, highlighted, beside its '
        f"source</h2>{lesson.html(questions=True)}"
    )


def controls(text: str | None = None):
    """Return the classroom app's widgets (:class:`App`) for ``text`` (default: the seed)."""
    return App(article_text=text).widget


def _hint(message: str) -> str:
    return f'<p class="framing-app-hint">{html.escape(message)}</p>'
