"""Voice: quotations, attributions and sources, on the seed, on hand-made cases, on AllSides."""

from __future__ import annotations

import json
import math
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

from framing import Article, analyze, voice_contrast
from framing.errors import FramingError
from framing.voice import (
    SOURCE_KINDS,
    VERB_KINDS,
    VOICES,
    SourceEntry,
    SourceList,
    detect_voices,
    load_reporting_verbs,
    load_sources,
)
from framing.voice.model import FOUND_KINDS, UNNAMED_KINDS, ParagraphVoice
from framing.voice.quotes import find_quotes
from framing.voice.sources import read_sources
from tests.conftest import REPO, need, need_data

# --- the seed, paragraph by paragraph (0 is the headline) ----------------------------------------

SEED_VOICES = [
    # paragraph, voice, sources: by reading the text
    (0, "own", ""),  # the headline
    (1, "own", ""),  # "With Trump as president, ISIS has been steadily beaten back ..."
    (2, "attributed", "CBS News"),  # "According to CBS News, ..."; the next sentence carries on
    (3, "own", ""),  # "Raqqa has been the de-facto capital of ISIS ..."
    (4, "own", ""),  # "On Tuesday, ISIS lost one of their main holdings ..." (no attribution)
    (5, "attributed", "CBS News;Holly Williams"),  # "According to CBS News reporter Holly ..."
    (6, "own", ""),  # "Once this is over and Raqqa is believed safe ..."
    (
        7,
        "attributed",
        "NBC News;Syrian Observatory for Human Rights;Save the Children",
    ),  # three attributions, one a sentence
    (8, "quoted", "NPR;Ruth Sherlock"),  # "NPR also reported ... According to reporter Ruth ..."
    (9, "quoted", "NPR;Tom Bowman"),  # "... according to NPR’s Tom Bowman. “...,” Bowman reported."
    (10, "own", ""),  # "Yemen is another area ..." (draws on CENTCOM without saying so)
    (11, "quoted", "CENTCOM"),  # "Centcom describes the training done there thusly: “...”"
    (12, "own", ""),  # "Though the fight against ISIS is far from over ..."
]


@pytest.fixture(scope="module")
def seed_article(seed_text) -> Article:
    return Article(seed_text)


@pytest.fixture(scope="module")
def seed_table(seed_text):
    return analyze(seed_text)


def test_seed_has_the_paragraphs_the_table_describes(seed_article):
    assert len(seed_article.paragraphs) == len(SEED_VOICES)


@pytest.mark.parametrize(("index", "voice", "sources"), SEED_VOICES)
def test_seed_paragraph_voice_and_sources(seed_article, seed_table, index, voice, sources):
    paragraph_voice = seed_article.paragraphs[index].voice
    assert (paragraph_voice.label, paragraph_voice.source_names) == (voice, sources)
    row = seed_table.iloc[index]
    assert (row["voice"], row["sources"]) == (voice, sources)
    assert row["quoted_share"] == pytest.approx(paragraph_voice.quoted_share)


@pytest.mark.parametrize(
    ("index", "verbs"),
    [
        (2, [("according to", "neutral", "CBS News")]),
        (5, [("according to", "neutral", "CBS News reporter Holly Williams")]),
        (
            7,
            [
                ("reported", "neutral", "NBC News"),
                ("claims", "loaded", "Syrian Observatory for Human Rights"),
                ("states", "neutral", "The Save the Children organization"),
            ],
        ),
        (
            8,
            [("reported", "neutral", "NPR"), ("according to", "neutral", "reporter Ruth Sherlock")],
        ),
        (9, [("according to", "neutral", "NPR’s Tom Bowman"), ("reported", "neutral", "Bowman")]),
        (11, [("describes", "neutral", "Centcom")]),
    ],
)
def test_seed_attribution_verbs(seed_article, index, verbs):
    attributions = seed_article.paragraphs[index].voice.attributions
    assert [(a.verb, a.verb_kind, a.source_text) for a in attributions] == verbs


def test_seed_evidence_offsets_point_at_the_text(seed_article):
    paragraph = seed_article.paragraphs[9]
    voice = paragraph.voice
    for attribution in voice.attributions:
        assert paragraph.text[attribution.start : attribution.end] == attribution.text
        verb = paragraph.text[attribution.verb_start : attribution.verb_end]
        assert verb == attribution.verb
    assert [paragraph.text[q.start : q.end][:12] for q in voice.quotes] == [
        "“Even after ",
        "“And the tro",
    ]
    assert all(q.sources[0].name == "Tom Bowman" for q in voice.quotes)
    tom = voice.attributions[0].sources[1]
    assert (tom.name, tom.kind) == ("Tom Bowman", "person")


def test_seed_quoted_shares(seed_table):
    shares = dict(zip(seed_table["paragraph"], seed_table["quoted_share"], strict=True))
    assert shares[0] == 0.0 and shares[7] == 0.0
    # Paragraph 11: "Centcom describes the training done there thusly:" (7 words) then a
    # 21-word quotation.
    assert shares[11] == pytest.approx(21 / 28)
    assert 0.5 < shares[8] < 1 and 0.5 < shares[9] < 1


def test_seed_voice_contrast(seed_article):
    table = voice_contrast(seed_article).set_index("voice")
    assert list(table.index) == ["own", "attributed", "quoted", "cited"]
    assert table.loc["own", "words"] + table.loc["cited", "words"] == sum(
        p.words for p in seed_article.paragraphs
    )
    assert (
        table.loc["cited", "words"]
        == table.loc["attributed", "words"] + (table.loc["quoted", "words"])
    )
    total_loaded = sum(p.loaded_count for p in seed_article.paragraphs)
    assert table.loc["own", "loaded_count"] + table.loc["cited", "loaded_count"] == total_loaded
    # The finding: the outlet's own words carry its loaded language, the cited ones far less.
    assert table.loc["own", "loaded_per_100_words"] > 3 * table.loc["cited", "loaded_per_100_words"]
    assert table.loc["own", "subjectivity"] > table.loc["quoted", "subjectivity"]


