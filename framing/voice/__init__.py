"""Voice: who is speaking in each paragraph, the outlet or the sources it quotes and attributes.

It takes an article's paragraphs (a list of str) and gives one :class:`ParagraphVoice` per
paragraph: quotations, attributions, sources, and the words of each voice. A paragraph's words
are of three kinds:

- **quoted**: inside a direct quotation (straight ``"``, curly ``“ ”``, ``„ “``, guillemets, a
  paired single quotation mark ``‘ ’``, two apostrophes ``''…''`` or PTB ````…''``), found
  over the whole article, so a quotation can run over
  several paragraphs (:mod:`framing.voice.quotes`);
- **attributed**: outside quotation marks, in a sentence that attributes what it says to a
  source ("According to CBS News, ...", "NBC News reported that ...", "..., according to NPR's
  Tom Bowman", "Bowman reported", "Trump believes that ..."). "According to ..." at the head
  of a sentence also covers the sentences after it in its paragraph, up to the next sentence
  that has a quotation or an attribution of its own (:mod:`framing.voice.attribution`);
- **own**: every other word: the outlet speaking for itself.

A paragraph's ``voice`` follows from those counts (:mod:`framing.voice.labels`): ``own`` when
no word is quoted or attributed; ``attributed`` when every word is quoted or attributed and
fewer than half are quoted; ``quoted`` when every word is quoted or attributed and at least
half are quoted; ``mixed`` when some words are the outlet's own and some are not.

Sources are named once each: the known outlets, agencies and organisations are data
(``framing/data/sources.tsv``, :mod:`framing.voice.sources`), names the list does not know are
read from the attribution pattern (:mod:`framing.voice.names`), and a reporter named in full
once ("NPR’s Tom Bowman") is recognised later by surname (:mod:`framing.voice.surnames`). Each
attribution records its reporting verb and whether the verb is neutral or loaded
(``framing/data/reporting_verbs.tsv``, :mod:`framing.voice.verbs`).

The modules, in the order the detector (:mod:`framing.voice.detector`) uses them: ``model``
(what is returned), ``sources``, ``tokens`` (sentences and tokens the rules read), ``verbs``,
``quotes``, ``names``, ``surnames``, ``attribution``, ``labels``, ``detector``.

>>> [(v.label, v.source_names) for v in detect_voices(["“We won,” Centcom said.", "We won."])]
[('quoted', 'CENTCOM'), ('own', '')]
"""

from framing.voice.detector import RuleVoiceDetector, VoiceDetector, detect_voices
from framing.voice.model import (
    SOURCE_KINDS,
    VERB_KINDS,
    VOICES,
    Attribution,
    ParagraphVoice,
    Quote,
    Segment,
    Source,
)
from framing.voice.sources import SourceEntry, SourceList, load_sources
from framing.voice.verbs import ReportingVerb, load_reporting_verbs

__all__ = [
    "Source",
    "SourceEntry",
    "SourceList",
    "ReportingVerb",
    "Quote",
    "Attribution",
    "Segment",
    "ParagraphVoice",
    "VoiceDetector",
    "RuleVoiceDetector",
    "detect_voices",
    "load_sources",
    "load_reporting_verbs",
    "VOICES",
    "SOURCE_KINDS",
    "VERB_KINDS",
]


def __getattr__(name: str):
    # voice_contrast aggregates a whole Article, a later step than voice; it moved in 0.2.
    if name in ("voice_contrast", "CONTRAST_VOICES"):
        raise AttributeError(
            f"framing.voice.{name} moved to framing.comparisons.contrast.{name} "
            "(or use framing.voice_contrast)"
        )
    raise AttributeError(f"module 'framing.voice' has no attribute {name!r}")
