"""`python -m crosscheck` runs the command line."""

from crosscheck.cli.main import run

run()
