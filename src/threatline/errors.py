"""Threatline's exceptions, in one hierarchy.

Every message is written for the person running Threatline: it names the file, line or field
that is wrong and says what to do about it. The CLI prints the message on one line and exits
with status 2; it never shows a traceback for these.

    ThreatlineError
    ├── WatchlistError    the watchlist file is missing, not TOML, or breaks the schema
    ├── InputError        a posts file cannot be opened or its format is unknown
    ├── ModelError        the detector model is missing or was trained for another version
    ├── StoreError        the database cannot be reached or a record is missing
    └── ConfigError       a setting (THREATLINE_* variable or option) is invalid
"""


class ThreatlineError(Exception):
    """Base class: a problem the user can fix, explained in the message."""


class WatchlistError(ThreatlineError):
    pass


class InputError(ThreatlineError):
    pass


class ModelError(ThreatlineError):
    pass


class StoreError(ThreatlineError):
    pass


class NotFoundError(StoreError):
    pass


class ConfigError(ThreatlineError):
    pass
