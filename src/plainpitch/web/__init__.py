"""``plainpitch serve``: the local editor (static/) and the HTTP API (api.py), built into one app by app.py.

Nothing here is imported by the CLI until ``serve`` runs, so Starlette and uvicorn never slow down ``check``.
"""
