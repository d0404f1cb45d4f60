"""Alembic migrations of the history store, shipped in the package and run by plainpitch.history.store."""