def test_voice_contrast_uses_the_article_scorers():
    class Constant:
        def score(self, text):
            from framing.measures.sentiment import Sentiment

            return Sentiment(0.25, 0.5)

    article = Article("Raqqa Falls\n\n“We won,” he said. A massive win.", sentiment=Constant())
    table = voice_contrast(article).set_index("voice")
    assert table.loc["quoted", "polarity"] == 0.25
    assert table.loc["own", "loaded_count"] == 1


def test_voice_contrast_of_an_article_without_quotes_has_empty_scores():
    table = voice_contrast(Article("ISIS lost the city.")).set_index("voice")
    assert table.loc["own", "words"] == 4
    assert table.loc["cited", "words"] == 0 and math.isnan(table.loc["cited", "polarity"])


# --- attribution patterns -----------------------------------------------------------------------

ATTRIBUTIONS = [
    # text, sources, verb, verb kind
    ("According to CBS News, the US has won.", "CBS News", "according to", "neutral"),
    ("According to CBS, the US has won.", "CBS News", "according to", "neutral"),
    ("NBC News reported that the fight was hard.", "NBC News", "reported", "neutral"),
    ("The city fell, according to NPR’s Tom Bowman.", "NPR;Tom Bowman", "according to", "neutral"),
    ("Centcom describes the camps thusly: “ISIS used them.”", "CENTCOM", "describes", "neutral"),
    (
        "Estimates by the Syrian Observatory for Human Rights claims that 80 percent is gone.",
        "Syrian Observatory for Human Rights",
        "claims",
        "loaded",
    ),
    (
        "The Save the Children organization states that 270,000 people fled.",
        "Save the Children",
        "states",
        "neutral",
    ),
    ("“We will win,” said Sen. Joe Manchin.", "Joe Manchin", "said", "neutral"),
    (
        "Pentagon spokesman John Kirby told reporters the strike worked.",
        "Department of Defense;John Kirby",
        "told",
        "neutral",
    ),
    ("U.S. Central Command said the strike worked.", "CENTCOM", "said", "neutral"),
    ("The strike, CENTCOM said, killed dozens.", "CENTCOM", "said", "neutral"),
    (
        "According to a statement from the Pentagon, the strike worked.",
        "Department of Defense",
        "according to",
        "neutral",
    ),
    ("Secretary of State Antony Blinken said talks failed.", "Antony Blinken", "said", "neutral"),
    ("The governor admitted that the plan failed.", "governor", "admitted", "loaded"),
    ("Critics slammed the decision.", "Critics", "slammed", "loaded"),
    ("Officials insisted the camps were destroyed.", "Officials", "insisted", "loaded"),
    ("Acme Widgets conceded that sales fell.", "Acme Widgets", "conceded", "loaded"),
    ("Zorblatt said the vote was close.", "Zorblatt", "said", "neutral"),
    ("According to estimates, the city is destroyed.", "estimates", "according to", "neutral"),
]


@pytest.mark.parametrize(("text", "sources", "verb", "kind"), ATTRIBUTIONS)
def test_attribution_patterns(text, sources, verb, kind):
    voice = detect_voices([text])[0]
    assert voice.source_names == sources
    assert [(a.verb, a.verb_kind) for a in voice.attributions] == [(verb, kind)]
    assert voice.label in ("attributed", "quoted")


@pytest.mark.parametrize(
    "text",
    [
        "The senator refused to say whether he agreed.",
        "Trump's claims were false.",
        "Initial jobless claims fell to 290,000.",
        "The Republican-led states reported gains.",
        "He was told to leave.",
        "ISIS lost the city of Raqqa on Tuesday.",
    ],
)
def test_not_attributions(text):
    voice = detect_voices([text])[0]
    assert voice.attributions == () and voice.label == "own"


def test_reporter_named_once_is_recognised_by_surname():
    voices = detect_voices(
        ["Tom Bowman covered the battle.", "“It is some 150 miles,” Bowman reported."]
    )
    assert voices[1].source_names == "Tom Bowman"
    assert voices[1].sources[0].kind == "person"


def test_a_surname_shared_by_two_people_stays_unresolved():
    voices = detect_voices(["Tom Bowman and Ann Bowman spoke.", "“It is far,” Bowman reported."])
    assert voices[1].source_names == "Bowman"


def test_according_to_carries_through_its_paragraph_until_a_new_one_and_a_verb_does_not():
    text = "According to CBS News, the city fell. Fighters hid. Analysts said it was over. We won."
    voice = detect_voices([text])[0]
    covers = [text[a.covers_start : a.covers_end] for a in voice.attributions]
    assert covers == [
        "According to CBS News, the city fell. Fighters hid.",
        "Analysts said it was over.",
    ]
    assert voice.label == "mixed"


def test_trailing_attribution_covers_only_its_sentence():
    text = "The city fell, according to NPR. We won a massive victory."
    voice = detect_voices([text])[0]
    assert voice.label == "mixed"
    assert [s.voice for s in voice.segments] == ["attributed", "own"]
    assert voice.own_words == 5


# --- quotation marks ---------------------------------------------------------------------------

