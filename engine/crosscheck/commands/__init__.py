"""Subcommands beyond check and extract, one module each; cli.py registers them."""
