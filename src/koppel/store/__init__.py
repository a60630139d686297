"""Storage adapters: the portal database (SQLAlchemy 2, SQLite or PostgreSQL)."""