QUOTES = [
    # paragraphs, quoted texts per paragraph
    (["He said “we won” today."], [["“we won”"]]),
    (['He said "we won" today.'], [['"we won"']]),
    (["He said, “We won.” Then: “Again.”"], [["“We won.”", "“Again.”"]]),
    (["They called it ‘a win’ on Tuesday."], [["‘a win’"]]),
    (["It is ISIS’ control, and who’s to say? The ’90s were calm."], [[]]),
    (["The rock ’n’ roll band’s ‘big’ night."], [["‘big’"]]),
    (["He said “we won. Then he left."], [["“we won. Then he left."]]),
    (["We won,” he said."], [["We won,”"]]),
    (["“One,” he said, “two", "Then nothing."], [["“One,”", "“two"], []]),
    (
        ["He said: “We stay.", "“We fight.", "“We win.” Then he left."],
        [["“We stay."], ["“We fight."], ["“We win.”"]],
    ),
    (['Mixed “curly" and straight".'], [['“curly"', 'and straight"']]),
    # a quotation left open ends with its line when its paragraph holds lines of their own
    (["From the report: “We won.\nPOLLS\n-Lee leads."], [["“We won."]]),
    (["From the report: “We won.\nPOLLS\n-“Lee” leads."], [["“We won.", "“Lee”"]]),
]


@pytest.mark.parametrize(("paragraphs", "expected"), QUOTES)
def test_quotes(paragraphs, expected):
    found = find_quotes(paragraphs)
    assert [[q.text for q in quotes] for quotes in found] == expected
    for text, quotes in zip(paragraphs, found, strict=True):
        for quote in quotes:
            assert text[quote.start : quote.end] == quote.text


def test_multi_paragraph_quote_is_one_quotation():
    paragraphs = ["Bowman said: “We stay here.", "“We fight on.", "“We win.” Then he left."]
    quotes = find_quotes(paragraphs)
    flags = [(q[0].continued, q[0].continues, q[0].unbalanced) for q in quotes]
    assert flags == [(False, True, False), (True, True, False), (True, False, False)]
    voices = detect_voices(paragraphs)
    assert [v.label for v in voices] == ["quoted", "quoted", "mixed"]
    assert [v.source_names for v in voices] == ["Bowman", "Bowman", "Bowman"]


@pytest.mark.parametrize(
    ("paragraphs", "unbalanced"),
    [
        (["He said “we won. Then he left."], [True]),
        (["We won,” he said."], [True]),
        (["“One,” he said, “two", "Then nothing."], [False, True]),
        (["He said “we won.”"], [False]),
        (["The bill was cut off: “We will...", "“never stop.”"], [False, False]),
        (["He said: “We stay.\nNEWS", "“We win.”"], [True, False]),  # ended with its line
    ],
)
def test_unbalanced_marks(paragraphs, unbalanced):
    quotes = [q for paragraph in find_quotes(paragraphs) for q in paragraph]
    assert [q.unbalanced for q in quotes] == unbalanced


def test_quoted_share_counts_words_inside_quotes():
    voice = detect_voices(["Critics called the bill “a disaster for the country” on Monday."])[0]
    assert (voice.words, voice.quoted_words) == (11, 5)
    assert voice.quoted_share == pytest.approx(5 / 11)
    assert voice.label == "mixed"


def test_an_empty_paragraph_is_own_with_zero_shares():
    voice = detect_voices([""])[0]
    assert (voice.voice, voice.words, voice.quoted_share, voice.own_share) == ("own", 0, 0.0, 0.0)


def test_detect_voices_wants_a_list():
    with pytest.raises(FramingError, match="list of str"):
        detect_voices("one text")


def test_detect_wants_one_split_per_paragraph():
    from framing.text.words import words_and_gaps
    from framing.voice.detector import default_detector

    detector = default_detector()
    split = [words_and_gaps("He said so."), words_and_gaps("Yes.")]
    assert detector.detect(["He said so.", "Yes."], pieces=split) == detect_voices(
        ["He said so.", "Yes."]
    )
    with pytest.raises(ValueError, match="pieces= holds 1 splits for 2 paragraphs"):
        detector.detect(["He said so.", "Yes."], pieces=split[:1])


# --- the data files ----------------------------------------------------------------------------


def test_sources_file_has_known_kinds_and_unique_aliases():
    sources = load_sources()
    assert len(sources) >= 60
    seen: dict[str, str] = {}
    for entry in sources.entries:
        assert entry.kind in SOURCE_KINDS
        assert entry.name and entry.description
        for alias in {entry.name, *entry.aliases}:
            key = alias.casefold()
            assert seen.setdefault(key, entry.name) == entry.name, alias
    assert sources.lookup("Centcom") == sources.lookup("U.S. Central Command")
    assert sources.lookup("CENTCOM").name == "CENTCOM"
    assert {kind for kind in FOUND_KINDS} == {"person", "organisation", "unknown"}


def test_reporting_verbs_file():
    verbs = load_reporting_verbs()
    forms = [form for verb in verbs for form in verb.forms]
    assert len(forms) == len(set(forms))
    assert {verb.kind for verb in verbs} == set(VERB_KINDS)
    kinds = {form: verb.kind for verb in verbs for form in verb.forms}
    for form in ("said", "reported", "according to", "states", "describes"):
        assert kinds[form] == "neutral", form
    for form in ("claimed", "admitted", "insisted", "conceded", "slammed"):
        assert kinds[form] == "loaded", form
    assert all(verb.reason for verb in verbs)


def test_user_sources_are_honoured(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\tkind\taliases\tdescription\nAirwars\torganisation\tAirwars|AW\tstrike monitor\n",
        encoding="utf-8",
    )
    text = "Raqqa Falls\n\nAccording to AW, the strike killed ten."
    assert Article(text).paragraphs[1].voice.sources[0].kind == "unknown"
    assert Article(text, sources=path).paragraphs[1].voice.source_names == "Airwars"
    extended = load_sources().extend([SourceEntry("Airwars", "organisation", ("AW",))])
    voice = Article(text, sources=extended).paragraphs[1].voice
    assert voice.sources[0].kind == "organisation"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name\tkind\taliases\nX\tblog\tX\n", "use one of: outlet, agency, organisation"),
        ("name\tkind\taliases\nA\toutlet\tAB\nB\toutlet\tAB\n", "names both"),
        ("name\tkind\nA\toutlet\n", "lacks the column"),
    ],
)
def test_bad_sources_file(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FramingError, match=message):
        read_sources(path)


