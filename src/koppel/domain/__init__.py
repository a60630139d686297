"""The pure domain of koppel: entities, value objects and their rules.

Nothing here does I/O or imports a framework (a test checks that).
"""
