"""The article model: headline, paragraphs with exact offsets, and options honoured."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import Article, FramingError
from framing.measures.lexicon import Entry, Lexicon
from framing.measures.sentiment import Sentiment
from framing.text.segment import LineSegmenter
from tests.test_segment import ARBITRARY_TEXT, INVISIBLE_CASES, check_spans

SEED_HEADLINE = "ALERT: Trump Wins Massive Military Victory, Obama Never Did This"


def test_the_seed_parses_into_a_headline_and_twelve_body_paragraphs(seed_text):
    article = Article(seed_text)
    assert article.headline.text == SEED_HEADLINE
    assert (article.headline.index, article.headline.start, article.headline.end) == (0, 0, 64)
    assert len(article.body) == 12
    assert [p.index for p in article.paragraphs] == list(range(13))
    # Offsets as SOURCES.md numbers the paragraphs (0 = headline).
    offsets = {p.index: (p.start, p.end) for p in article.paragraphs}
    assert offsets[1] == (66, 175)
    assert offsets[5] == (770, 1190)
    assert offsets[8] == (1695, 2173)
    assert offsets[12] == (3095, 3469) and len(seed_text) == 3469
    assert article.paragraphs[1].text.startswith("With Trump as president, ISIS")
    # Paragraph 4 keeps its en dashes, paragraph 5 its curly apostrophe, paragraph 8 its NBSP.
    assert "Raqqa\u2013a hospital\u2013and" in article.paragraphs[4].text
    assert "Williams\u2013who\u2019s on the ground" in article.paragraphs[5].text
    assert article.paragraphs[8].text.startswith("NPR\xa0also reported")
    assert article.paragraphs[8].text.endswith("executed publicly\u2026\u201d")
    assert article.paragraphs[11].text.startswith("Centcom describes")
    for paragraph in article.paragraphs:
        assert seed_text[paragraph.start : paragraph.end] == paragraph.text


def test_seed_word_counts(seed_text):
    article = Article(seed_text)
    # "ALERT Trump Wins Massive Military Victory Obama Never Did This"
    assert article.headline.words == 10
    # "... around 270,000 people fled Raqqa ..." counts 270,000 as one word.
    assert article.paragraphs[7].words == 57


@pytest.mark.parametrize(
    ("text", "headline", "paragraphs"),
    [
        (
            "ALERT: Trump Wins\n\nISIS lost Raqqa.",
            "ALERT: Trump Wins",
            ["ALERT: Trump Wins", "ISIS lost Raqqa."],
        ),
        ("Does Trump win?\n\nBody.", "Does Trump win?", ["Does Trump win?", "Body."]),
        ("Title\r\n\r\nBody\r\ntext.", "Title", ["Title", "Body\r\ntext."]),
        # Single-newline paragraphs: every line is one, and the first is the headline.
        ("Title\nFirst.\nSecond.", "Title", ["Title", "First.", "Second."]),
        # A headline block with a byline under it: the headline is the first line only.
        ("Title\nBy Jane Doe\n\nBody text.", "Title", ["Title", "By Jane Doe", "Body text."]),
        ("\xa0 Title \xa0\n\nBody.", "Title", ["Title", "Body."]),
        # A first paragraph that ends like a sentence or clause is not a headline.
        ("ISIS lost Raqqa.\n\nMore.", None, ["ISIS lost Raqqa.", "More."]),
        ("Wait for it\u2026\n\nMore.", None, ["Wait for it\u2026", "More."]),
        ("He said \u201cwe won.\u201d\n\nMore.", None, ["He said \u201cwe won.\u201d", "More."]),
        ("WASHINGTON, Oct. 17:\n\nMore.", None, ["WASHINGTON, Oct. 17:", "More."]),
        # A hard-wrapped first paragraph is not a headline and is not cut at its first line.
        (
            "The first line of a wrapped\nparagraph carries on.\n\nSecond.",
            None,
            ["The first line of a wrapped\nparagraph carries on.", "Second."],
        ),
        (
            "A line ending in a dash \u2013\nContinued here\n\nSecond.",
            None,
            ["A line ending in a dash \u2013\nContinued here", "Second."],
        ),
        # Too long for a headline (more than HEADLINE_MAX_WORDS words).
        (" ".join(["word"] * 26) + "\n\nMore.", None, [" ".join(["word"] * 26), "More."]),
        # One paragraph alone is body text.
        ("Only one line", None, ["Only one line"]),
        ("", None, []),
        ("  \n\xa0\r\n ", None, []),
    ],
)
def test_headline_detection(text, headline, paragraphs):
    article = Article(text)
    assert (article.headline.text if article.headline else None) == headline
    assert [p.text for p in article.paragraphs] == paragraphs
    assert [p.role for p in article.paragraphs] == (["headline"] if headline else []) + ["body"] * (
        len(paragraphs) - (1 if headline else 0)
    )
    for paragraph in article.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text


@pytest.mark.parametrize("char", INVISIBLE_CASES.values(), ids=INVISIBLE_CASES.keys())
@pytest.mark.parametrize(
    ("template", "headline", "paragraphs"),
    [
        # A first line that shows nothing is blank: never the headline, never a paragraph.
        ("{c}\nTitle\n\nBody.", "Title", ["Title", "Body."]),
        ("{c}{c}\n\nISIS lost Raqqa.", None, ["ISIS lost Raqqa."]),
        # A byte-order mark (or any of them) at the start of a line is not part of the text.
        ("{c}Title\n\n{c}Body.", "Title", ["Title", "Body."]),
        # Behind a sentence's full stop, it does not make the line a headline.
        ("ISIS lost Raqqa.{c}\n\nMore.", None, ["ISIS lost Raqqa.", "More."]),
        # Under the headline, a line of it is the blank line; the headline is still the title.
        ("Title\n{c}\nBody\ntext.", "Title", ["Title", "Body\ntext."]),
        # A byline after it in the headline's block: the byline starts at its first letter,
        # and its lower-case start still says the line is wrapped, not a headline.
        ("Title\n{c}By Jane Doe\n\nBody.", "Title", ["Title", "By Jane Doe", "Body."]),
        ("The first line of a\n{c}wrapped one.\n\nMore.", None, None),
    ],
)
def test_headline_rule_sees_through_what_shows_nothing(char, template, headline, paragraphs):
    text = template.format(c=char)
    article = Article(text)
    assert (article.headline.text if article.headline else None) == headline
    if paragraphs is None:  # the wrapped paragraph, with the character inside it
        paragraphs = [text[: text.index("\n\n")], "More."]
    assert [p.text for p in article.paragraphs] == paragraphs
    for paragraph in article.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text


class _BlankFirstSpan:
    """A segmenter whose first span shows nothing (the default ones never give such a span)."""

    def split(self, text: str) -> list[tuple[int, int]]:
        return [(0, 1), (2, len(text))]


def test_a_paragraph_that_shows_nothing_is_never_the_headline():
    article = Article("\u200b\nISIS lost Raqqa", segmenter=_BlankFirstSpan())
    assert article.headline is None
    assert [p.role for p in article.paragraphs] == ["body", "body"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Title\ud83d\n\nBody \udc00 one.", "U+D83D at character 5"),
        ("\udc00", "U+DC00 at character 0"),
    ],
)
def test_a_lone_surrogate_is_refused_with_how_to_repair_it(text, where):
    with pytest.raises(FramingError, match=rf"lone surrogate {re.escape(where)}.*surrogatepass"):
        Article(text)
    repaired = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    assert Article(repaired).text == text.replace("\ud83d", "\ufffd").replace("\udc00", "\ufffd")


@pytest.mark.parametrize(("option", "headline"), [(True, "ISIS lost Raqqa."), (False, None)])
def test_headline_option_overrides_detection(option, headline):
    article = Article("ISIS lost Raqqa.\n\nMore.", headline=option)
    assert (article.headline.text if article.headline else None) == headline
    assert len(article) == 2


@settings(max_examples=300, deadline=None)
@given(text=ARBITRARY_TEXT.filter(lambda text: not any("\ud800" <= c <= "\udfff" for c in text)))
def test_paragraph_offsets_are_exact_on_arbitrary_text(text):
    # st.characters() can draw a lone surrogate, which Article refuses (the test below).
    article = Article(text)
    spans = [(p.start, p.end) for p in article.paragraphs]
    check_spans(text, spans)
    for index, paragraph in enumerate(article.paragraphs):
        assert paragraph.index == index
        assert paragraph.text == text[paragraph.start : paragraph.end]
        assert paragraph.role == ("headline" if index == 0 and article.headline else "body")


#: Text with lone surrogates among the tricky characters.
TEXT_WITH_SURROGATES = st.lists(
    st.one_of(
        ARBITRARY_TEXT,
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    ),
    min_size=1,
    max_size=4,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(text=TEXT_WITH_SURROGATES)
def test_a_text_with_a_lone_surrogate_is_refused_and_any_other_has_exact_offsets(text):
    if any("\ud800" <= char <= "\udfff" for char in text):
        with pytest.raises(FramingError, match="lone surrogate"):
            Article(text)
    else:
        article = Article(text)
        check_spans(text, [(p.start, p.end) for p in article.paragraphs])


class FixedSentiment:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def score(self, text: str) -> Sentiment:
        self.seen.append(text)
        return Sentiment(0.25, 0.75)


class FixedCompound:
    def compound(self, text: str) -> float:
        return -0.5


def test_every_option_passed_is_the_one_used():
    sentiment = FixedSentiment()
    lexicon = Lexicon([Entry("raqqa", "place")])
    article = Article(
        "Title\nISIS lost Raqqa.\nRaqqa fell.",
        sentiment=sentiment,
        vader=FixedCompound(),
        lexicon=lexicon,
        segmenter=LineSegmenter(),
    )
    assert [p.text for p in article.paragraphs] == ["Title", "ISIS lost Raqqa.", "Raqqa fell."]
    assert [(p.polarity, p.subjectivity) for p in article.paragraphs] == [(0.25, 0.75)] * 3
    assert sentiment.seen == ["Title", "ISIS lost Raqqa.", "Raqqa fell."]
    assert [p.vader_compound for p in article.paragraphs] == [-0.5] * 3
    assert [p.loaded_terms for p in article.paragraphs] == [
        "",
        "raqqa:place=Raqqa",
        "raqqa:place=Raqqa",
    ]
    assert article.paragraphs[1].loaded_per_100_words == pytest.approx(100 / 3)
    match = article.paragraphs[1].loaded_matches[0]
    assert article.paragraphs[1].text[match.start : match.end] == "Raqqa"


def test_a_segmenter_changes_the_paragraphs():
    text = "Title\n\nOne line\nwrapped."
    assert len(Article(text)) == 2
    assert [p.text for p in Article(text, segmenter=LineSegmenter()).paragraphs] == [
        "Title",
        "One line",
        "wrapped.",
    ]


def test_with_options_replaces_only_what_is_given():
    sentiment = FixedSentiment()
    article = Article("Title\n\nBody.", sentiment=sentiment)
    copy = article.with_options(vader=FixedCompound())
    assert copy.sentiment is sentiment
    assert copy.paragraphs[1].vader_compound == -0.5
    with pytest.raises(FramingError, match="option='colour' is not valid"):
        article.with_options(colour="red")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sentiment": "textblob"}, r"sentiment= needs an object with a \.score\(\) method"),
        ({"vader": 0.5}, r"vader= needs an object with a \.compound\(\) method"),
        ({"segmenter": str.split}, r"segmenter= needs an object with a \.split\(\) method"),
        ({"headline": "yes"}, r"headline='yes' is not valid; use one of: None, True, False"),
    ],
)
def test_bad_options_say_what_is_expected(options, message):
    with pytest.raises(FramingError, match=message):
        Article("Title\n\nBody.", **options)


class _Scores:
    def score(self, text):
        return Sentiment(0.0, 0.0)


class _ScoresNot(_Scores):
    score = None  # a subclass that takes the method away


class _ScoresOnInstance:
    def __init__(self):
        self.score = lambda text: Sentiment(0.0, 0.0)


class _ScoresInParent(_Scores):
    pass


def _plugin_cases():
    """Objects of every kind an option may be given: plain values, functions, classes with the
    method, without it, with it taken away, on the instance only, inherited, and the defaults."""
    from framing.measures.sentiment import default_sentiment, default_vader
    from framing.text.segment import BlankLineSegmenter

    return [
        "textblob", 0.5, None, str.split, len, object(), _Scores(), _ScoresNot(),
        _ScoresOnInstance(), _ScoresInParent(), FixedSentiment(), FixedCompound(),
        LineSegmenter(), BlankLineSegmenter(), default_sentiment(), default_vader(),
        Lexicon([Entry("massive", "hyperbole")]), _Scores, LineSegmenter, re.compile("x"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "protocol_name", ["SentimentScorer", "CompoundScorer", "Segmenter", "LexiconMatcher"]
)
def test_the_plugin_check_by_class_agrees_with_isinstance(protocol_name):
    # _class_defines skips the Protocol's isinstance (slow) where the class has the method: it
    # must accept only what isinstance accepts, and anything it leaves is checked by isinstance.
    from framing import article as article_module
    from framing.measures import lexicon, sentiment
    from framing.text import segment

    modules = (sentiment, segment, lexicon)
    protocol = next(getattr(m, protocol_name) for m in modules if hasattr(m, protocol_name))
    method = {
        "SentimentScorer": "score",
        "CompoundScorer": "compound",
        "Segmenter": "split",
        "LexiconMatcher": "match",
    }[protocol_name]
    for value in _plugin_cases():
        by_class = article_module._class_defines(type(value), method)
        assert not by_class or isinstance(value, protocol), value
        assert (by_class or isinstance(value, protocol)) == isinstance(value, protocol), value
    assert article_module._class_defines(_ScoresInParent, "score")
    assert not article_module._class_defines(_ScoresNot, "score")
    with pytest.raises(FramingError, match=r"sentiment= needs an object with a \.score\(\)"):
        Article("Title\n\nBody.", sentiment=_ScoresNot())
    assert Article("Title\n\nBody.", sentiment=_ScoresOnInstance()).paragraphs[1].polarity == 0


def test_text_and_paths_are_kept_apart(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    with pytest.raises(FramingError, match=r"Article.from_file\(path\)"):
        Article(path)
    # A string is text even when a file of that name exists.
    assert [p.text for p in Article(str(path)).paragraphs] == [str(path)]


def test_from_file_reads_windows_line_endings_and_a_byte_order_mark(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("\ufeffTitle\r\n\r\nISIS lost Raqqa\u2013a hospital.\r\n".encode())
    article = Article.from_file(path)
    assert article.headline.text == "Title"
    assert [p.text for p in article.body] == ["ISIS lost Raqqa\u2013a hospital."]
    assert article.text.startswith("Title")


def test_from_file_reads_an_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Site</title></head><body>"
        "<nav>Home | World</nav><article><h1>Raqqa Falls</h1>"
        "<p>ISIS lost Raqqa&ndash;a hospital.</p><p>More&nbsp;news.</p></article>"
        "<footer>&copy; 2017</footer></body></html>",
        encoding="utf-8",
    )
    article = Article.from_file(path)
    assert article.headline.text == "Raqqa Falls"
    assert [p.text for p in article.body] == ["ISIS lost Raqqa\u2013a hospital.", "More\xa0news."]
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


# -- one split of each paragraph serves the word count and the voice labels --------------------


@pytest.fixture(scope="module")
def every_real_article() -> list[str]:
    from framing.datasets.loaders import load_allsides, load_babe
    from tests.conftest import need_data

    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)["text"].tolist()
    return babe + sides


def test_words_counted_from_the_voice_split_are_count_words(every_real_article, seed_text):
    from framing.text.words import count_words

    for text in [seed_text, *every_real_article]:
        article = Article(text)
        voices = article.voices  # splits each paragraph once, and counts its words from it
        for paragraph, voice in zip(article.paragraphs, voices, strict=True):
            assert "words" in paragraph.__dict__  # counted by the split, not again
            assert paragraph.words == count_words(paragraph.text) == voice.words, text


def test_a_detector_of_ones_own_leaves_the_word_count_alone():
    from framing.voice import ParagraphVoice, RuleVoiceDetector

    class Halves:  # says every paragraph has one word
        def detect(self, paragraphs):
            return [ParagraphVoice("own", 1, 0, 0) for _ in paragraphs]

    class Narrower(RuleVoiceDetector):  # overrides detect without the split
        def detect(self, paragraphs):
            return super().detect(paragraphs)

    text = "Title\n\nISIS lost the city, officials said on Monday."
    for detector in (Halves(), Narrower()):
        article = Article(text, voice=detector)
        article.voices  # noqa: B018
        assert [p.words for p in article.paragraphs] == [1, 8]


def test_a_cached_property_is_computed_once_and_kept_on_the_instance():
    from framing.article import cached_property

    calls = []

    class Counted:
        @cached_property
        def value(self) -> int:
            """The value."""
            calls.append(self)
            return len(calls)

    first, second = Counted(), Counted()
    assert (first.value, first.value, second.value) == (1, 1, 2)
    assert first.__dict__ == {"value": 1}
    assert calls == [first, second]
    assert isinstance(Counted.value, cached_property)
    assert Counted.value.__doc__ == "The value."
    # the properties of Article and Paragraph are these
    assert isinstance(Article.__dict__["paragraphs"], cached_property)


def _measured(article: Article) -> list[tuple]:
    return [
        (p.text, p.role, p.words, p.sentiment, p.vader_compound, p.loaded_terms, p.voice)
        for p in article.paragraphs
    ]


def test_clear_cache_forgets_the_measures_and_they_come_back_the_same(seed_text):
    article = Article(seed_text)
    before = _measured(article)
    first_paragraph = article.paragraphs[0]
    article.clear_cache()
    assert not {"paragraphs", "voices", "voice_detector"} & set(vars(article))
    assert article.paragraphs[0] is not first_paragraph  # made again
    assert _measured(article) == before


def _freed_without_the_collector(text: str, *, clear: bool) -> bool:
    """Return whether the article of ``text``, measured, is freed by reference counting alone
    once the last reference to it goes (the garbage collector off meanwhile)."""
    import gc
    import weakref

    article = Article(text)
    _measured(article)
    if clear:
        article.clear_cache()
    reference = weakref.ref(article)
    gc.disable()
    try:
        del article
        return reference() is None
    finally:
        gc.enable()
        gc.collect()


def test_a_cleared_article_is_freed_at_once_where_a_measured_one_waits_for_the_collector(
    seed_text,
):
    # an article and its paragraphs refer to each other: only the collector frees them
    assert not _freed_without_the_collector(seed_text, clear=False)
    assert _freed_without_the_collector(seed_text, clear=True)