def test_missing_sources_file():
    with pytest.raises(FramingError, match="does not exist"):
        load_sources(Path("no/such/sources.tsv"))
    with pytest.raises(FramingError, match="SourceList"):
        load_sources(42)
    assert isinstance(load_sources(), SourceList)


# --- the AllSides roundups: every side's article ----------------------------------------------


def test_allsides_roundups_run_through_voice_detection():
    shared_data = need_data("allsides-roundups")
    files = sorted((shared_data / "allsides-roundups").glob("*.jsonl"))
    stories = [json.loads(line) for path in files for line in path.open(encoding="utf-8")]
    assert len(stories) == 506
    articles = 0
    totals = {"words": 0, "quoted": 0, "attributed": 0}
    named = paragraphs = 0
    for story in stories:
        for side in ("left", "center", "right"):
            news = story["news"].get(side)
            if not news:
                continue
            body = news["newBody"]
            voices = detect_voices(body)
            articles += 1
            assert len(voices) == len(body)
            for text, voice in zip(body, voices, strict=True):
                assert voice.label in VOICES
                assert 0.0 <= voice.quoted_share <= 1.0
                assert 0.0 <= voice.attributed_share <= 1.0
                assert voice.quoted_share + voice.attributed_share <= 1.0 + 1e-9
                for quote in voice.quotes:
                    assert text[quote.start : quote.end] == quote.text
                for attribution in voice.attributions:
                    assert text[attribution.start : attribution.end] == attribution.text
                    assert attribution.verb_kind in VERB_KINDS
                assert all(
                    s.kind in SOURCE_KINDS + FOUND_KINDS + UNNAMED_KINDS for s in voice.sources
                )
                totals["words"] += voice.words
                totals["quoted"] += voice.quoted_words
                totals["attributed"] += voice.attributed_words
                named += bool(voice.sources)
                paragraphs += 1
    assert articles == 1479
    # News writing quotes and attributes: a sane detector finds both, but not everywhere.
    assert 0.05 < totals["quoted"] / totals["words"] < 0.5
    assert 0.1 < totals["attributed"] / totals["words"] < 0.6
    # About one paragraph in five names its source (849 of 4193 when this was written).
    assert 0.15 < named / paragraphs < 0.5


def test_demo_prints_and_writes_the_voice_contrast(tmp_path, capsys):
    import pandas as pd

    from framing.cli import main

    assert main(["demo", "--out", str(tmp_path)]) == 0
    table = pd.read_csv(tmp_path / "seed-voice.csv")
    assert list(table["voice"]) == ["own", "attributed", "quoted", "cited"]
    from framing.datasets.loaders import load_seed_text

    expected = voice_contrast(Article(load_seed_text()))
    assert list(table["loaded_count"]) == list(expected["loaded_count"])
    assert table["words"].sum() == expected["words"].sum()
    assert "the outlet's own words against the words it quotes" in capsys.readouterr().out


# --- tokens the name rules read ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # text, the tokens the name rules read (punctuation included, possessives kept)
        ("U.S. Central Command said", ["U.S.", "Central", "Command", "said"]),
        ("NPR’s Tom Bowman", ["NPR’s", "Tom", "Bowman"]),  # a curly possessive stays on
        ("ISIS’ control", ["ISIS’", "control"]),  # so does a final apostrophe
        ("AT&T's O'Brien, re-told", ["AT&T's", "O'Brien", ",", "re-told"]),
        ("“We won,” he said.", ["“", "We", "won", ",", "”", "he", "said", "."]),
        ("Sen. Cruz", ["Sen", ".", "Cruz"]),  # the point of a title is a token of its own
        ("3.5 a.m. and 270,000", ["3.5", "a.m", ".", "and", "270", ",", "000"]),
        ("İstanbul’s MAYOR said", ["İstanbul’s", "MAYOR", "said"]),  # "i̇stanbul’s": 1 longer
    ],
)
def test_tokens_of_the_name_rules(text, tokens):
    from framing.voice.tokens import tokens as read_tokens

    found = read_tokens(text, 0, len(text))
    assert [token.text for token in found] == tokens
    assert all(text[token.start : token.end] == token.text for token in found)
    assert [token.lower for token in found] == [word.lower() for word in tokens]


@pytest.mark.parametrize(
    ("word", "possessive", "base"),
    [("NPR’s", True, "NPR"), ("Reuters’", True, "Reuters"), ("ISIS’", True, "ISIS"),
     ("Trump's", True, "Trump"), ("its", False, "its"), ("s’", False, "s")],
)  # fmt: skip
def test_a_possessive_is_read_as_its_name(word, possessive, base):
    from framing.voice.tokens import Token

    token = Token(word, 0, len(word))
    assert (token.possessive, token.base) == (possessive, base)


# --- fast paths beside their plain reference, on every real paragraph ---------------------------


