"""koppel: the open-source data hub for secondary schools."""

__version__ = "0.1.0"
