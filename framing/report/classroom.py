"""The classroom view: an article highlighted beside its source, in a notebook, with controls.

:class:`Lesson` holds an article (the seed, or pasted text), the source it is compared with,
and the comparison; its methods return HTML that a notebook displays and that still reads as a
static page. :func:`controls` adds ipywidgets to paste another article and choose what to show.

>>> lesson = Lesson.create("A Massive Win\\n\\nIt was huge.", compare_with_source=False)
>>> lesson.headline, "<mark" in lesson.html()
('A Massive Win', True)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from framing._optional import require
from framing.article import Article
from framing.comparisons.align import compare
from framing.datasets.examples import DOD_NAME, dod_release, seed_article
from framing.datasets.loaders import load_seed_text
from framing.errors import FramingError
from framing.report.highlight import HTML
from framing.report.worksheet import SourceDocument, questions_html, worksheet_fragment

__all__ = ["Lesson", "controls"]


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


def controls(text: str | None = None):
    """Return ipywidgets to paste an article, choose the comparison, and show the lesson.

    The widgets need a live kernel; the cells above them carry the static lesson.
    """
    widgets = require("ipywidgets", extra="notebooks")

    box = widgets.Textarea(
        value=text if text is not None else load_seed_text(),
        placeholder="Paste an article: the headline, a blank line, then its paragraphs",
        layout=widgets.Layout(width="100%", height="12em"),
    )
    compare = widgets.Checkbox(value=True, description="compare with the DoD/CENTCOM release")
    questions = widgets.Checkbox(value=True, description="discussion questions")
    show = widgets.Button(description="Show", button_style="primary")
    output = widgets.HTML()

    def render(_=None) -> None:
        try:
            lesson = Lesson.create(box.value, compare_with_source=compare.value)
            output.value = str(lesson.html(questions=questions.value))
        except FramingError as error:
            output.value = f"<p><strong>Cannot show this article:</strong> {_plain(error)}</p>"

    show.on_click(render)
    render()
    return widgets.VBox([box, widgets.HBox([compare, questions, show]), output])


def _plain(error: Exception) -> str:
    import html

    return html.escape(str(error))
