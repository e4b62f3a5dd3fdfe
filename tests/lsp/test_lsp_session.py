"""A real editor session with ``crosscheck lsp``, spoken over its standard input and output by
pygls's own client: open a rule file with an error, see the diagnostic where it is, fix it as
you type, then complete, hover, go to definition, format and take a quick fix."""

from __future__ import annotations

import asyncio
import queue
import shutil
import sys
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

pytest.importorskip("pygls", reason="the `lsp` extra (pygls) is not installed")

from lsprotocol import types
from pygls.lsp.client import LanguageClient

T = TypeVar("T")
TIMEOUT = 20.0
SHARED = 'subject troops = "troops" | "soldiers"\n'
# An astral character before the error: the column differs in code points and UTF-16 units.
BROKEN = (
    'import "shared.rules"\r\n\r\n'
    "measure killed: count of troops\r\n"
    '    when "💥 killed" | blasts\r\n\r\n'
    "measure wounded: count\r\n"
    '    when "wounded" | "hurt" | "Wounded"\r\n\r\n'
    "rule few: killed <= wounded within 10% per document\r\n"
    '    message "more killed than wounded"\r\n'
)
FIXED = BROKEN.replace(" | blasts", "")


class Client(LanguageClient):
    """pygls's client, noting the server's exit code."""

    def __init__(self) -> None:
        super().__init__("crosscheck-tests", "1")
        self.exit_codes: queue.Queue[int | None] = queue.Queue()

    async def server_exit(self, server: asyncio.subprocess.Process) -> None:
        self.exit_codes.put(server.returncode)


class Session:
    """A client connected to a server process, driven from the test's thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client = Client()
        self.published: queue.Queue[types.PublishDiagnosticsParams] = queue.Queue()
        self.shown: list[str] = []  # messages the server shows: errors in its handlers

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.put(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(params: types.ShowMessageParams) -> None:
            self.shown.append(params.message)

    def run(self, job: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(job, self.loop).result(TIMEOUT)

    def notify(self, send: Any, params: Any) -> None:
        self.loop.call_soon_threadsafe(send, params)

    def diagnostics(self, uri: str, version: int) -> list[types.Diagnostic]:
        while True:
            params = self.published.get(timeout=TIMEOUT)
            if params.uri == uri and params.version == version:
                return list(params.diagnostics)


def _command() -> list[str]:
    script = shutil.which("crosscheck", path=str(Path(sys.executable).parent))
    return [script, "lsp"] if script else [sys.executable, "-m", "crosscheck", "lsp"]


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    """One server process for the module; shut down and exited at its end."""
    s = Session()
    s.run(s.client.start_io(*_command()))
    s.run(
        s.client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), process_id=None)
        )
    )
    s.notify(s.client.initialized, types.InitializedParams())
    yield s
    if not s.client.stopped:  # the last test shuts it down; after a failure, here
        s.run(s.client.shutdown_async(None))
        s.notify(s.client.exit, None)
    s.run(s.client.stop())
    s.loop.call_soon_threadsafe(s.loop.stop)
    s.thread.join(TIMEOUT)


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules")
    (folder / "shared.rules").write_text(SHARED, "utf-8")
    (folder / "main.rules").write_text(BROKEN, "utf-8", newline="")
    return folder / "main.rules"


@pytest.fixture(scope="module")
def opened(session: Session, rules: Path) -> tuple[str, list[types.Diagnostic]]:
    """The broken file opened; then fixed by an edit, as typing would. Its URI and the
    diagnostics of the broken text."""
    uri = rules.as_uri()
    document = types.TextDocumentItem(uri, "crosscheck", 1, BROKEN)
    session.notify(session.client.text_document_did_open, types.DidOpenTextDocumentParams(document))
    broken = session.diagnostics(uri, 1)
    change = types.TextDocumentContentChangeWholeDocument(text=FIXED)
    session.notify(
        session.client.text_document_did_change,
        types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(2, uri), [change]),
    )
    return uri, broken


def test_the_error_is_reported_at_its_line_and_utf16_column(
    opened: tuple[str, list[types.Diagnostic]],
) -> None:
    [diagnostic] = opened[1]
    # Line 4, column 23 in code points (crosscheck's own count) is line 3, character 23 in
    # UTF-16 units, 0-based: "💥" takes two units.
    assert diagnostic.range == types.Range(types.Position(3, 23), types.Position(3, 29))
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert "undefined phrase set `blasts`" in diagnostic.message


def test_an_edit_replaces_the_error_with_lint_findings(
    session: Session, opened: tuple[str, list[types.Diagnostic]]
) -> None:
    [finding] = session.diagnostics(opened[0], 2)
    assert finding.code == "duplicate-phrase"
    assert finding.severity == types.DiagnosticSeverity.Warning
    assert finding.range == types.Range(types.Position(6, 30), types.Position(6, 39))


def _position(text: str, needle: str, after: int = 0) -> types.Position:
    """The 0-based position of ``needle``'s first character (+ ``after``) in ``text``."""
    lines = text.split("\r\n")
    line = next(i for i, line in enumerate(lines) if needle in line)
    return types.Position(line, lines[line].index(needle) + after)


