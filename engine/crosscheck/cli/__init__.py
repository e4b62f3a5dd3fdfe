"""The command line: it parses options, wires loaders, the core and reporters, and exits.

``main`` holds the click group and ``main(argv) -> int``; ``console`` the exit codes,
output writing and progress; ``commands/`` one module per subcommand, imported lazily.
"""

from crosscheck.cli.main import main, run

__all__ = ["main", "run"]