@pytest.fixture(scope="module")
def real_articles() -> list[list[str]]:
    """Every real article as its paragraphs: each BABE sentence (SG1 and SG2) alone, each
    AllSides article and roundup, each PolNeAR training text and the seed (blank-line
    paragraphs, headline included)."""
    from framing.datasets.loaders import load_allsides, load_babe

    shared_data = need_data("babe", "allsides-roundups")
    polnear = shared_data / "polnear" / "train" / "text"
    need(
        any(polnear.glob("*.txt")),
        f"needs {polnear}/*.txt (PolNeAR's training texts): copy data/train/text from "
        "github.com/networkdynamics/PolNeAR there, or set FRAMING_SHARED_DATA to a folder with it",
    )
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)["paragraphs"]
    texts = [path.read_text(encoding="utf-8") for path in sorted(polnear.glob("*.txt"))]
    texts += [
        path.read_text(encoding="utf-8") for path in sorted(REPO.glob("framing/data/seed/*.txt"))
    ]
    return [
        *([sentence] for sentence in babe),
        *(list(paragraphs) for paragraphs in sides),
        *([paragraph.text for paragraph in Article(text).paragraphs] for text in texts),
    ]


@pytest.fixture(scope="module")
def real_paragraphs(real_articles) -> list[str]:
    return [paragraph for article in real_articles for paragraph in article]


def test_the_real_paragraphs_are_all_there(real_articles, real_paragraphs):
    # 5,374 BABE sentences, 1,985 AllSides articles and roundups, 840 PolNeAR texts, the seed
    assert len(real_articles) == 5374 + 1985 + 840 + 1
    assert len(real_paragraphs) > 25_000


#: Cases the real paragraphs may lack: verbs inside words, after apostrophes, across a line.
VERB_CASES = [
    "He said-so, ex-said and said’s; Said? According to him, “she said,” they claimed.",
    "U.S.said according\u00a0to the re-told, (says) 'told' reports-claimed and claims.",
    "Officials reported\nthat, according\nto them, it ended.",
]


def test_verb_matches_equal_the_plain_search(real_paragraphs):
    from framing.voice.detector import default_detector
    from framing.voice.tokens import sentences

    finder = default_detector()._finder
    found = 0
    for text in [*real_paragraphs, *VERB_CASES]:
        positions = finder.positions(text)
        for start, end in [(0, len(text)), *sentences(text)]:
            expected = [m.span() for m in finder._reference_matches(text, start, end)]
            assert [m.span() for m in finder.matches(text, start, end, positions)] == expected
            found += len(expected)
        if not positions:
            # a paragraph the detector does not split has no reporting verb anywhere
            assert finder.pattern.search(text) is None, text
    assert found > 20_000


def test_verb_matches_by_opening_letters_equal_the_whole_pattern(real_paragraphs):
    """The default finder tries at each position only the forms that open with the text's two
    letters there; a list with a form that does not open with two letters ("e-mailed", "o")
    searches with the whole pattern. Both find what the plain search finds."""
    from framing.voice.detector import default_detector
    from framing.voice.tokens import sentences
    from framing.voice.verbs import ReportingVerb, VerbFinder, load_reporting_verbs

    default = default_detector()._finder
    assert default._by_opening is not None
    odd = ReportingVerb("e-mail", "neutral", ("e-mailed", "e-mails"))
    whole = VerbFinder([*load_reporting_verbs(), odd, ReportingVerb("o", "neutral", ("o",))])
    assert whole._by_opening is None
    cases = [*VERB_CASES, "She e-mailed that, o said, and he Said so; acc. to him, ACCORDING to."]
    found = 0
    for finder in (default, whole):
        for text in [*real_paragraphs[::4], *cases]:
            positions = finder.positions(text)
            for start, end in [(0, len(text)), *sentences(text)]:
                expected = [m.span() for m in finder._reference_matches(text, start, end)]
                assert [m.span() for m in finder.matches(text, start, end, positions)] == expected
                found += len(expected)
    assert found > 10_000


#: Words before a verb that the guards of the passive and blocking-word rules must not miss.
BEFORE_VERB_CASES = [
    "It is said, it IS said, it was  told, he isn't said, he isn’t said, Obama's said.",
    "They are still believed to say, it’s widely seen, U.S.-is said, x-to say, \u0130S said.",
    "He was never really told; ſtill said; to\tsay; n't said; 'S said; a BEING told.",
]


def test_passive_and_blocking_word_guards_equal_the_plain_search(real_paragraphs):
    """_passive_before and _blocking_word search only where the two characters before the
    verb's white space can end such a phrase; before every verb of every real paragraph and
    sentence they give what the plain search gives."""
    from framing.voice.attribution import (
        _blocking_word,
        _passive_before,
        _reference_blocking_word,
        _reference_passive_before,
    )
    from framing.voice.detector import default_detector
    from framing.voice.tokens import sentences

    finder = default_detector()._finder
    passives = blocked = 0
    for text in [*real_paragraphs, *BEFORE_VERB_CASES]:
        verbs = [m.start() for m in finder.pattern.finditer(text)]
        verbs += [i for i, c in enumerate(text) if c.isalpha() and i and text[i - 1] == " "][:12]
        for start in {0, *(s for s, _ in sentences(text))}:
            for verb in (v for v in verbs if v >= start):
                expected = _reference_passive_before(text, start, verb)
                assert _passive_before(text, start, verb) == expected, (text, start, verb)
                passives += expected
                word = _reference_blocking_word(text, start, verb)
                found = _blocking_word(text, start, verb)
                assert (found and found.span()) == (word and word.span()), (text, start, verb)
                blocked += word is not None
    assert passives > 5_000
    assert blocked > 5_000


def test_word_runs_equal_the_pattern(real_paragraphs):
    """word_runs splits an ASCII text at the characters that are no word characters; on every
    real paragraph, and on every ASCII character between two words, it finds what WORD_RUN
    finds."""
    from framing.voice.tokens import _reference_word_runs, word_runs

    cases = [f"ab{chr(code)}cd" for code in range(128)] + ["", " ", "_", "a\x1fb", "é_1 x"]
    for text in [*real_paragraphs, *cases]:
        assert word_runs(text) == _reference_word_runs(text), text
    assert sum(text.isascii() for text in real_paragraphs) > 10_000


