"""The classroom view: an article highlighted beside its source, in a notebook, with controls.

:class:`Lesson` holds an article (the seed, or pasted text), the source the teacher gives with
it, and the comparison; its methods return HTML that a notebook displays and that still reads as
a static page. The DoD/CENTCOM release goes only with the seed article, which quotes it: a pasted
article is compared with the source pasted beside it, or with nothing. :func:`controls` adds
ipywidgets to paste an article and its source, with a name for the source.

>>> lesson = Lesson.create("A Massive Win\\n\\nIt was huge.")
>>> lesson.headline, "<mark" in lesson.html(), lesson.sources
('A Massive Win', True, [])
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from framing._optional import require
from framing.article import Article
from framing.comparisons.align import compare
from framing.datasets.examples import DOD_NAME, dod_release, seed_article
from framing.datasets.loaders import load_seed_text, source_path
from framing.errors import FramingError
from framing.report.highlight import HTML
from framing.report.worksheet import SourceDocument, questions_html, worksheet_fragment

__all__ = ["Lesson", "controls", "DEFAULT_SOURCE_NAME"]

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


def controls(text: str | None = None):
    """Return ipywidgets to paste an article and the source it cites, and show the lesson.

    The widgets need a live kernel; the cells above them carry the static lesson.
    """
    widgets = require("ipywidgets", extra="notebooks")

    box = widgets.Textarea(
        value=text if text is not None else load_seed_text(),
        placeholder="Paste an article: the headline, a blank line, then its paragraphs",
        layout=widgets.Layout(width="100%", height="12em"),
    )
    source_name = widgets.Text(
        value="",
        placeholder="Name of the source (e.g. AP, 12 May 2021); default: its headline",
        description="Source name",
        layout=widgets.Layout(width="100%"),
    )
    source_box = widgets.Textarea(
        value="",
        placeholder="Paste the report the article cites (optional): its headline, a blank "
        "line, then its paragraphs",
        layout=widgets.Layout(width="100%", height="10em"),
    )
    questions = widgets.Checkbox(value=True, description="discussion questions")
    show = widgets.Button(description="Show", button_style="primary")
    output = widgets.HTML()

    def render(_=None) -> None:
        try:
            lesson = lesson_from_boxes(box.value, source_box.value, source_name.value)
            output.value = str(lesson.html(questions=questions.value))
        except FramingError as error:
            output.value = f"<p><strong>Cannot show this article:</strong> {_plain(error)}</p>"

    show.on_click(render)
    render()
    return widgets.VBox([box, source_name, source_box, widgets.HBox([questions, show]), output])


def _plain(error: Exception) -> str:
    import html

    return html.escape(str(error))
