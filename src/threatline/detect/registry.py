"""Every detector Threatline can run, by name: the one place to add another.

| name       | what it is                                                             | model files         |
|------------|------------------------------------------------------------------------|---------------------|
| `model`    | the fine-tuned classifier, with evidence and its own spans (default)  | `<name>.onnx/.json` |
| `evidence` | a linear model over the linguistic evidence alone: the baseline        | `<name>.npz/.json`  |

Neither needs PyTorch at scan time. Threatline looks for model files in, first to last:
THREATLINE_MODEL; the `model` folder of the data directory, where `threatline train` writes by
default; the models bundled in the package.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..config import Settings
from ..errors import ConfigError
from ..watchlist import Watchlist
from .base import Detector
from .classifier import Classifier
from .classify import ClassifierDetector
from .model import BUNDLED, EvidenceDetector, TrainedModel

MODEL_FILES = {"model": "threatline-classifier.onnx", "evidence": "threatline-evidence.npz"}
MODEL_NAMES = {name: file.split(".")[0] for name, file in MODEL_FILES.items()}


def _model(watchlist: Watchlist, directory: Path) -> Detector:
    return ClassifierDetector(watchlist, Classifier(directory, MODEL_NAMES["model"]))


def _evidence(watchlist: Watchlist, directory: Path) -> Detector:
    return EvidenceDetector(watchlist, TrainedModel.load(directory, MODEL_NAMES["evidence"]))


DETECTORS: dict[str, Callable[[Watchlist, Path], Detector]] = {"model": _model, "evidence": _evidence}


CORPUS = Path(__file__).parent / "corpus"


def model_dir(settings: Settings, name: str) -> Path:
    if settings.model_path is not None:
        return settings.model_path
    trained = settings.data_dir / "model"
    if (trained / MODEL_FILES[name]).exists():
        return trained
    return BUNDLED


def load_detector(name: str, watchlist: Watchlist, settings: Settings) -> Detector:
    if name not in DETECTORS:
        raise ConfigError(f"unknown detector {name!r}; choose one of: {', '.join(DETECTORS)}.")
    return DETECTORS[name](watchlist, model_dir(settings, name))
