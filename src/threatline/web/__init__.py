"""The analyst web app and the /api/v1 JSON API, with the safeguards built in."""

from .app import create_app

__all__ = ["create_app"]
