"""People who decide in the tests: one per role, at the command line unless a test says otherwise."""

import os
import pwd

from threatline.review.actor import Actor

ANALYST = Actor("ana", "analyst", "cli")
SUPERVISOR = Actor("sup", "supervisor", "cli")
ADMIN = Actor("adm", "admin", "cli")
AUDITOR = Actor("aud", "auditor", "cli")

# What the command line records for the OS user running the tests: the real user id's login name.
OPERATOR = f"cli:{pwd.getpwuid(os.getuid()).pw_name}"
