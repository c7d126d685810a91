"""Findings, runs and decisions in SQLite or PostgreSQL, through SQLAlchemy and Alembic."""

from .repository import DECISIONS, STATUSES, FindingFilter, Store, finding_to_dict
from .sink import DatabaseSink

__all__ = ["DECISIONS", "STATUSES", "DatabaseSink", "FindingFilter", "Store", "finding_to_dict"]
