"""incidents.time_of_day: the monitor's local time of the event ("16:00", "10:00-14:00", "around_dawn")

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("time_of_day", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("time_of_day")
