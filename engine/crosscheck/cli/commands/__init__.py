"""The subcommands, one module each (and modules they share); cli.py registers them."""
