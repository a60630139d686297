"""Importing files from the school administration (inlezen): students, staff and
teacher-group links. Each import is previewed before it is applied, and applied in one
transaction as one change set that ``koppel undo`` can reverse."""
