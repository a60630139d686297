"""The scheduler's project file: one SQLite file (DESIGN.md section 1)."""
