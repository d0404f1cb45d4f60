"""Kept for plugins written against it: loading now lives in ``plainpitch.rules.registry``."""

from __future__ import annotations

from plainpitch.rules.registry import load_all, load_pack

__all__ = ["load_all", "load_pack"]
