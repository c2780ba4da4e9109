"""A dictionary's categories by group and by voice: pooled rates with bootstrap intervals.

:func:`dictionary_rates` reads the long form of :func:`framing.analyze`
(``dictionary_form="long"``) and pools each category's matches over the paragraphs of a group
(say, a side of the AllSides stories), in all words and in each voice: the outlet's own words,
attributed words, quoted words, and ``cited`` (attributed and quoted together).

>>> import pandas as pd
>>> long = pd.DataFrame({"doc_id": ["a", "a", "b"], "side": ["left", "left", "right"],
...                      "dictionary": "d", "category": "care", "count": [1, 2, 0],
...                      "words": [10, 10, 20]})
>>> dictionary_rates(long, by="side", resamples=50)[["side", "voice", "count", "words",
...                                                   "per_100_words"]].to_dict("records")
[{'side': 'left', 'voice': 'all', 'count': 3, 'words': 20, 'per_100_words': 15.0}, \
{'side': 'right', 'voice': 'all', 'count': 0, 'words': 20, 'per_100_words': 0.0}]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from framing.comparisons.groups import DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED
from framing.errors import FramingError
from framing.text.words import per_100_words

__all__ = ["RATE_VOICES", "dictionary_rates"]

#: The voices of :func:`dictionary_rates`: each one's count column and word column in the long
#: form; ``cited`` adds attributed and quoted words.
RATE_VOICES = {
    "all": (("count",), ("words",)),
    "own": (("own",), ("own_words",)),
    "attributed": (("attributed",), ("attributed_words",)),
    "quoted": (("quoted",), ("quoted_words",)),
    "cited": (("attributed", "quoted"), ("attributed_words", "quoted_words")),
}

#: Resampled values drawn at a time, so that memory stays bounded whatever the number of
#: documents.
_BLOCK_VALUES = 5_000_000


def _bootstrap_ratio(
    counts: np.ndarray, words: np.ndarray, *, resamples: int, confidence: float, rng
) -> tuple[float, float]:
    """Return the percentile interval of the pooled rate, resampling documents."""
    n = len(counts)
    if n == 0 or resamples < 1:
        return (math.nan, math.nan)
    rates = []
    per_block = max(1, _BLOCK_VALUES // n)
    for start in range(0, resamples, per_block):
        picks = rng.integers(0, n, size=(min(per_block, resamples - start), n))
        total = words[picks].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            rates.append(np.where(total > 0, 100.0 * counts[picks].sum(axis=1) / total, np.nan))
    rates = np.concatenate(rates)
    if np.isnan(rates).all():
        return (math.nan, math.nan)
    tail = (1 - confidence) / 2
    low, high = np.nanquantile(rates, [tail, 1 - tail])
    return float(low), float(high)


def dictionary_rates(
    long: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Return each category's pooled rate per 100 words, by group and voice, with intervals.

    ``long`` is the long form of :func:`framing.analyze` (``dictionary_form="long"``), with
    the ``by`` columns (kept from the corpus with ``keep=``). One row per group, ``dictionary``,
    ``category`` and ``voice`` (``all``, and with the voice measure ``own``, ``attributed``,
    ``quoted``, ``cited``): ``documents``, ``count`` and ``words`` (summed over the group's
    paragraphs), ``per_100_words`` (count over words, pooled) and ``ci_low``, ``ci_high``: the
    percentile bootstrap interval of the pooled rate, resampling documents (``resamples``
    times, seeded, so the same table gives the same intervals). Rows that could not be
    measured (an ``error``) hold no counts and are left out of the sums.
    """
    keys = [by] if isinstance(by, str) else list(by or [])
    needed = ["doc_id", "dictionary", "category", "count", "words", *keys]
    missing = [column for column in needed if column not in long.columns]
    if missing:
        raise FramingError(
            f"dictionary_rates needs the long form's columns; {missing} are missing: use "
            "framing.analyze(..., dictionaries=..., dictionary_form='long', keep=[...])"
        )
    voices = {
        name: columns
        for name, columns in RATE_VOICES.items()
        if all(column in long.columns for part in columns for column in part)
    }
    measured = long[long["count"].notna()]
    sums = {}
    for name, (count_columns, word_columns) in voices.items():
        sums[f"count:{name}"] = measured[list(count_columns)].astype("float64").sum(axis=1)
        sums[f"words:{name}"] = measured[list(word_columns)].astype("float64").sum(axis=1)
    frame = pd.concat(
        [measured[keys + ["dictionary", "category", "doc_id"]], pd.DataFrame(sums)], axis=1
    )
    documents = frame.groupby(
        keys + ["dictionary", "category", "doc_id"], sort=False, dropna=False
    ).sum()
    rng = np.random.default_rng(seed)
    rows = []
    for group, per_document in documents.groupby(
        level=list(range(len(keys) + 2)), sort=False, dropna=False
    ):
        group = group if isinstance(group, tuple) else (group,)
        for name in voices:
            counts = per_document[f"count:{name}"].to_numpy()
            words = per_document[f"words:{name}"].to_numpy()
            low, high = _bootstrap_ratio(
                counts, words, resamples=resamples, confidence=confidence, rng=rng
            )
            rows.append(
                {
                    **dict(zip([*keys, "dictionary", "category"], group, strict=True)),
                    "voice": name,
                    "documents": len(per_document),
                    "count": int(counts.sum()),
                    "words": int(words.sum()),
                    "per_100_words": per_100_words(float(counts.sum()), int(words.sum())),
                    "ci_low": low,
                    "ci_high": high,
                }
            )
    return pd.DataFrame(rows)
