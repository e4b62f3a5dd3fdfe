"""``crosscheck lsp`` without pygls says which extra to install, and exits 2."""

from __future__ import annotations

import sys

import pytest

from crosscheck.cli.main import main


def test_without_pygls_the_message_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [m for m in sys.modules if m.startswith(("crosscheck.lsp", "pygls"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)  # importing it raises ModuleNotFoundError
    assert main(["lsp"]) == 2
    err = capsys.readouterr().err
    assert "`crosscheck lsp` needs pygls" in err
    assert "pip install 'crosscheck-news[lsp]'" in err
    assert "Traceback" not in err


def test_the_command_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "lsp" in capsys.readouterr().out
