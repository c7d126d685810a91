"""review workflow: the reviewing status, decision channels and moves, a version to decide on, requests

Existing data stays valid: findings that were `monitoring` become `reviewing` (the same state under
the workflow's name), each existing decision gets the move it made (worked out from the decisions
before it) and the channel `unknown`, since it was not recorded then.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_MOVED_TO = {"dismiss": "dismissed", "monitor": "reviewing", "escalate": "escalated"}


def upgrade() -> None:
    op.add_column("findings", sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("findings", sa.Column("escalation_requested_by", sa.String(length=200), nullable=True))
    op.add_column("findings", sa.Column("escalation_requested_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_findings_escalation_requested_at", "findings", ["escalation_requested_at"])
    op.add_column("decisions", sa.Column("channel", sa.String(length=10), nullable=False, server_default="unknown"))
    op.add_column("decisions", sa.Column("from_status", sa.String(length=20), nullable=False, server_default="new"))
    op.add_column("decisions", sa.Column("to_status", sa.String(length=20), nullable=False, server_default="new"))

    connection = op.get_bind()
    connection.execute(sa.text("UPDATE findings SET status = 'reviewing' WHERE status = 'monitoring'"))
    decisions = sa.table("decisions", sa.column("id", sa.Integer()), sa.column("from_status", sa.String()),
                         sa.column("to_status", sa.String()))
    current: dict[int, str] = {}
    rows = connection.execute(sa.text("SELECT id, finding_id, decision FROM decisions "
                                      "ORDER BY finding_id, decided_at, id")).all()
    for decision_id, finding_id, decision in rows:
        moved_to = _MOVED_TO.get(decision, current.get(finding_id, "new"))
        connection.execute(decisions.update().where(decisions.c.id == decision_id)
                           .values(from_status=current.get(finding_id, "new"), to_status=moved_to))
        current[finding_id] = moved_to


def downgrade() -> None:
    # The old schema knows no `resolved`: those findings go back to `escalated`, which the purge keeps.
    connection = op.get_bind()
    connection.execute(sa.text("UPDATE findings SET status = 'monitoring' WHERE status = 'reviewing'"))
    connection.execute(sa.text("UPDATE findings SET status = 'escalated' WHERE status = 'resolved'"))
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("to_status")
        batch.drop_column("from_status")
        batch.drop_column("channel")
    op.drop_index("ix_findings_escalation_requested_at", table_name="findings")
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("escalation_requested_at")
        batch.drop_column("escalation_requested_by")
        batch.drop_column("version")
