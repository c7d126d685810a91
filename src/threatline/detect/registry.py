"""Every detector Threatline can run, by name: the one place to add another.

| name       | what it is                                                      | needs torch |
|------------|-----------------------------------------------------------------|-------------|
| `model`    | sentence embedding + linguistic evidence (the default)          | yes         |
| `evidence` | linguistic evidence alone: faster, less accurate on veiled text | no          |

A model directory holds `<name>.npz` and `<name>.json` for each. Threatline looks in, first to
last: THREATLINE_MODEL; the `model` folder of the data directory, where `threatline train`
writes by default; the models bundled in the package, trained on the bundled corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..config import Settings
from ..errors import ConfigError
from ..watchlist import Watchlist
from .base import Detector
from .encoder import Encoder
from .model import BUNDLED, ModelDetector, TrainedModel

MODEL_NAMES = {"model": "threatline-minilm", "evidence": "threatline-evidence"}


def _model(watchlist: Watchlist, directory: Path) -> Detector:
    return ModelDetector(watchlist, TrainedModel.load(directory, MODEL_NAMES["model"]), Encoder())


def _evidence(watchlist: Watchlist, directory: Path) -> Detector:
    return ModelDetector(watchlist, TrainedModel.load(directory, MODEL_NAMES["evidence"]))


DETECTORS: dict[str, Callable[[Watchlist, Path], Detector]] = {"model": _model, "evidence": _evidence}


CORPUS = Path(__file__).parent / "corpus"


def model_dir(settings: Settings, name: str) -> Path:
    if settings.model_path is not None:
        return settings.model_path
    trained = settings.data_dir / "model"
    if (trained / f"{MODEL_NAMES[name]}.npz").exists():
        return trained
    return BUNDLED


def load_detector(name: str, watchlist: Watchlist, settings: Settings) -> Detector:
    if name not in DETECTORS:
        raise ConfigError(f"unknown detector {name!r}; choose one of: {', '.join(DETECTORS)}.")
    return DETECTORS[name](watchlist, model_dir(settings, name))
