"""Voice: who speaks in each paragraph, the outlet or the sources it quotes and attributes.

It takes an article's paragraphs (a list of str) and gives one
:class:`ParagraphVoice` per paragraph: quotations, attributions, sources, and the
words of each voice.
"""

from framing.voice.detect import (
    SOURCE_KINDS,
    VERB_KINDS,
    VOICES,
    Attribution,
    ParagraphVoice,
    Quote,
    ReportingVerb,
    RuleVoiceDetector,
    Segment,
    Source,
    SourceEntry,
    SourceList,
    VoiceDetector,
    detect_voices,
    load_reporting_verbs,
    load_sources,
)

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
