"""``crosscheck lsp``: the editor server for rule files, speaking the Language Server Protocol
over standard input and output (docs/editors.md says how to set an editor up).

Exit codes: 0 the client asked the server to exit; 2 pygls, which the ``lsp`` extra
installs, is missing; 4 internal error.
"""

from __future__ import annotations

import click

from crosscheck.cli.console import EXIT_OK, EXIT_USAGE, complain, exit_codes

_MISSING = (
    "error: `crosscheck lsp` needs pygls, which is not installed\n"
    "   hint: install the `lsp` extra: pip install 'crosscheck-news[lsp]'"
)


@click.command(
    "lsp",
    epilog=exit_codes(
        (0, "the client asked the server to exit"),
        (2, "pygls, which the lsp extra installs, is missing"),
    ),
)
@click.option(
    "--stdio",
    is_flag=True,
    help="Speak over standard input and output (the only way; editors pass it).",
)
def lsp_command(stdio: bool) -> int:
    """Serve rule files to an editor: diagnostics, completion, hover, definitions, formatting."""
    try:
        from crosscheck.lsp.server import serve
    except ModuleNotFoundError as err:
        if (err.name or "").partition(".")[0] not in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise
        complain(_MISSING)
        return EXIT_USAGE
    serve()
    return EXIT_OK
