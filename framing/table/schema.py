"""The table's schema: its columns, what each one means, and the measures that fill them.

>>> check_measures(["voice", "sentiment"])
('sentiment', 'voice')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from framing.errors import FramingError, choices_error

__all__ = [
    "ALL_MEASURES",
    "COLUMNS",
    "DEFAULT_DOC_ID",
    "MEASURE_DEFINITIONS",
    "MEASURE_GROUPS",
    "VOICE_COUNT_COLUMNS",
    "KEPT_ATTR",
    "check_measures",
    "check_keep",
    "table_columns",
]

#: The id of a single text given without one.
DEFAULT_DOC_ID = "doc"

#: What each column of the table means; saved into the metadata of result files.
MEASURE_DEFINITIONS = {
    "doc_id": "the article's id (the id column, the file name, or the row number)",
    "paragraph": "paragraph number within the article, from 0 (the headline, when there is one)",
    "role": "headline, body, or metadata (a news archive's section line or record field, "
    "such as 'FULL TEXT.' or 'LENGTH: 845 words': no one's words)",
    "start": "character offset where the paragraph starts in the article's text",
    "end": "character offset where it ends: text[start:end] is the paragraph",
    "text": "the paragraph's text",
    "words": "number of words (letters or digits joined by inner hyphens or apostrophes; "
    "a number such as 270,000 or an initialism such as U.S. is one word)",
    "polarity": "TextBlob (pattern) polarity, -1 negative to 1 positive",
    "subjectivity": "TextBlob (pattern) subjectivity, 0 objective to 1 subjective",
    "vader_compound": "VADER compound score of the whole paragraph, -1 negative to 1 positive "
    "(saturates towards -1 or 1 on long text; see vader_mean)",
    "vader_mean": "mean of the VADER compound scores of the paragraph's sentences, -1 to 1 "
    "(NaN with no sentence)",
    "sentences": "number of sentences (split at . ! ? or an ellipsis before white space)",
    "loaded_count": "number of loaded-language lexicon matches (longest match where they nest)",
    "loaded_own_count": "loaded_count of the matches that start in the outlet's own words (voice "
    "own); present when the loaded and voice measures both are (missing where a voice detector "
    "gives no segments and the paragraph is mixed)",
    "loaded_attributed_count": "loaded_count of the matches that start in attributed words "
    "(present when the loaded and voice measures both are)",
    "loaded_quoted_count": "loaded_count of the matches that start in quoted words (present "
    "when the loaded and voice measures both are)",
    "loaded_per_100_words": "loaded_count per 100 words (NaN for a paragraph with no words)",
    "loaded_score_per_100_words": "the matches' intensities (1 mild to 3 strong, from the "
    "lexicon; 1 where it has none) summed, per 100 words (NaN for a paragraph with no words)",
    "loaded_terms": "the matches as term:category=matched text, separated by ';' "
    "(eradicate*:eradication-violence=eradicate)",
    "voice": "who speaks: own (no word quoted or attributed), attributed (every word quoted or "
    "attributed, under half quoted), quoted (every word quoted or attributed, at least half "
    "quoted) or mixed (own words beside quoted or attributed ones), or none for a metadata "
    "paragraph; see framing.voice",
    "sources": "canonical names of the sources quoted or attributed, separated by ';'; a "
    "source nobody names is its words as written ('Federal officials', 'new census data')",
    "source_kinds": "the kind of each source in sources, in the same order, separated by ';': "
    "person (a named person), organisation (a named or unnamed organisation, agency, party, "
    "campaign, company or court), outlet (a news organisation or journalist), official (an "
    "unnamed official, spokesperson, aide or police: 'officials said'), document (a study, "
    "report, poll, data, filing or statement) or public (unnamed people who speak for "
    "themselves: voters, critics, experts); see framing.voice.model.kind_of",
    "quoted_share": "share of the paragraph's words inside quotation marks, 0 to 1",
    "own_words": "words of the outlet's own voice (neither quoted nor attributed)",
    "attributed_words": "words attributed to a source outside quotation marks",
    "quoted_words": "words inside quotation marks; own, attributed and quoted words add up "
    "to the paragraph's voice segments' words",
    "error": "why a corpus row could not be measured (empty where it was)",
}
COLUMNS = list(MEASURE_DEFINITIONS)

#: Per paragraph, the words of each voice (the voice measure's columns).
VOICE_WORD_COLUMNS = ("own_words", "attributed_words", "quoted_words")
#: Per paragraph, the loaded-language matches in each voice's words (the loaded measure's
#: columns, present when the voice measure is on too).
LOADED_VOICE_COLUMNS = ("loaded_own_count", "loaded_attributed_count", "loaded_quoted_count")
#: What a grouped own-versus-cited contrast over a table adds up
#: (:func:`framing.voice_contrast`).
VOICE_COUNT_COLUMNS = VOICE_WORD_COLUMNS + LOADED_VOICE_COLUMNS

#: The measures that ``measures=`` chooses from, with their columns. A table has the other
#: columns whatever is chosen; leaving out a measure saves its time (voice detection is the
#: slowest; see README, "Speed").
MEASURE_GROUPS = {
    "sentiment": ("polarity", "subjectivity"),
    "vader": ("vader_compound", "vader_mean", "sentences"),
    "loaded": (
        "loaded_count",
        *LOADED_VOICE_COLUMNS,
        "loaded_per_100_words",
        "loaded_score_per_100_words",
        "loaded_terms",
    ),
    "voice": ("voice", "sources", "source_kinds", "quoted_share", *VOICE_WORD_COLUMNS),
}
ALL_MEASURES = tuple(MEASURE_GROUPS)
#: Columns that need a second measure besides their own group's.
_ALSO_NEEDS = dict.fromkeys(LOADED_VOICE_COLUMNS, "voice")

#: The key of ``DataFrame.attrs`` under which a table lists the columns it copied from its
#: corpus with ``keep=``, so that saving it can say where they came from.
KEPT_ATTR = "framing_kept"

_INTEGER_COLUMNS = (
    "paragraph",
    "start",
    "end",
    "words",
    "sentences",
    "loaded_count",
    *VOICE_COUNT_COLUMNS,
)
_FLOAT_COLUMNS = (
    "polarity",
    "subjectivity",
    "vader_compound",
    "vader_mean",
    "loaded_per_100_words",
    "loaded_score_per_100_words",
    "quoted_share",
)
#: The text columns, kept as Python objects (not pandas' string dtype).
_OBJECT_COLUMNS = ("role", "text", "loaded_terms", "voice", "sources", "source_kinds", "error")


def check_measures(measures: Iterable[str] | None) -> tuple[str, ...]:
    """Return the chosen measures in the table's order (``None``: all of them).

    >>> check_measures(["loaded", "sentiment"])
    ('sentiment', 'loaded')
    """
    if measures is None:
        return ALL_MEASURES
    chosen = [measures] if isinstance(measures, str) else list(measures)
    for name in chosen:
        if name not in MEASURE_GROUPS:
            raise choices_error("measures", name, ALL_MEASURES)
    if not chosen:
        raise FramingError(
            f"measures= is empty; choose one or more of: {', '.join(ALL_MEASURES)} "
            "(or None for all)"
        )
    return tuple(name for name in ALL_MEASURES if name in chosen)


def check_keep(keep: Iterable[str] | str | None) -> tuple[str, ...]:
    """Return the corpus columns to copy onto the paragraph rows, in order, once each.

    A name that the table itself uses (:data:`COLUMNS`, whatever the measures) cannot be kept.

    >>> check_keep(["outlet", "date", "outlet"])
    ('outlet', 'date')
    """
    if keep is None:
        return ()
    chosen = [keep] if isinstance(keep, str) else list(keep)
    for column in chosen:
        if column in MEASURE_DEFINITIONS:
            raise FramingError(
                f"cannot keep the corpus column {column!r}: the paragraph table has a column of "
                f"that name; rename it in the corpus (e.g. to 'corpus_{column}') and keep that"
            )
    return tuple(dict.fromkeys(chosen))


def table_columns(measures: Sequence[str] = ALL_MEASURES) -> list[str]:
    """Return the columns of a table with the given measures, in :data:`COLUMNS` order."""
    left_out = {
        column for name in ALL_MEASURES if name not in measures for column in MEASURE_GROUPS[name]
    }
    left_out.update(column for column, other in _ALSO_NEEDS.items() if other not in measures)
    return [column for column in COLUMNS if column not in left_out]
