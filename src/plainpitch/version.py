"""The version, in the lowest layer so that any module may name it without importing the package's public API
(pyproject.toml reads it from here too)."""

__version__ = "0.1.0"
