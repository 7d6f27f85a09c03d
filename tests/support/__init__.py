"""Helpers shared by several test modules (not fixtures: plain importable code)."""
