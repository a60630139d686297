"""SQLAlchemy repositories of the portal database, one module per concept.

Repositories translate between rows and domain objects; they never commit (the unit
of work does, once per use case).
"""
