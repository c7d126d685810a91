"""The human side of Threatline: who may look at findings, what they decide, and the record of it.

    workflow.py      the findings' state machine: statuses, decisions, who may move what where
    decisions.py     recording a decision (or a request for escalation) atomically, audited
    actor.py         who is acting, with which role, and through which channel (cli, web, api)
    accounts.py      users, roles, permissions, passwords and API tokens
    login.py         checking a password under the failed-login backoff
    audit.py         the hash-chained audit log
    cases.py         findings grouped by target and by posting account
    retention.py     the scheduled purge
    transparency.py  the published counts

Nothing is imported here, so that importing one of these modules pulls in only what it needs.
"""
