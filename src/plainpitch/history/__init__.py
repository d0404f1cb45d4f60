"""Deal and progress history: every saved ``check`` and ``call review`` run, deals, and the trends across them.

The store layer sits above engine and emit and below the faces (cli, web). Nothing here is imported by
``plainpitch check`` unless history was asked for (``--save`` or ``history = true`` in config): SQLAlchemy,
Alembic and the PostgreSQL driver are imported inside the functions that need them.

Modules: ``settings`` (where the store is and whether to save), ``schema`` (the tables), ``store`` (engine,
transactions, migrations), ``records`` (a report as a row, no database), ``runs`` (saving runs, page versions),
``deals`` (deals, contacts, linking calls), ``matching`` (which deal a call belongs to), ``trends`` (the queries
behind ``plainpitch history``), ``transfer`` (export and import), ``forget``, ``charts`` and ``render``.
"""
