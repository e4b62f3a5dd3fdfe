"""``crosscheck lsp``: an editor server (the Language Server Protocol, over pygls) for rule files.

``server`` wires pygls to the features; ``analysis`` reads a document the way ``check``
and ``lint`` do (the same parser, checker and linter); ``positions`` maps crosscheck's
1-based lines and code-point columns to the protocol's 0-based lines and UTF-16 (or the
negotiated) columns; ``diagnostics``, ``completion``, ``hover``, ``definition``,
``formatting`` and ``actions`` answer one request each. Only ``server`` and the modules
it calls import pygls or lsprotocol, which the ``lsp`` extra installs.
"""
