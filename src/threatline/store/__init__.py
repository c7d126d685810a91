"""Findings, runs and decisions in SQLite or PostgreSQL, through SQLAlchemy and Alembic."""

from . import safeguards as safeguards  # registers the safeguard tables
from .repository import FindingFilter, Store, finding_to_dict
from .sink import DatabaseSink

__all__ = ["DatabaseSink", "FindingFilter", "Store", "finding_to_dict"]
