"""Settings, read from THREATLINE_* environment variables.

| variable                   | default                                           |
|----------------------------|---------------------------------------------------|
| THREATLINE_DATABASE_URL    | sqlite:///<user data dir>/threatline.db            |
| THREATLINE_DATA_DIR        | the platform's user data dir (~/.local/share/threatline) |
| THREATLINE_MODEL           | the model bundled with the package                 |
| THREATLINE_RETAIN_DISMISSED_DAYS | 30: dismissed findings are deleted this long after dismissal |
| THREATLINE_RETAIN_DAYS     | 365: other findings (except escalated) are deleted this long after detection |
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError

_VARIABLES = {
    "data_dir": "THREATLINE_DATA_DIR",
    "database_url": "THREATLINE_DATABASE_URL",
    "model_path": "THREATLINE_MODEL",
    "retain_dismissed_days": "THREATLINE_RETAIN_DISMISSED_DAYS",
    "retain_days": "THREATLINE_RETAIN_DAYS",
}


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    data_dir: Path = Field(default_factory=lambda: Path(platformdirs.user_data_dir("threatline")))
    database_url: str | None = None
    model_path: Path | None = None
    retain_dismissed_days: int = Field(default=30, ge=0)
    retain_days: int = Field(default=365, ge=0)

    @classmethod
    def from_env(cls) -> Settings:
        values: dict[str, str] = {}
        for field_name, variable in _VARIABLES.items():
            if os.environ.get(variable):
                values[field_name] = os.environ[variable]
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ConfigError(f"{_VARIABLES[str(first['loc'][0])]}: {first['msg']}.") from exc

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'threatline.db'}"