def test_normal_form_equals_the_plain_substitution(real_paragraphs):
    from framing.voice.detector import default_detector
    from framing.voice.verbs import _reference_normal_form, normal_form

    finder = default_detector()._finder
    forms = [*finder.by_form, "according\nto", "according \t to", "fact-checked"]
    forms += [m.group() for text in real_paragraphs for m in finder.pattern.finditer(text)]
    assert len(forms) > 20_000
    assert any(normal_form(form) != form for form in forms)  # some forms do change
    for form in forms:
        assert normal_form(form) == _reference_normal_form(form), form


def test_role_phrase_start_equals_trying_every_start(real_paragraphs):
    """The guard of _role_phrase_start (a role word right before the name) never changes its
    answer: the plain loop over the phrase's starts, on every token of every real sentence."""
    from framing.voice.attribution import _role_phrase_start
    from framing.voice.names import ROLE_PHRASE_WORDS, role_phrase_end
    from framing.voice.tokens import sentences, tokens

    def plain(before, first):
        for start in range(first - 2, max(0, first - 2 - ROLE_PHRASE_WORDS) - 1, -1):
            if start < 1:
                return None
            if role_phrase_end(before, start) == first - 1 and before[start - 1].cap:
                return start
        return None

    found = 0
    for text in real_paragraphs[::3]:
        for start, end in sentences(text):
            before = tokens(text, start, end)
            for first in range(len(before)):
                expected = plain(before, first)
                assert _role_phrase_start(before, first) == expected, text[start:end]
                found += expected is not None
    assert found > 50


def test_resolve_pronouns_equals_reading_every_paragraph(real_articles, monkeypatch):
    """resolve_pronouns stops after the last paragraph with a pronoun to resolve; reading every
    paragraph, as its reference does, gives the same tags on every real article."""
    from framing.voice import detector as detector_module
    from framing.voice.attribution import _reference_resolve_pronouns, resolve_pronouns

    calls = []

    def recorded(paragraphs, all_tags, all_runs=None, *, all_titled=None):
        calls.append((list(paragraphs), [list(tags) for tags in all_tags]))
        return resolve_pronouns(paragraphs, all_tags, all_runs, all_titled=all_titled)

    monkeypatch.setattr(detector_module, "resolve_pronouns", recorded)
    for article in real_articles:
        detector_module.default_detector().detect(article)
    resolved = 0
    for paragraphs, all_tags in calls:
        expected = _reference_resolve_pronouns(paragraphs, all_tags)
        assert resolve_pronouns(paragraphs, all_tags) == expected, paragraphs
        resolved += sum(
            a.sources != b.sources
            for tags, kept in zip(all_tags, expected, strict=True)
            for a, b in zip(tags, kept, strict=True)
        )
    assert len(calls) > 1_000
    assert resolved > 300


def test_run_positions_equal_the_plain_search(real_paragraphs):
    from framing.voice.detector import default_detector
    from framing.voice.names import TITLES
    from framing.voice.tokens import WORD_RUN, _reference_run_positions, run_positions

    starts = default_detector()._finder.starts
    found = 0
    for text in real_paragraphs:
        runs = WORD_RUN.findall(text)
        for words in (starts.intersection(runs), TITLES.intersection(runs), set(runs[::7])):
            expected = _reference_run_positions(text, words)
            assert run_positions(text, words) == expected, text
            found += len(expected)
    assert found > 100_000


def test_tokens_equal_those_made_by_their_class(real_paragraphs):
    from framing.text.words import split_sentences
    from framing.voice.tokens import Token, _reference_tokens, token_texts, tokens

    found = 0
    cases = [
        "NPR’s Tom Bowman said: “It’s 150 miles.”",
        "",
        "U.S.A. A.b. a.B. x&y O'Brien’s ISIS’ Reuters' (D-N.Y.) _x.Y. 3.5 e.g. É.U. end.",
    ]
    for text in [*real_paragraphs, *cases]:
        for start, end in [(0, len(text)), *split_sentences(text)]:
            made = tokens(text, start, end)
            assert made == _reference_tokens(text, start, end), text[start:end]
            assert all(type(token) is Token for token in made)
            assert token_texts(text, start, end) == [token.text for token in made]
            found += len(made)
    assert found > 1_000_000


def test_abbreviation_end_is_found_from_the_last_characters(real_paragraphs):
    from framing.text.words import split_sentences
    from framing.voice.tokens import _reference_ends_in_abbreviation, ends_in_abbreviation

    texts = [*real_paragraphs, "Talks with the U.S.A.B.C. went on.", "He met Sen. Cruz.", "A B."]
    found = 0
    for text in texts:
        for start, end in [(0, len(text)), *split_sentences(text)]:
            expected = _reference_ends_in_abbreviation(text, start, end)
            assert ends_in_abbreviation(text, start, end) == expected, text[start:end]
            found += expected
    assert found > 500


def test_titled_names_equal_the_plain_search(real_paragraphs):
    from framing.voice.surnames import _reference_titled_names, titled_names
    from framing.voice.tokens import WORD_RUN

    texts = [*real_paragraphs, "Director-General Tedros Adhanom and Sen. Joe Manchin, Sen.Cruz"]
    found = 0
    for text in texts:
        expected = [m.span() for m in _reference_titled_names(text)]
        assert [m.span() for m in titled_names(text, WORD_RUN.findall(text))] == expected
        found += len(expected)
    assert found > 1_000


def test_full_names_equal_the_search_of_every_paragraph(real_articles):
    from framing.voice.surnames import _reference_full_names_with, full_names_with

    articles = [*real_articles[::10], ["Sen. Joe O’Brien-Smith Bowman", "x-Tom\tBowman said"]]
    found = 0
    for paragraphs in articles:
        text = " ".join(paragraphs)
        for surname in {w.strip(".,;:’'\"“”") for w in text.split()[1:] if w[:1].isupper()}:
            if not surname or not surname[0].isalpha():
                continue
            expected = _reference_full_names_with(surname, paragraphs)
            assert full_names_with(surname, paragraphs) == expected, surname
            found += len(expected)
    assert found > 1_000


