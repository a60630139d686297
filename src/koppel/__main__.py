"""`python -m koppel` runs the command line."""

from koppel.cli.main import run

run()
