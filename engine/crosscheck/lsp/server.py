"""The editor server: pygls wired to the features, one analysis kept per open document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from crosscheck import __version__
from crosscheck.fs.realpath import resolved
from crosscheck.load.decode import normalize_newlines
from crosscheck.lsp.actions import code_actions
from crosscheck.lsp.analysis import Analysis, analyse
from crosscheck.lsp.completion import completions
from crosscheck.lsp.definition import definition
from crosscheck.lsp.diagnostics import diagnostics
from crosscheck.lsp.formatting import formatting
from crosscheck.lsp.hover import hover

TRIGGERS = [" ", ":"]


class RuleServer(LanguageServer):
    """A language server for rule files that remembers each open document's analysis."""

    def __init__(self) -> None:
        super().__init__("crosscheck", __version__)
        self.analyses: dict[str, Analysis] = {}

    def encoding(self) -> str:
        """The position encoding agreed with the client (UTF-16 unless it offered another)."""
        return str(self.workspace.position_encoding or "utf-16")

    def refresh(self, uri: str) -> None:
        """Analyse the document anew, and the open documents that import it; publish their
        diagnostics."""
        self._publish(uri)
        changed = resolved(_path(uri))
        for other, analysis in list(self.analyses.items()):
            if other != uri and changed in {resolved(Path(path)) for path in analysis.texts}:
                self._publish(other)

    def _publish(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        analysis = analyse(
            _path(uri), document.source, self.encoding(), self._open_texts(uri), dt.date.today()
        )
        self.analyses[uri] = analysis
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, diagnostics(analysis), document.version)
        )

    def _open_texts(self, uri: str) -> dict[Path, str]:
        """The other open documents' texts, for the files a document imports."""
        return {
            resolved(_path(other)): normalize_newlines(document.source)
            for other, document in self.workspace.text_documents.items()
            if other != uri
        }

    def at(self, uri: str, position: types.Position) -> tuple[Analysis, int, int] | None:
        """A document's analysis and crosscheck's 1-based line and column of ``position``."""
        analysis = self.analyses.get(uri)
        if analysis is None:
            return None
        return (analysis, *analysis.lines.from_client(position.line, position.character))


def _path(uri: str) -> Path:
    return Path(to_fs_path(uri) or uri)


def build() -> RuleServer:
    """The server with every feature registered."""
    server = RuleServer()
    _documents(server)
    _requests(server)
    return server


def _documents(server: RuleServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: RuleServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: RuleServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: RuleServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.analyses.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(params.text_document.uri, [])
        )


def _requests(server: RuleServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS)
    )
    def complete(ls: RuleServer, params: types.CompletionParams) -> Any:
        found = ls.at(params.text_document.uri, params.position)
        return completions(*found) if found else None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: RuleServer, params: types.HoverParams) -> Any:
        found = ls.at(params.text_document.uri, params.position)
        return hover(*found) if found else None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def on_definition(ls: RuleServer, params: types.DefinitionParams) -> Any:
        found = ls.at(params.text_document.uri, params.position)
        return definition(*found) if found else None

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def on_format(ls: RuleServer, params: types.DocumentFormattingParams) -> Any:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        return formatting(document.source, str(_path(uri)), ls.encoding())

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def on_code_action(ls: RuleServer, params: types.CodeActionParams) -> Any:
        analysis = ls.analyses.get(params.text_document.uri)
        if analysis is None:
            return None
        return code_actions(analysis, params.text_document.uri, params.range)


def serve() -> None:
    """Speak the protocol over standard input and output until the client says exit."""
    build().start_io()
