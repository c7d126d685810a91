"""Findings, runs and decisions in SQLite or PostgreSQL, through SQLAlchemy and Alembic."""

from . import safeguards as safeguards  # registers the safeguard tables
from .repository import DECISIONS, STATUSES, FindingFilter, Store, finding_to_dict
from .sink import DatabaseSink

__all__ = ["DECISIONS", "STATUSES", "DatabaseSink", "FindingFilter", "Store", "finding_to_dict"]
