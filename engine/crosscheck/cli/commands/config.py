"""``crosscheck config``: print the settings a check here would use, and where each came from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from crosscheck.cli.commands.configured import discover_or_exit, given_settings, settings_or_exit
from crosscheck.cli.commands.options import settings_options
from crosscheck.cli.console import EXIT_OK, exit_codes, say
from crosscheck.config.show import settings_lines
from crosscheck.text.escape import shown

EPILOG = exit_codes(
    (0, "the settings were printed"),
    (2, "the configuration file cannot be used (FILE:LINE:COLUMN says why), or a bad option"),
)


@click.command("config", epilog=EPILOG)
@settings_options
def config_command(**options: Any) -> int:
    """Print the settings in force here: defaults, then crosscheck.toml or pyproject.toml
    [tool.crosscheck] (the nearest upward), then the options given; each line says
    where its value came from."""
    found = discover_or_exit(options["config_file"])
    settings = settings_or_exit(given_settings(options), found)
    config = None if found.config is None else found.config.shown_path(Path(os.getcwd()))
    for line in settings_lines(settings, config):
        say(shown(line))
    return EXIT_OK