def test_names_inside_sentences_equal_those_read_from_the_tokens(real_articles):
    from framing.voice.names import _reference_names_inside_sentences, names_inside_sentences
    from framing.voice.tokens import sentences

    found = 0
    for paragraphs in [*real_articles, ["“Reuters’ report,” said the AP’s Ann-Marie O’Neill."]]:
        spans = [sentences(text) for text in paragraphs]
        expected = _reference_names_inside_sentences(paragraphs, spans)
        assert names_inside_sentences(paragraphs, spans) == expected, paragraphs[:1]
        found += len(expected)
    assert found > 10_000


def test_a_word_written_inside_sentences_is_read_from_the_paragraphs_that_hold_it(
    real_articles,
):
    # ArticleReading.writes_inside_sentences(word) reads only the paragraphs holding the word:
    # it must say what membership in the whole article's names_inside_sentences() says, for
    # every capitalised word of every real article (and a word no article writes).
    from framing.voice.attribution import ArticleReading
    from framing.voice.detector import default_detector
    from framing.voice.tokens import base_of, sentences, token_texts

    detector = default_detector()
    found = asked = 0
    for paragraphs in real_articles:
        spans = [sentences(text) if index % 2 else None for index, text in enumerate(paragraphs)]
        words = {"Zyxwvut"} | {
            base_of(word)
            for text in paragraphs
            for word in token_texts(text, 0, len(text))
            if word[0].isupper()
        }
        expected = ArticleReading(
            paragraphs, spans, detector.sources, detector._finder
        ).names_inside_sentences()
        reading = ArticleReading(paragraphs, spans, detector.sources, detector._finder)
        for word in sorted(words):
            assert reading.writes_inside_sentences(word) == (word in expected), word
            found += word in expected
        asked += len(words)
    assert found > 10_000 and asked - found > 10_000


def test_surnames_are_looked_for_only_when_a_source_may_change(real_articles, monkeypatch):
    # may_resolve() says when resolve() can change the sources, whatever the surnames: with
    # every surname known, a source list it passes stays as it is; and the detector that
    # skips the surnames when it passes gives what it gives when it never skips them.
    from framing.voice import detector
    from framing.voice.model import Source
    from framing.voice.surnames import may_resolve, resolve

    voices = [detector.default_detector().detect(paragraphs) for paragraphs in real_articles]
    all_sources = {
        attribution.sources
        for article in voices
        for voice in article
        for attribution in voice.attributions
    }
    lone, twice = Source("Bowman", "unknown"), Source("NPR", "outlet")
    all_sources |= {(lone,), (twice, twice), (twice, lone)}
    everyone = {s.name: f"Tom {s.name}" for sources in all_sources for s in sources}
    passed = [sources for sources in all_sources if not may_resolve(sources)]
    assert all(resolve(sources, everyone) == sources for sources in passed)
    assert len(passed) > 3_000 and len(all_sources) - len(passed) > 500  # 3,704 and 738
    monkeypatch.setattr(detector, "may_resolve", lambda sources: True)
    always = [detector.default_detector().detect(paragraphs) for paragraphs in real_articles]
    assert always == voices


def test_a_quote_with_sources_carries_every_other_field():
    from dataclasses import fields, replace

    from framing.voice.model import Quote, Source

    quote = Quote(3, 9, "“x y”", "single", False, False, True, True, (Source("A", "outlet"),))
    assert len(fields(Quote)) == 9  # a new field goes into Quote.with_sources too
    sources = (Source("B", "person"),)
    assert quote.with_sources(sources) == replace(quote, sources=sources)
    assert quote.with_sources(sources) != quote


def test_single_marks_equal_the_plain_patterns(real_paragraphs):
    from framing.voice.quotes import (
        _REFERENCE_SINGLE_CLOSE,
        _REFERENCE_SINGLE_OPEN,
        _SINGLE_CLOSE,
        _SINGLE_OPEN,
    )

    cases = ["'Start' and (‘this’) —'that' “'quoted'” x'y 'a", "", "'", "\n‘line’", "’", "a.’ b’"]
    found = {"open": 0, "close": 0}
    for text in [*real_paragraphs, *cases]:
        for kind, fast, plain in [
            ("open", _SINGLE_OPEN, _REFERENCE_SINGLE_OPEN),
            ("close", _SINGLE_CLOSE, _REFERENCE_SINGLE_CLOSE),
        ]:
            spans = [m.span() for m in fast.finditer(text)]
            assert spans == [m.span() for m in plain.finditer(text)], (kind, text)
            found[kind] += len(spans)
    assert found["open"] > 500 and found["close"] > 500, found  # 641 opening on the shared data


def test_word_spans_equal_the_words_of_every_measure(real_paragraphs):
    from framing.text.words import count_words
    from framing.voice.labels import _reference_word_spans, word_spans, words_and_gaps

    for text in [*real_paragraphs, "", "  ", "Raqqa–a hospital–and who’s 270,000 U.S."]:
        starts, ends = word_spans(words_and_gaps(text))
        assert (starts, ends) == _reference_word_spans(text), text
        assert len(starts) == count_words(text)


def test_own_voice_is_what_the_labels_give(real_paragraphs):
    from framing.voice.labels import (
        _own_voice,
        _segments,
        label_words,
        voice_of,
        word_spans,
        words_and_gaps,
    )
    from framing.voice.model import ParagraphVoice

    for text in [*real_paragraphs, "", " . "]:
        pieces = words_and_gaps(text)
        starts, ends = word_spans(pieces)
        labels = label_words(starts, len(text), (), ())
        segments = tuple(_segments(text, starts, ends, labels))
        labelled = ParagraphVoice(
            voice_of(len(labels), 0, 0), len(labels), 0, 0, (), (), (), segments
        )
        assert _own_voice(text, pieces) == labelled, text


