"""The fine-tuned classifier at scan time: an int8 ONNX file run by ONNX Runtime, no PyTorch.

Only the weights are quantized; activations stay float and every text is run on its own, with no
padding, so a post's probabilities are the same whatever batch it arrives in. Short texts use a
core poorly, so each run gets one thread and the texts are spread over a thread per core, which
is about twice as fast on a laptop as one run over all cores. Loading takes a fraction of a second.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .base import CATEGORIES

MAX_LENGTH = 256
TOKENIZER_FILE = "tokenizer.json"


class Classifier:
    """Texts (already rendered by `views`) → probabilities over CATEGORIES, one row per text."""

    def __init__(self, directory: Path, name: str) -> None:
        self.path = directory / f"{name}.onnx"
        card_path = directory / f"{name}.json"
        if not self.path.exists() or not card_path.exists():
            raise ModelError(f"no classifier {name!r} in {directory}; run `threatline train` to build one.")
        self.card: dict[str, Any] = json.loads(card_path.read_text(encoding="utf-8"))
        if self.card.get("classes") != list(CATEGORIES):
            raise ModelError(f"the classifier in {directory} has other classes; run `threatline train` again.")
        self.tokenizer_path = directory / TOKENIZER_FILE
        self.threshold = float(self.card.get("threshold", 0.5))
        self.version = f"{name}@{self.card.get('trained_at', 'unknown')}"

    @cached_property
    def _runtime(self) -> tuple[Any, Any]:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelError(
                f"the classifier needs onnxruntime and tokenizers ({exc}); install Threatline with `pip install -e .`."
            ) from exc
        tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
        tokenizer.enable_truncation(MAX_LENGTH)
        tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.log_severity_level = 3
        session = onnxruntime.InferenceSession(str(self.path), options, providers=["CPUExecutionProvider"])
        return tokenizer, session

    @cached_property
    def _pool(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="classifier")

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        tokenizer, session = self._runtime

        def one(ids: list[int]) -> np.ndarray:
            tokens = np.asarray([ids], dtype=np.int64)
            logits = session.run(None, {"input_ids": tokens, "attention_mask": np.ones_like(tokens)})[0][0]
            exp = np.exp(logits - logits.max())
            return np.asarray(exp / exp.sum(), dtype=np.float64)

        ids = [encoding.ids for encoding in tokenizer.encode_batch(list(texts))]
        rows = list(self._pool.map(one, ids)) if len(ids) > 1 else [one(i) for i in ids]
        return np.stack(rows) if rows else np.zeros((0, len(CATEGORIES)))
