"""Threatline's exceptions, in one hierarchy.

Every message is written for the person running Threatline: it names the file, line or field
that is wrong and says what to do about it. The CLI prints the message on one line and exits
with status 2; it never shows a traceback for these.

    ThreatlineError
    ├── WatchlistError    the watchlist file is missing, not TOML, or breaks the schema
    ├── InputError        a posts file cannot be opened or its format is unknown
    ├── ModelError        the detector model is missing or was trained for another version
    ├── StoreError        the database cannot be reached or a record is missing
    ├── ConfigError       a setting (THREATLINE_* variable or option) is invalid
    ├── LoginError        a name and password or an API token did not check out
    │   └── LoginThrottled    too many failed logins for the name: wait (the web app answers 429)
    └── ReviewError       a review decision was refused (see `threatline.review.workflow`)
        ├── TransitionError   the finding's status does not allow it (the API answers 409)
        └── NotAllowedError   it does, but not for the acting role (the API answers 403)
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


class LoginError(ThreatlineError):
    def __init__(self, message: str, failures: int = 0) -> None:
        super().__init__(message)
        self.failures = failures


class LoginThrottled(LoginError):
    def __init__(self, message: str, wait: float) -> None:
        super().__init__(message)
        self.wait = wait


class ReviewError(ThreatlineError):
    pass


class TransitionError(ReviewError):
    pass


class NotAllowedError(ReviewError):
    pass
