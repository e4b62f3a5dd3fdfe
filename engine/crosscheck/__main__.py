"""`python -m crosscheck` runs the command line."""

from crosscheck.cli import run

run()