# --- one detector, many threads ------------------------------------------------------------------

#: Two articles that differ only in whether "Smith" is written with a capital inside a sentence,
#: which decides whether "Smith says" opening the first paragraph is an attribution. The filler
#: makes the article long enough for a thread switch to land while it is read.
_FILLER = " ".join(["The weather was mild and the streets were quiet that week."] * 30)
THREAD_CASE = [
    ["Smith says the plan works.", "We met Smith today. " + _FILLER],
    ["Smith says the plan works.", "Nobody else was there. " + _FILLER],
]
THREADS = 8


def _detect_in_threads(articles: list[list[str]]) -> list[list]:
    """Return detect_voices of each article, read by THREADS threads sharing one detector, with
    the interpreter switching threads as often as it can."""
    results: list[list | None] = [None] * len(articles)

    def work(first: int) -> None:
        for index in range(first, len(articles), THREADS):
            results[index] = detect_voices(articles[index])

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(first,)) for first in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    return results


def test_the_thread_case_tells_the_two_articles_apart():
    smith_known, smith_unknown = (detect_voices(article)[0] for article in THREAD_CASE)
    assert (smith_known.voice, smith_known.source_names) == ("attributed", "Smith")
    assert (smith_unknown.voice, smith_unknown.source_names) == ("own", "")


def test_threads_sharing_the_detector_get_the_serial_voices(real_articles):
    # 2,400 calls of the constructed case (each thread reads one of the two articles over and
    # over, beside a thread that reads the other), then every real article.
    articles = [*THREAD_CASE * 1200, *real_articles]
    expected = [detect_voices(article) for article in articles]
    interval = sys.getswitchinterval()
    results = _detect_in_threads(articles)
    assert sys.getswitchinterval() == interval
    wrong = [index for index, voices in enumerate(results) if voices != expected[index]]
    assert wrong == []


# --- a voice detector of one's own -------------------------------------------------------------


class EveryoneQuoted:
    """A detector that says every word is quoted, from one source: nothing the rules would say."""

    def detect(self, paragraphs):
        from framing.text.words import count_words
        from framing.voice import ParagraphVoice, Segment, Source

        voices = []
        for text in paragraphs:
            words = count_words(text)
            segments = (Segment("quoted", 0, len(text), text, words),) if words else ()
            voices.append(
                ParagraphVoice(
                    "quoted", words, words, 0, sources=(Source("Everyone", "unknown"),),
                    segments=segments,
                )
            )  # fmt: skip
        return voices


def _assert_everyone_quoted(table) -> None:
    body = table[table["error"] == ""]
    assert len(body) > 0
    assert set(body["voice"]) == {"quoted"}
    assert set(body["sources"]) == {"Everyone"}
    assert set(body["quoted_share"].where(body["words"] > 0, 1.0)) == {1.0}


SEED_LIKE = "Raqqa Falls\n\nISIS lost the city. According to CBS News, it is over."


def test_an_article_uses_the_voice_detector_given():
    article = Article(SEED_LIKE, voice=EveryoneQuoted())
    assert [p.voice.label for p in article.paragraphs] == ["quoted", "quoted"]
    assert Article(SEED_LIKE).paragraphs[1].voice.source_names == "CBS News"  # the rules
    table = voice_contrast(article).set_index("voice")
    assert (table.loc["own", "words"], table.loc["quoted", "words"]) == (0, 13)
    _assert_everyone_quoted(analyze(article))
    # kept by with_options, and replaced by new sources
    assert article.with_options(headline=False).voice_detector is article.voice_detector
    assert (
        article.with_options(sources=load_sources()).paragraphs[1].voice.source_names == "CBS News"
    )


@pytest.mark.parametrize(
    "data",
    [SEED_LIKE, Article(SEED_LIKE), pd.DataFrame({"text": [SEED_LIKE]})],
    ids=["text", "article", "dataframe"],
)
def test_analyze_uses_the_voice_detector_given(data):
    _assert_everyone_quoted(analyze(data, voice=EveryoneQuoted()))


def test_worker_processes_use_the_voice_detector_given():
    from framing.table.engine import TASK_ROWS

    corpus = pd.DataFrame({"text": [SEED_LIKE] * (TASK_ROWS + 1)})
    table = analyze(corpus, voice=EveryoneQuoted(), n_jobs=2, progress=False)
    assert table["doc_id"].nunique() == TASK_ROWS + 1
    _assert_everyone_quoted(table)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"voice": "rules"}, r"voice= needs a voice detector, an object with a \.detect"),
        ({"voice": EveryoneQuoted(), "sources": load_sources()}, "sources= or voice=, not both"),
    ],
)
def test_a_wrong_voice_option_says_what_to_pass(options, message):
    with pytest.raises(FramingError, match=message):
        Article(SEED_LIKE, **options)
    if "sources" not in options:
        with pytest.raises(FramingError, match=message):
            analyze(pd.DataFrame({"text": [SEED_LIKE]}), **options)


def test_a_detector_must_give_one_voice_per_paragraph():
    class TooFew:
        def detect(self, paragraphs):
            return []

    with pytest.raises(FramingError, match="returned 0 voices for 2 paragraphs"):
        Article(SEED_LIKE, voice=TooFew()).voices  # noqa: B018


def test_a_paragraph_voice_still_answers_to_its_old_name():
    voice = ParagraphVoice("quoted", 4, 4, 0)
    assert voice.voice == voice.label == "quoted"
