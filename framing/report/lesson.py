"""Same story, three framings: a printable lesson sheet from one AllSides headline roundup.

AllSides sets a left-, a center- and a right-rated outlet's article on one story side by side.
:func:`lesson_html` puts the three in three columns of one self-contained page, each with its
loaded language marked by family, its voices shaded and the sources it names, then discussion
questions written from the measures and, on a page of its own, what the measures answer for
the teacher, with a table of them. The sheet is made from the user's copy of the roundups
(:func:`framing.datasets.load_allsides`): AllSides text is not shipped with framing. Every piece
of article text is escaped.

>>> import pandas as pd
>>> rows = [
...     {"story_id": 7, "story": "A Vote", "topic": "Congress", "date": pd.Timestamp("2021-10-01"),
...      "story_url": "", "side": side, "leaning": side, "source": f"The {side.title()} <Post>",
...      "title": f"{side.title()} headline", "url": "", "text": text}
...     for side, text in [("left", "They slammed the <b>plan</b>."), ("center", "It passed."),
...                        ("right", "A massive, radical power grab, critics said.")]
... ]
>>> story = story_from_table(pd.DataFrame(rows), 7)
>>> [side.source for side in story.sides]
['The Left <Post>', 'The Center <Post>', 'The Right <Post>']
>>> page = lesson_html(story)
>>> "<b>plan" in page, "&lt;b&gt;plan" in page, page.count("<mark ")
(False, True, 4)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing._version import __version__
from framing.article import Article
from framing.datasets.loaders import ALLSIDES_SIDES, load_allsides
from framing.errors import FramingError
from framing.report.highlight import (
    _escape,
    highlight_text,
    legend_html,
    page_head,
    paragraph_html,
    stylesheet,
    voice_spans,
)
from framing.types import LexiconLike

__all__ = [
    "Story",
    "StorySide",
    "load_story",
    "story_from_table",
    "story_choices",
    "side_measures",
    "lesson_questions",
    "lesson_answers",
    "lesson_fragment",
    "lesson_html",
]

#: How a side is named on the sheet, left to right.
SIDE_NAMES = {"left": "Left", "center": "Center", "right": "Right"}

#: At most this many loaded terms of one article are named in a question.
TERMS_IN_A_QUESTION = 6

_PAGE_CSS = """
.framing-lesson { font-family: Georgia, 'DejaVu Serif', serif; line-height: 1.45; color: #111;
  max-width: 90rem; margin: 1.2rem auto; padding: 0 1rem; background: #fff; }
.framing-lesson h1 { font-size: 1.5rem; line-height: 1.25; margin: .2rem 0 .3rem; }
.framing-lesson h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; border-bottom: 1px solid #ccc; }
.framing-lesson .meta { color: #444; font-size: .9rem; margin: 0 0 .6rem; }
.framing-lesson .sides { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr));
  gap: 1.2rem; }
