"""Alembic environment of the hub: always run with a connection handed in by hub.db.migrate."""

from alembic import context

from hub.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