def test_completion_offers_the_measures(
    session: Session, opened: tuple[str, list[types.Diagnostic]]
) -> None:
    uri = opened[0]
    where = _position(FIXED, "wounded within", after=3)  # "wou|nded"
    found = session.run(
        session.client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(uri), where)
        )
    )
    assert isinstance(found, types.CompletionList)
    labels = {item.label for item in found.items}
    assert {"killed", "wounded", "troops"} <= labels  # troops: from the imported file
    assert "rule" in labels


def test_hover_on_a_rule_says_what_it_means(
    session: Session, opened: tuple[str, list[types.Diagnostic]]
) -> None:
    found = session.run(
        session.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(opened[0]), _position(FIXED, "few"))
        )
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    text = found.contents.value
    assert "rule few: killed <= wounded within 10% per document" in text
    assert "`killed` must be at most `wounded` (within 10%)" in text
    assert "claims of the same document" in text


def test_hover_on_a_measure_gives_its_unit_and_phrases(
    session: Session, opened: tuple[str, list[types.Diagnostic]]
) -> None:
    where = _position(FIXED, "killed <=")
    found = session.run(
        session.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(opened[0]), where)
        )
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert "a count in `item`, of subject `troops`" in found.contents.value
    assert '- when: "💥 killed"' in found.contents.value


def test_definition_of_a_name_and_of_an_import(
    session: Session, rules: Path, opened: tuple[str, list[types.Diagnostic]]
) -> None:
    def definition(where: types.Position) -> Any:
        return session.run(
            session.client.text_document_definition_async(
                types.DefinitionParams(types.TextDocumentIdentifier(opened[0]), where)
            )
        )

    measure = definition(_position(FIXED, "wounded within"))
    assert measure.uri == opened[0]
    assert measure.range.start == types.Position(5, 0)
    subject = definition(_position(FIXED, "troops"))
    assert subject.uri == (rules.parent / "shared.rules").as_uri()
    assert subject.range.start == types.Position(0, 0)
    imported = definition(_position(FIXED, "shared.rules"))
    assert imported.uri == (rules.parent / "shared.rules").as_uri()


def test_formatting_is_fmt_keeping_the_line_ends(session: Session, rules: Path) -> None:
    uri = (rules.parent / "messy.rules").as_uri()  # open in the editor, never saved
    messy = "measure   killed :count\r\nrule few: killed<=100 # at most\r\n"
    document = types.TextDocumentItem(uri, "crosscheck", 1, messy)
    session.notify(session.client.text_document_did_open, types.DidOpenTextDocumentParams(document))
    edits = session.run(
        session.client.text_document_formatting_async(
            types.DocumentFormattingParams(
                types.TextDocumentIdentifier(uri), types.FormattingOptions(4, True)
            )
        )
    )
    [edit] = edits
    assert edit.range == types.Range(types.Position(0, 0), types.Position(2, 0))
    assert edit.new_text == "measure killed: count\r\n\r\nrule few: killed <= 100  # at most\r\n"


def test_a_quick_fix_deletes_the_repeated_phrase(
    session: Session, opened: tuple[str, list[types.Diagnostic]]
) -> None:
    uri = opened[0]
    where = _position(FIXED, '"Wounded"')
    actions = session.run(
        session.client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri),
                types.Range(where, where),
                types.CodeActionContext(diagnostics=[]),
            )
        )
    )
    [action] = actions
    assert action.title == 'Delete the repeated "Wounded"'
    [edit] = action.edit.changes[uri]
    assert edit.new_text == ""
    assert edit.range == types.Range(types.Position(6, 27), types.Position(6, 39))


def test_an_imported_file_open_in_the_editor_is_read_from_there(
    session: Session, rules: Path, opened: tuple[str, list[types.Diagnostic]]
) -> None:
    shared = (rules.parent / "shared.rules").as_uri()
    text = SHARED + 'subject civilians = "civilians"\n'  # not saved
    document = types.TextDocumentItem(shared, "crosscheck", 1, text)
    session.notify(session.client.text_document_did_open, types.DidOpenTextDocumentParams(document))
    session.diagnostics(shared, 1)
    session.diagnostics(opened[0], 2)  # the importing document, analysed anew
    where = _position(FIXED, "troops")  # after `of `: subjects
    found = session.run(
        session.client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(opened[0]), where)
        )
    )
    assert isinstance(found, types.CompletionList)
    assert {item.label for item in found.items} == {"troops", "civilians"}


def test_shutdown_then_exit_ends_the_server(session: Session) -> None:
    """Last: the session ends as an editor ends it, and no handler failed on the way."""
    assert session.run(session.client.shutdown_async(None)) is None
    session.notify(session.client.exit, None)
    assert session.client.exit_codes.get(timeout=TIMEOUT) == 0
    assert session.shown == []
