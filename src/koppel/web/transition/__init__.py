"""Beheer > Jaarovergang: the year-transition wizard (DESIGN.md 5), step by step."""
