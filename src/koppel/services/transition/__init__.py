"""The year transition (jaarovergang), step by step (DESIGN.md 5)."""
