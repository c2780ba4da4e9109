"""Comparisons: an article against its sources, groups of articles, voices, human labels.

It takes Articles and paragraph tables and gives comparison tables: alignment with
cited reports, group statistics and keyness, the own-versus-cited contrast, and
agreement with annotators (validation).
"""

from framing.comparisons.align import (
    CLOSE_THRESHOLD,
    COLUMN_DEFINITIONS,
    COLUMNS,
    CONTAINMENT_NGRAM,
    CONTAINMENT_THRESHOLD,
    FIDELITIES,
    MATCHES,
    QUOTE_ALTERED_THRESHOLD,
    QUOTE_MIN_WORDS,
    SIMILARITY_THRESHOLD,
    STATUSES,
    Alignment,
    ParagraphAlignment,
    QuoteCheck,
    align,
    check_quote,
    compare,
    direct_quotes,
    pair_scores,
)
from framing.comparisons.contrast import (
    CONTRAST_VOICES,
    voice_contrast,
)
from framing.comparisons.groups import (
    DEFAULT_CONFIDENCE,
    DEFAULT_PERMUTATIONS,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    GroupComparison,
    bootstrap_mean_ci,
    cliffs_delta,
    cohens_d,
    compare_groups,
    keyness,
    permutation_p_value,
)
from framing.comparisons.paraphrase import paraphrase_score
from framing.comparisons.validation import (
    BIASED,
    ERROR_KINDS,
    NOT_BIASED,
    errors_worth_reading,
    precision_recall,
    sentence_scores,
    word_agreement,
)

__all__ = [
    "compare",
    "align",
    "Alignment",
    "ParagraphAlignment",
    "QuoteCheck",
    "direct_quotes",
    "check_quote",
    "COLUMNS",
    "COLUMN_DEFINITIONS",
    "CONTAINMENT_THRESHOLD",
    "SIMILARITY_THRESHOLD",
    "CLOSE_THRESHOLD",
    "MATCHES",
    "pair_scores",
    "paraphrase_score",
    "CONTAINMENT_NGRAM",
    "QUOTE_ALTERED_THRESHOLD",
    "QUOTE_MIN_WORDS",
    "STATUSES",
    "FIDELITIES",
    "compare_groups",
    "GroupComparison",
    "keyness",
    "cohens_d",
    "cliffs_delta",
    "bootstrap_mean_ci",
    "permutation_p_value",
    "DEFAULT_SEED",
    "DEFAULT_RESAMPLES",
    "DEFAULT_PERMUTATIONS",
    "DEFAULT_CONFIDENCE",
    "CONTRAST_VOICES",
    "voice_contrast",
    "word_agreement",
    "precision_recall",
    "sentence_scores",
    "errors_worth_reading",
    "ERROR_KINDS",
    "BIASED",
    "NOT_BIASED",
]
