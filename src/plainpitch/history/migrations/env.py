"""Alembic's entry point, run programmatically: plainpitch.history.store passes an open connection, inside the
transaction (and, on PostgreSQL, the advisory lock) that makes a migration all-or-nothing and one at a time."""

from alembic import context

from plainpitch.history.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` run by hand: plainpitch only ever migrates through its own connection
    raise SystemExit("plainpitch migrations run through plainpitch (plainpitch history upgrade), not bare alembic")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
