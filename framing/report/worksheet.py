"""The classroom worksheet: one self-contained, printable HTML page about one article.

The page holds the headline; each paragraph with its loaded terms marked by category (with a
legend) and its voice shaded; the source paragraph it draws on beside it, where there is one;
a small sentiment strip drawn as inline SVG; and discussion questions. It has inline CSS only:
no scripts, fonts, images or links to fetch, so it works offline and prints as it shows.
Every piece of article text is escaped.

>>> from framing import Article
>>> page = worksheet_html(Article("A Massive Win\\n\\nIt was <script>go()</script> vile."))
>>> page.startswith("<!DOCTYPE html>"), "<script>" in page, page.count("<mark ")
(True, False, 2)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from framing._version import __version__
from framing.report.highlight import (
    _escape,
    highlight_text,
    legend_html,
    page_head,
    paragraph_html,
    paragraph_voice,
    stylesheet,
)
from framing.report.palette import LOADED_COLOR, NEGATIVE_COLOR, POSITIVE_COLOR

__all__ = [
    "SourceDocument",
    "plural",
    "worksheet_warnings",
    "worksheet_html",
    "worksheet_fragment",
    "questions_html",
    "sentiment_svg",
    "discussion_questions",
]

#: Width and height of the inline sentiment strip, in CSS pixels: fits an A4 or Letter page's
#: text column (about 650 px at 96 dpi) with room for the axis labels.
STRIP_WIDTH, STRIP_HEIGHT = 640, 170

#: Questions for every article, after the ones that :func:`discussion_questions` writes from
#: the measures. After the media-literacy "key questions" of the Center for Media Literacy
#: ("Five Key Questions", 2005): who made it, what techniques, whose point of view is left out.
GENERAL_QUESTIONS = (
    "Who wrote this article, and whom does it want you to agree with? Point to the words that "
    "tell you.",
    "Which facts could you check yourself, and where would you check them?",
)

#: Asked only when the article has a highlighted term to pick.
HIGHLIGHT_QUESTION = (
    "Pick one highlighted term and replace it with a neutral word. Does the paragraph still say "
    "the same thing?"
)

#: An article longer than this gets a warning on the page. At the 238 words a minute of adult
#: silent reading of non-fiction (Brysbaert 2019, a meta-analysis of 190 studies), 2,500 words
#: take more than ten minutes to read once, before any question is answered, and the page
#: prints on many sheets.
LONG_ARTICLE_WORDS = 2_500

_PAGE_CSS = """
.framing-worksheet { font-family: Georgia, 'DejaVu Serif', serif; line-height: 1.5; color: #111;
  max-width: 62rem; margin: 1.5rem auto; padding: 0 1rem; background: #fff; }
.framing-worksheet h1 { font-size: 1.6rem; line-height: 1.25; margin: .2rem 0 .4rem; }
.framing-worksheet h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem;
  border-bottom: 1px solid #ccc; }
.framing-worksheet .meta { color: #444; font-size: .9rem; margin: 0 0 .8rem; }
.framing-worksheet .rows { display: grid; grid-template-columns: 1fr; gap: .9rem; }
.framing-worksheet .row { display: grid; grid-template-columns: 1fr; gap: 1rem;
  break-inside: avoid; page-break-inside: avoid; }
.framing-worksheet.with-sources .row { grid-template-columns: 1.1fr 1fr; }
.framing-worksheet .label { font: .78rem/1.3 'DejaVu Sans', Arial, sans-serif; color: #444;
  margin: 0 0 .2rem; }
.framing-worksheet .row .paragraph { margin: 0; }
.framing-worksheet .source { background: #f6f6f6; border-left: 4px solid #999;
  padding: .3rem .6rem; font-size: .95rem; -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
.framing-worksheet .source p { margin: 0; }
.framing-worksheet .source.none { background: none; border-left: 4px dashed #bbb; color: #555;
  font-style: italic; }
.framing-worksheet .omitted li { margin-bottom: .5rem; }
.framing-worksheet .warnings { border: 2px solid #b00; padding: .2rem .8rem; margin: .8rem 0; }
.framing-worksheet .strip svg { max-width: 100%; height: auto; }
.framing-worksheet .questions li { margin-bottom: .7rem; }
.framing-worksheet .answer { border-bottom: 1px solid #999; height: 2.2rem; }
.framing-worksheet footer { margin-top: 2rem; font-size: .8rem; color: #555; }
@media print {
  body { margin: 0; }
  .framing-worksheet { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  .framing-worksheet h2 { break-after: avoid; page-break-after: avoid; }
  .framing-worksheet .questions { break-before: page; page-break-before: always; }
  .framing-worksheet .answer { height: 3rem; }
}
"""


@dataclass(frozen=True)
class SourceDocument:
    """A source report beside the article: its name in the comparison, and its measured text."""

    name: str
    article: object  # a framing.Article
    #: What the page calls the source, when someone named it; else its headline, else ``name``.
    label: str | None = None

    @property
    def title(self) -> str:
        """Return what the page calls the source: its label, else its headline, else its name.

        >>> from framing import Article
        >>> release = Article("Strike in Yemen\\n\\nU.S. forces struck two camps.")
        >>> SourceDocument("release.txt", release).title
        'Strike in Yemen'
        >>> SourceDocument("release.txt", release, label="DoD, 16 Oct 2017").title
        'DoD, 16 Oct 2017'
        """
        if self.label:
            return self.label
        headline = getattr(self.article, "headline", None)
        return headline.text if headline is not None else self.name


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """Return ``count`` with the noun in the right number.

    >>> plural(1, "paragraph"), plural(11, "paragraph"), plural(0, "loaded term")
    ('1 paragraph', '11 paragraphs', '0 loaded terms')
    """
    return f"{count:,} {singular if count == 1 else plural_form or singular + 's'}"


def _paragraph_list(numbers: Sequence[int]) -> str:
    """Return "Paragraph 3", "Paragraphs 3 and 5" or "Paragraphs 3, 5 and 8"."""
    if len(numbers) == 1:
        return f"Paragraph {numbers[0]}"
    listed = ", ".join(str(n) for n in numbers[:-1])
    return f"Paragraphs {listed} and {numbers[-1]}"


def _number(value: object) -> int | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).replace(",", ";").split(";")[0].strip()
    return int(float(text)) if text else None


def _aligned_pairs(comparison: pd.DataFrame | None) -> dict[int, list[dict]]:
    pairs: dict[int, list[dict]] = {}
    if comparison is None:
        return pairs
    for row in comparison.to_dict("records"):
        if row.get("status") != "aligned":
            continue
        number = _number(row.get("paragraph"))
        if number is not None:
            pairs.setdefault(number, []).append(row)
    return pairs


def _unsourced_rows(comparison: pd.DataFrame | None) -> dict[int, dict]:
    if comparison is None or "status" not in comparison.columns:
        return {}
    rows = {}
    for row in comparison[comparison["status"] == "unsourced"].to_dict("records"):
        number = _number(row.get("paragraph"))
        if number is not None:
            rows[number] = row
    return rows


def _source_paragraphs(row: Mapping, sources: Mapping[str, SourceDocument]) -> list:
    document = sources.get(str(row.get("source_doc")))
    if document is None:
        return []
    numbers = str(row.get("source_paragraph", "")).replace(",", ";").split(";")
    found = []
    for part in numbers:
        number = _number(part)
        if number is not None and 0 <= number < len(document.article.paragraphs):
            found.append(document.article.paragraphs[number])
    return found


def sentiment_svg(article) -> str:
    """Return an inline SVG of each paragraph's polarity and loaded terms per 100 words.

    Only numbers go into the drawing (paragraph numbers and measures); each bar has a
    ``<title>`` that a screen reader or a mouse-over reads.
    """
    paragraphs = list(article.paragraphs)
    count = max(len(paragraphs), 1)
    left, right, top = 120, 10, 14
    row_height = 60
    width = STRIP_WIDTH - left - right
    step = width / count
    bar = max(step * 0.7, 1.0)
    loaded = [p.loaded_per_100_words for p in paragraphs if p.words]
    loaded_top = max(max(loaded, default=0.0), 1.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {STRIP_WIDTH} '
        f'{STRIP_HEIGHT}" width="{STRIP_WIDTH}" height="{STRIP_HEIGHT}" '
        'font-family="DejaVu Sans, Arial, sans-serif" font-size="10">',
        "<title>Sentiment strip: polarity and loaded terms per 100 words, paragraph by "
        "paragraph</title>",
    ]
    middle = top + row_height / 2
    parts.append(
        f'<text x="{left - 8}" y="{middle + 3:.1f}" text-anchor="end">polarity (-1 to 1)</text>'
        f'<line x1="{left}" x2="{left + width}" y1="{middle:.1f}" y2="{middle:.1f}" '
        'stroke="#000" stroke-width="0.8"/>'
    )
    base = top + 2 * row_height - 8
    parts.append(
        f'<text x="{left - 8}" y="{base - 20:.1f}" text-anchor="end">loaded terms</text>'
        f'<text x="{left - 8}" y="{base - 8:.1f}" text-anchor="end">per 100 words</text>'
        f'<line x1="{left}" x2="{left + width}" y1="{base:.1f}" y2="{base:.1f}" '
        'stroke="#000" stroke-width="0.8"/>'
    )
    for index, paragraph in enumerate(paragraphs):
        x = left + index * step + (step - bar) / 2
        polarity = paragraph.polarity
        height = abs(polarity) * (row_height / 2 - 2)
        y = middle - height if polarity >= 0 else middle
        color = POSITIVE_COLOR if polarity >= 0 else NEGATIVE_COLOR
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" '
            f'fill="{color}"><title>paragraph {paragraph.index}: polarity {polarity:+.2f}'
            "</title></rect>"
        )
        rate = paragraph.loaded_per_100_words
        # a paragraph without words has no rate (NaN): no bar, and its title says why
        height = rate / loaded_top * (row_height - 14) if paragraph.words else 0.0
        label = f"{rate:.1f} loaded terms per 100 words" if paragraph.words else "no words"
        parts.append(
            f'<rect x="{x:.1f}" y="{base - height:.1f}" width="{bar:.1f}" height="{height:.1f}" '
            f'fill="{LOADED_COLOR}"><title>paragraph {paragraph.index}: {label}</title></rect>'
        )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{base + 13:.1f}" text-anchor="middle">'
            f"{paragraph.index}</text>"
        )
    parts.append(
        f'<text x="{left + width / 2:.1f}" y="{STRIP_HEIGHT - 2}" text-anchor="middle">'
        "paragraph (0 = headline)</text></svg>"
    )
    return "".join(parts)


def worksheet_warnings(article) -> list[str]:
    """Return what a reader must know before trusting the page's measures (plain text).

    >>> from framing import Article
    >>> worksheet_warnings(Article("Strike in Yemen", headline=True))[0]
    'This article is only a headline: there are no paragraphs to read or measure.'
    """
    warnings = []
    body = [p for p in article.paragraphs if p.role == "body"]
    if not body:
        warnings.append(
            "This article is only a headline: there are no paragraphs to read or measure."
        )
    if not any(p.loaded_count for p in article.paragraphs):
        name = getattr(getattr(article.lexicon, "info", None), "name", "given")
        warnings.append(
            f"The lexicon ({name}) found no loaded terms in this article. That does not make it "
            "neutral: a lexicon finds only the words it lists, so read for loaded words it "
            "missed."
        )
    words = sum(p.words for p in article.paragraphs)
    if words > LONG_ARTICLE_WORDS:
        warnings.append(
            f"This article is long ({plural(words, 'word')}, "
            f"{plural(len(article.paragraphs), 'paragraph')}): it takes a student more than ten "
            "minutes to read and prints on many pages. Consider giving an excerpt."
        )
    return warnings


def discussion_questions(
    article,
    *,
    comparison: pd.DataFrame | None = None,
    limit: int = 6,
    sources: Sequence[SourceDocument] = (),
) -> list[str]:
    """Return discussion questions (plain text) written from what the measures found.

    A question is asked only about something found (no highlighted term to pick when nothing
    is highlighted), and none asks what the page prints beside it.

    >>> from framing import Article
    >>> discussion_questions(Article("Raqqa Falls\\n\\nISIS lost a massive, massive battle."))[0]
    'Paragraph 1 has 2 loaded terms (massive, massive). Rewrite it in neutral words: what changes?'
    """
    questions = []
    headline = article.headline
    if headline is not None and headline.loaded_matches:
        terms = ", ".join(f"\u201c{m.text}\u201d" for m in headline.loaded_matches)
        questions.append(
            f"The headline uses {terms}. What does it want you to feel before you read a "
            "single fact?"
        )
    body = [p for p in article.paragraphs if p.role == "body"]
    heaviest = max(body, key=lambda p: (p.loaded_count, -p.index), default=None)
    if heaviest is not None and heaviest.loaded_count:
        terms = ", ".join(m.text for m in heaviest.loaded_matches)
        questions.append(
            f"Paragraph {heaviest.index} has {plural(heaviest.loaded_count, 'loaded term')} "
            f"({terms}). Rewrite it in neutral words: what changes?"
        )
    cited = [p.index for p in body if paragraph_voice(p) in ("attributed", "quoted", "mixed")]
    if cited:
        verb = "speaks" if len(cited) == 1 else "speak"
        named = (
            _paragraph_list(cited)
            if len(cited) <= 4
            else (f"Paragraphs {', '.join(str(n) for n in cited[:3])} and {len(cited) - 3} others")
        )
        questions.append(
            f"{named} {verb} through sources. Where does the source stop "
            "and the outlet's own voice begin? Underline the outlet's own words."
        )
    if comparison is not None and "status" in comparison.columns:
        questions += _comparison_questions(comparison, sources)
    negative = min(body, key=lambda p: (p.polarity, p.index), default=None)
    if negative is not None and negative.polarity < 0:
        questions.append(
            f"On the sentiment strip, paragraph {negative.index} is the most negative. Which of "
            "its words make it so, and how else could the same facts be told?"
        )
    if any(p.loaded_count for p in article.paragraphs):
        questions.append(HIGHLIGHT_QUESTION)
    questions.extend(GENERAL_QUESTIONS)
    return questions[: max(limit, len(GENERAL_QUESTIONS))]


def _comparison_questions(comparison: pd.DataFrame, sources: Sequence[SourceDocument]) -> list:
    titles = {document.name: document.title for document in sources}
    questions = []
    matches = comparison["match"] if "match" in comparison.columns else None
    omitted = comparison[comparison["status"] == "omitted"]
    if len(omitted):
        names = sorted({titles.get(str(name), str(name)) for name in omitted["source_doc"]})
        source = f"\u201c{names[0]}\u201d" if len(names) == 1 else "its sources"
        maybe = (
            int((matches[omitted.index] == "maybe said differently").sum())
            if matches is not None
            else 0
        )
        close = f" For {maybe:,} of them, an article paragraph comes close." if maybe else ""
        questions.append(
            f"The article does not use {plural(len(omitted), 'paragraph')} of {source} (listed "
            "under \u201cWhat the source says that the article does not use\u201d)."
            f"{close} For each: left out, or said in other words? If left out, why might that be?"
        )
    unsourced = comparison[comparison["status"] == "unsourced"]
    if len(unsourced):
        verb = "matches" if len(unsourced) == 1 else "match"
        questions.append(
            f"{plural(len(unsourced), 'paragraph')} of the article {verb} no paragraph of the "
            "source. Whose claims are these, and how could you check them?"
        )
    return questions


def _credited(paragraph) -> str:
    voice = getattr(paragraph, "voice", None)
    names = []
    for source in getattr(voice, "sources", None) or ():
        name = str(getattr(source, "name", source))
        if name not in names:
            names.append(name)
    return ", ".join(names)


def _voice_label(paragraph) -> str:
    label = paragraph_voice(paragraph)
    names = _credited(paragraph)
    text = f"voice: {label}" if label else ""
    if names:
        text += f" ({names})"
    return text


def _score(value: object) -> float | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    return float(value)


def _source_cell(label: str, source_paragraph) -> str:
    return (
        f'<div class="source"><p class="label">{_escape(label)}</p>'
        f'<p data-source-paragraph="{source_paragraph.index}">'
        f"{highlight_text(source_paragraph.text, source_paragraph.loaded_matches)}</p></div>"
    )


def _match_label(row: Mapping, source: SourceDocument, number: int) -> str:
    label = f"{source.title} \u00b6{number}"
    containment = _score(row.get("containment"))
    if row.get("match") == "said differently":
        similarity = _score(row.get("similarity"))
        label += " \u00b7 says the same in other words"
        if similarity is not None:
            label += f" (paraphrase score {similarity:.2f})"
    elif containment is not None:
        label += f" \u00b7 {containment:.0%} of its three-word phrases appear in the source"
    return label


def _paragraph_row(paragraph, pairs, sources, with_sources: bool, unmatched=None) -> str:
    label = f"\u00b6{paragraph.index}"
    voice = _voice_label(paragraph)
    if voice:
        label += f" \u00b7 {voice}"
    if paragraph.loaded_count:
        label += f" \u00b7 {plural(paragraph.loaded_count, 'loaded term')}"
    cells = [
        f'<div class="partisan"><p class="label">{_escape(label)}</p>'
        f"{paragraph_html(paragraph)}</div>"
    ]
    if with_sources:
        found = []
        for row in pairs.get(paragraph.index, ()):
            document = sources.get(str(row.get("source_doc")))
            for source_paragraph in _source_paragraphs(row, sources):
                found.append(
                    _source_cell(
                        _match_label(row, document, source_paragraph.index), source_paragraph
                    )
                )
        row = (unmatched or {}).get(paragraph.index)
        if not found and row is not None and row.get("match") == "maybe said differently":
            document = sources.get(str(row.get("nearest_source_doc")))
            number = _number(row.get("nearest_source_paragraph"))
            if document is not None and number is not None:
                similarity = _score(row.get("similarity")) or 0.0
                label = (
                    f"Not matched, but close: {document.title} \u00b6{number} (paraphrase score "
                    f"{similarity:.2f}). The same claim in other words, or not?"
                )
                found.append(_source_cell(label, document.article.paragraphs[number]))
        if not found:
            credits = _credited(paragraph)
            note = "Not in the sources given: no paragraph of them comes close."
            if credits:
                note += f" It credits {credits}: is that report among the sources?"
            found.append(f'<div class="source none">{_escape(note)}</div>')
        cells.append("".join(found))
    return f'<section class="row" data-paragraph="{paragraph.index}">{"".join(cells)}</section>'


def _omitted_html(comparison, sources) -> str:
    if comparison is None or "status" not in comparison.columns:
        return ""
    items = []
    for row in comparison[comparison["status"] == "omitted"].to_dict("records"):
        document = sources.get(str(row.get("source_doc")))
        for source_paragraph in _source_paragraphs(row, sources):
            nearest = _number(row.get("nearest_paragraph"))
            similarity = _score(row.get("similarity"))
            if row.get("match") == "maybe said differently" and nearest is not None:
                note = (
                    f"Maybe said in other words: the article's \u00b6{nearest} comes close "
                    f"(paraphrase score {similarity:.2f})."
                )
            else:
                note = "No article paragraph comes close."
            items.append(
                f'<li><span class="label">{_escape(document.title)} '
                f"\u00b6{source_paragraph.index} \u00b7 {_escape(note)}</span><br>"
                f"{highlight_text(source_paragraph.text, source_paragraph.loaded_matches)}</li>"
            )
    if not items:
        return ""
    return (
        "<h2>What the source says that the article does not use: left out, or said in other "
        'words?</h2><ul class="omitted">' + "".join(items) + "</ul>"
    )


def _warnings_html(article) -> str:
    warnings = worksheet_warnings(article)
    if not warnings:
        return ""
    items = "".join(f"<li>{_escape(warning)}</li>" for warning in warnings)
    return f'<section class="warnings"><h2>Before you start</h2><ul>{items}</ul></section>'


def _categories(article, sources: Sequence[SourceDocument]) -> list[str]:
    categories = list(getattr(article.lexicon, "categories", []))
    for document in [article, *(source.article for source in sources)]:
        categories += [m.category for p in document.paragraphs for m in p.loaded_matches]
    return list(dict.fromkeys(categories))


def questions_html(
    article,
    *,
    comparison: pd.DataFrame | None = None,
    sources: Sequence[SourceDocument] = (),
) -> str:
    """Return the discussion questions as an HTML ordered list, with room for answers."""
    items = "".join(
        f'<li>{_escape(question)}<div class="answer"></div></li>'
        for question in discussion_questions(article, comparison=comparison, sources=sources)
    )
    return f"<ol>{items}</ol>"


def worksheet_fragment(
    article,
    sources: Sequence[SourceDocument] = (),
    *,
    comparison: pd.DataFrame | None = None,
    title: str | None = None,
    questions: bool = True,
) -> str:
    """Return the worksheet's content as an HTML fragment, with its (scoped) style.

    This is what :func:`worksheet_html` puts in a page, and what a notebook displays.
    """
    by_name = {document.name: document for document in sources}
    with_sources = bool(sources)
    categories = _categories(article, sources)
    used = list(dict.fromkeys(m.category for p in article.paragraphs for m in p.loaded_matches))
    headline = article.headline
    heading = title or (headline.text if headline is not None else "An article")
    pairs = _aligned_pairs(comparison)
    unmatched = _unsourced_rows(comparison)
    rows = [
        _paragraph_row(paragraph, pairs, by_name, with_sources, unmatched)
        for paragraph in article.paragraphs
    ]
    total = sum(p.loaded_count for p in article.paragraphs)
    meta = (
        f"{plural(len(article.paragraphs), 'paragraph')} \u00b7 {plural(total, 'loaded term')}"
        + (
            f" \u00b7 compared with: {', '.join(d.title for d in by_name.values())}"
            if by_name
            else ""
        )
    )
    lexicon_name = getattr(getattr(article.lexicon, "info", None), "name", "given")
    parts = [
        f"<style>{_PAGE_CSS}\n{stylesheet(categories)}</style>",
        f'<div class="framing-worksheet {"with-sources" if with_sources else "article-only"}">',
        "<header>",
        f"<h1>{_escape(heading)}</h1>",
        f'<p class="meta">{_escape(meta)}</p>',
        "</header>",
        _warnings_html(article),
        "<h2>How to read this page</h2>",
        legend_html(used or categories),
        '<p class="meta">The rule on the left of each paragraph shows whose voice it is: '
        "the outlet's own (solid), attributed to a source (dashed), quoted (double), or mixed "
        "(dotted).</p>",
        '<h2>Sentiment, paragraph by paragraph</h2><div class="strip">',
        sentiment_svg(article),
        "</div>",
        "<h2>The article" + (" beside its sources" if with_sources else "") + "</h2>",
        f'<div class="rows">{"".join(rows)}</div>',
        _omitted_html(comparison, by_name),
    ]
    if questions:
        parts.append(
            '<section class="questions"><h2>Discussion questions</h2>'
            f"{questions_html(article, comparison=comparison, sources=sources)}</section>"
        )
    parts += [
        f"<footer>Made with framing {_escape(__version__)}. Loaded terms come from the "
        f"{_escape(lexicon_name)} lexicon; polarity is TextBlob's (-1 to 1).</footer>",
        "</div>",
    ]
    return "\n".join(parts)


def worksheet_html(
    article,
    sources: Sequence[SourceDocument] = (),
    *,
    comparison: pd.DataFrame | None = None,
    title: str | None = None,
) -> str:
    """Return the worksheet for ``article`` as a complete, self-contained HTML page.

    ``sources`` are the reports the article cites, and ``comparison`` is
    :func:`framing.compare`'s table for them: a paragraph aligned with a source paragraph shows
    it beside itself, and source paragraphs the article never uses are listed.
    """
    headline = article.headline
    heading = title or (headline.text if headline is not None else "An article")
    page = [
        *page_head(f"Worksheet: {heading}"),
        "<body>",
        worksheet_fragment(article, sources, comparison=comparison, title=title),
        "</body></html>",
    ]
    return "\n".join(page)
