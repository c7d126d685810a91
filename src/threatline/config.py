"""Settings, read from THREATLINE_* environment variables.

| variable                   | default                                           |
|----------------------------|---------------------------------------------------|
| THREATLINE_DATABASE_URL    | sqlite:///<user data dir>/threatline.db            |
| THREATLINE_DATA_DIR        | the platform's user data dir (~/.local/share/threatline) |
| THREATLINE_MODEL           | the model bundled with the package                 |
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    data_dir: Path = Field(default_factory=lambda: Path(platformdirs.user_data_dir("threatline")))
    database_url: str | None = None
    model_path: Path | None = None

    @classmethod
    def from_env(cls) -> Settings:
        values: dict[str, str] = {}
        for field_name, variable in (
            ("data_dir", "THREATLINE_DATA_DIR"),
            ("database_url", "THREATLINE_DATABASE_URL"),
            ("model_path", "THREATLINE_MODEL"),
        ):
            if os.environ.get(variable):
                values[field_name] = os.environ[variable]
        return cls.model_validate(values)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'threatline.db'}"
