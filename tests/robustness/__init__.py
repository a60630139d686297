"""Fault and fuzz suite: the whole sync, hostile files and faults (issue 9)."""