.framing-lesson .side { font-size: .92rem; }
.framing-lesson .side-head { font: .8rem/1.35 'DejaVu Sans', Arial, sans-serif; color: #111;
  border-top: 4px solid #111; padding-top: .3rem; margin: 0 0 .3rem; }
.framing-lesson .side-head strong { font-size: .95rem; }
.framing-lesson .side h3 { font-size: 1.02rem; line-height: 1.3; margin: .2rem 0 .5rem; }
.framing-lesson .side .paragraph { margin: 0 0 .55rem; break-inside: avoid;
  page-break-inside: avoid; }
.framing-lesson .side .named { font: .78rem/1.35 'DejaVu Sans', Arial, sans-serif;
  color: #333; margin: .4rem 0 0; }
.framing-lesson table { border-collapse: collapse; font: .85rem/1.35 'DejaVu Sans', Arial,
  sans-serif; margin: .3rem 0; }
.framing-lesson th, .framing-lesson td { border: 1px solid #999; padding: .2rem .5rem;
  text-align: left; vertical-align: top; }
.framing-lesson td.number { text-align: right; }
.framing-lesson caption { text-align: left; font-weight: bold; padding: .2rem 0; }
.framing-lesson .questions li { margin-bottom: .6rem; }
.framing-lesson .answer { border-bottom: 1px solid #999; height: 2rem; }
.framing-lesson .answers { font-size: .9rem; }
.framing-lesson footer { margin-top: 1.5rem; font-size: .8rem; color: #444; }
@media print {
  @page { size: landscape; margin: 11mm; }
  body { margin: 0; }
  .framing-lesson { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .framing-lesson .side { font-size: 9.5pt; }
  .framing-lesson h2 { break-after: avoid; page-break-after: avoid; }
  .framing-lesson .measures, .framing-lesson .questions { break-inside: avoid;
    page-break-inside: avoid; }
  .framing-lesson .questions { break-before: page; page-break-before: always; }
  .framing-lesson .answers { break-before: page; page-break-before: always; }
}
"""


@dataclass(frozen=True)
class StorySide:
    """One side of a story: who published it, how AllSides rates it, and the measured article."""

    side: str
    leaning: str
    source: str
    title: str
    url: str
    article: Article


@dataclass(frozen=True)
class Story:
    """One AllSides roundup: the story, its topic and date, and its left, center and right."""

    story_id: int
    story: str
    topic: str
    date: str
    story_url: str
    sides: tuple[StorySide, ...]

    def side(self, name: str) -> StorySide:
        """Return the side called ``name`` (left, center or right)."""
        for side in self.sides:
            if side.side == name:
                return side
        raise FramingError(f"story {self.story_id} has no {name} side; it has " + self._names())

    def _names(self) -> str:
        return ", ".join(side.side for side in self.sides)


def _date(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)[:10] if not hasattr(value, "strftime") else value.strftime("%Y-%m-%d")


def story_from_table(
    table: pd.DataFrame, story_id: int, *, lexicon: LexiconLike | None = None
) -> Story:
    """Return story ``story_id`` of a :func:`framing.datasets.load_allsides` table, measured.

    Each side's article is its title (the headline) and its text, measured with ``lexicon``
    (default: the bundled one). A story without all three sides is refused with a message
    that says how to find one that has them.
    """
    if "story_id" not in table.columns:
        raise FramingError(
            "the table has no story_id column; pass the table of "
            "framing.datasets.load_allsides(data_dir)"
        )
    rows = table[table["story_id"] == story_id]
    if rows.empty:
        raise FramingError(
            f"story {story_id} is not among the AllSides roundups given; "
            "`framing lesson --list` shows the stories and their ids"
        )
    by_side = {row["side"]: row for row in rows.to_dict("records")}
    missing = [side for side in ALLSIDES_SIDES if side not in by_side]
    if missing:
        raise FramingError(
            f"story {story_id} has no {' or '.join(missing)} article in AllSides' roundup; "
            "pick a story with all three sides (`framing lesson --list` shows them)"
        )
    options = {} if lexicon is None else {"lexicon": lexicon}
    sides = []
    for name in ALLSIDES_SIDES:
        row = by_side[name]
        title = " ".join(str(row.get("title") or "").split()) or f"The {name} article"
        article = Article(f"{title}\n\n{row.get('text') or ''}", headline=True, **options)
        sides.append(
            StorySide(
                name,
                str(row.get("leaning") or name),
                str(row.get("source") or ""),
                title,
                str(row.get("url") or ""),
                article,
            )
        )
    first = by_side[ALLSIDES_SIDES[0]]
    return Story(
        int(story_id),
        str(first.get("story") or ""),
        str(first.get("topic") or ""),
        _date(first.get("date")),
        str(first.get("story_url") or ""),
        tuple(sides),
    )


def load_story(
    story_id: int, *, data_dir: str | Path | None = None, lexicon: LexiconLike | None = None
) -> Story:
    """Return story ``story_id`` from the AllSides roundups in ``data_dir``, measured."""
    return story_from_table(load_allsides(data_dir), story_id, lexicon=lexicon)


def story_choices(table: pd.DataFrame) -> pd.DataFrame:
    """Return the stories with all three sides: ``story_id, topic, date, story``, by topic, date.

    ``date`` is the day as ``YYYY-MM-DD``; this is what a picker or ``framing lesson --list``
    shows.
    """
    sides = table[table["side"].isin(ALLSIDES_SIDES)]
    counts = sides.groupby("story_id")["side"].nunique()
    complete = counts[counts == len(ALLSIDES_SIDES)].index
    stories = (
        sides[sides["story_id"].isin(complete)]
        .drop_duplicates("story_id")[["story_id", "topic", "date", "story"]]
        .assign(date=lambda frame: frame["date"].map(_date))
    )
    return stories.sort_values(["topic", "date", "story_id"]).reset_index(drop=True)


def side_measures(story: Story) -> pd.DataFrame:
    """Return one row per side: its words, loaded terms, voices, tone and named sources.

    Columns: ``side, source, words, loaded_count, loaded_per_100_words, own_share,
    quoted_share, attributed_share, polarity, sources``. Shares are of all the article's words
    (headline included); ``polarity`` is TextBlob's, averaged over paragraphs by their words.
    """
    rows = []
    for side in story.sides:
        paragraphs = side.article.paragraphs
        words = sum(p.words for p in paragraphs)
        loaded = sum(p.loaded_count for p in paragraphs)
        voices = [p.voice for p in paragraphs]
        quoted = sum(v.quoted_words for v in voices)
        attributed = sum(v.attributed_words for v in voices)
        polarity = sum(p.polarity * p.words for p in paragraphs) / words if words else 0.0
        rows.append(
            {
                "side": side.side,
                "source": side.source,
                "words": words,
                "loaded_count": loaded,
                "loaded_per_100_words": 100 * loaded / words if words else 0.0,
                "own_share": (words - quoted - attributed) / words if words else 0.0,
                "quoted_share": quoted / words if words else 0.0,
                "attributed_share": attributed / words if words else 0.0,
                "polarity": polarity,
                "sources": "; ".join(_named_sources(side.article)),
            }
        )
    return pd.DataFrame(rows)


def _named_sources(article: Article) -> list[str]:
    names: list[str] = []
    for paragraph in article.paragraphs:
        for source in paragraph.voice.sources:
            if source.name not in names:
                names.append(source.name)
    return names


def _terms(article: Article) -> list[str]:
    terms = [m.text for p in article.paragraphs for m in p.loaded_matches]
    return list(dict.fromkeys(terms))


def _quoted(terms: list[str]) -> str:
    shown = ", ".join(f"\u201c{term}\u201d" for term in terms[:TERMS_IN_A_QUESTION])
    return shown + (" \u2026" if len(terms) > TERMS_IN_A_QUESTION else "")


def _label(side: StorySide) -> str:
    return f"the {side.side} article ({side.source})" if side.source else f"the {side.side} one"


def lesson_questions(story: Story) -> list[str]:
    """Return the discussion questions (plain text), written from the three articles' measures.

    >>> import pandas as pd
    >>> rows = [{"story_id": 1, "side": s, "source": s.upper(), "title": "T", "text": t}
    ...         for s, t in [("left", "It rose."), ("center", "It rose."),
    ...                      ("right", "A massive, shocking rise.")]]
    >>> lesson_questions(story_from_table(pd.DataFrame(rows), 1))[1]
    'Which words would you change to make the right-hand article read like the center one? \
The right-hand article (RIGHT) uses 2 loaded terms (“massive”, “shocking”), the center one 0.'
    """
    left, center, right = (story.side(name) for name in ALLSIDES_SIDES)
    questions = [
        "Which article speaks in its own voice most? Shade or underline the words each "
        "article says in its own voice, not quoting or crediting anyone."
    ]
    right_terms = _terms(right.article)
    right_count = sum(p.loaded_count for p in right.article.paragraphs)
    center_count = sum(p.loaded_count for p in center.article.paragraphs)
    owner = f" ({right.source})" if right.source else ""
    if right_terms:
        questions.append(
            "Which words would you change to make the right-hand article read like the center "
            f"one? The right-hand article{owner} uses {right_count} loaded terms "
            f"({_quoted(right_terms)}), the center one {center_count}."
        )
    else:
        questions.append(
            "Which words would you change to make the right-hand article read like the center "
            f"one? The lexicon marks no term in the right-hand article{owner}: which words "
            "still tell you its side?"
        )
    left_terms = _terms(left.article)
    if left_terms:
        questions.append(
            "And the left-hand article: which of its words "
            f"({_quoted(left_terms)}) would you change to make it read like the center one?"
        )
    headlines = [
        side
        for side in story.sides
        if side.article.headline is not None and side.article.headline.loaded_count
    ]
    if headlines:
        marked = "; ".join(
            f"{side.side}: {_quoted([m.text for m in side.article.headline.loaded_matches])}"
            for side in headlines
        )
        questions.append(
            "Read the three headlines. Which one tells you how to feel before you read a fact? "
            f"Loaded terms in the headlines: {marked}."
        )
    else:
        questions.append(
            "Read the three headlines. None has a term from the lexicon: what else (word order, "
            "what comes first, what is left out) makes them differ?"
        )
    named = {side.side: _named_sources(side.article) for side in story.sides}
    if any(named.values()):
        lists = "; ".join(
            f"{name}: {', '.join(sources) if sources else 'nobody'}"
            for name, sources in named.items()
        )
        questions.append(
            f"Whom does each article let speak? The sources each one names: {lists}. Which "
            "voice does only one article include, and why might the others leave it out?"
        )
    else:
        questions.append(
            "None of the three names a source in these paragraphs. Whose claims are they, and "
            "how could you check them?"
        )
    questions.append(
        "What does the center article report that one of the others leaves out, or the other "
        "way round?"
    )
    return questions


def lesson_answers(story: Story) -> list[str]:
    """Return what the measures say to the questions, for the teacher (plain text)."""
    measures = side_measures(story).set_index("side")
    own = measures["own_share"]
    most = [name for name in ALLSIDES_SIDES if own[name] == own.max()]
    shares = ", ".join(f"{name} {own[name]:.0%}" for name in ALLSIDES_SIDES)
    who = " and ".join(most) + (" article says" if len(most) == 1 else " articles say")
    loaded = measures["loaded_per_100_words"]
    rates = ", ".join(f"{name} {loaded[name]:.1f}" for name in ALLSIDES_SIDES)
    polarity = measures["polarity"]
    tone = ", ".join(f"{name} {polarity[name]:+.2f}" for name in ALLSIDES_SIDES)
    return [
        f"Own voice: the {who} {own.max():.0%} of their words in their own voice, "
        f"neither quoted nor credited ({shares}).",
        f"Loaded terms per 100 words: {rates}. The marks show each one; the lexicon misses "
        "some loaded words and marks a few that are fair in context.",
        f"Tone (TextBlob polarity, -1 to 1, weighted by words): {tone}.",
    ]


def _side_html(side: StorySide) -> str:
    article = side.article
    headline = article.headline
    title = (
        highlight_text(headline.text, headline.loaded_matches, voice_spans=voice_spans(headline))
        if headline is not None
        else _escape(side.title)
    )
    body = "".join(paragraph_html(p) for p in article.body)
    names = _named_sources(article)
    named = "Sources named: " + (", ".join(names) if names else "none")
    return (
        f'<section class="side side-{side.side}" aria-label="{_escape(SIDE_NAMES[side.side])}">'
        f'<p class="side-head"><strong>{_escape(SIDE_NAMES[side.side])}</strong> \u00b7 '
        f"{_escape(side.source)} \u00b7 rated {_escape(side.leaning)} by AllSides</p>"
        f"<h3>{title}</h3>{body}"
        f'<p class="named">{_escape(named)}</p></section>'
    )


def _measures_html(story: Story) -> str:
    measures = side_measures(story)
    lines = [
        ("Words (headline and first paragraphs)", lambda r: f"{r['words']}"),
        ("Loaded terms", lambda r: f"{r['loaded_count']}"),
        ("Loaded terms per 100 words", lambda r: f"{r['loaded_per_100_words']:.1f}"),
        ("Own voice (share of words)", lambda r: f"{r['own_share']:.0%}"),
        ("Quoted", lambda r: f"{r['quoted_share']:.0%}"),
        ("Attributed to a source", lambda r: f"{r['attributed_share']:.0%}"),
        ("Tone (polarity, -1 to 1)", lambda r: f"{r['polarity']:+.2f}"),
    ]
    records = measures.to_dict("records")
    head = "".join(f'<th scope="col">{_escape(SIDE_NAMES[r["side"]])}</th>' for r in records)
    body = "".join(
        f'<tr><th scope="row">{_escape(name)}</th>'
        + "".join(f'<td class="number">{_escape(show(r))}</td>' for r in records)
        + "</tr>"
        for name, show in lines
    )
    return (
        '<section class="measures"><table>'
        "<caption>The measures, side by side: what framing counts in each article</caption>"
        f'<thead><tr><th scope="col">Measure</th>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></section>"
    )


def lesson_fragment(story: Story) -> str:
    """Return the lesson sheet's content as an HTML fragment with its (scoped) style."""
    categories = []
    for side in story.sides:
        lexicon = side.article.lexicon
        categories += list(getattr(lexicon, "categories", []))
    used = [m.category for s in story.sides for p in s.article.paragraphs for m in p.loaded_matches]
    meta = " \u00b7 ".join(
        part for part in (story.topic, story.date, f"AllSides story {story.story_id}") if part
    )
    questions = "".join(
        f'<li>{_escape(question)}<div class="answer"></div></li>'
        for question in lesson_questions(story)
    )
    answers = "".join(f"<li>{_escape(answer)}</li>" for answer in lesson_answers(story))
    lexicon_name = getattr(getattr(story.sides[0].article.lexicon, "info", None), "name", "given")
    parts = [
        f"<style>{_PAGE_CSS}\n{stylesheet(list(dict.fromkeys(categories + used)))}</style>",
        '<div class="framing-lesson">',
        "<header>",
        f"<h1>Same story, three framings: {_escape(story.story or 'one story')}</h1>",
        f'<p class="meta">{_escape(meta)}. AllSides keeps the first paragraphs of each '
        "article; the last one is cut short (\u2026).</p>",
        "</header>",
        "<h2>How to read this page</h2>",
        legend_html(list(dict.fromkeys(used)) or categories),
        "<h2>The left, center and right articles</h2>",
        f'<div class="sides">{"".join(_side_html(side) for side in story.sides)}</div>',
        f'<section class="questions"><h2>Discussion questions</h2><ol>{questions}</ol></section>',
        '<section class="answers"><h2>For the teacher: what the measures say</h2>'
        f"<ul>{answers}</ul>{_measures_html(story)}</section>",
        f"<footer>Made with framing {_escape(__version__)} from the AllSides headline roundups "
        f"(research use). Loaded terms come from the {_escape(lexicon_name)} lexicon.</footer>",
        "</div>",
    ]
    return "\n".join(parts)


def lesson_html(story: Story) -> str:
    """Return the lesson sheet for ``story`` as a complete, self-contained HTML page."""
    page = [
        *page_head(f"Lesson: {story.story or 'one story'}"),
        "<body><main>",
        lesson_fragment(story),
        "</main></body></html>",
    ]
    return "\n".join(page)
