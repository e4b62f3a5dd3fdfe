"""Reading rule files from disk: a file or a directory, with their imports.

This is the only part of the rule language that touches the file system; it
reads each file once, follows ``import`` statements relative to the importing
file (or, for ``import std.casualties``, to the standard vocabulary shipped in
``crosscheck.std``), and hands the parsed files to the (pure) semantic checker.
Problems of every file are reported together.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.dsl.ast import Import, RuleFile, RuleSet, Span
from crosscheck.dsl.errors import RuleError, RuleFileError, did_you_mean, with_source
from crosscheck.dsl.parser import parse_partial
from crosscheck.dsl.validate import build_ruleset
from crosscheck.fs.reader import FileReader
from crosscheck.fs.realpath import resolved
from crosscheck.limits import MAX_IMPORT_DEPTH
from crosscheck.load.ruletext import RuleTextError, read_rule_text
from crosscheck.std import available, path_of

RULE_SUFFIX = ".rules"


def load_rules(path: str | Path, reader: FileReader | None = None) -> RuleSet:
    """The checked rule set of a rule file, or of every ``*.rules`` file under a directory.

    Raises ``RuleFileError`` listing every problem of every file.
    """
    loader = _Loader(reader=FileReader() if reader is None else reader)
    for file in loader.entry_files(Path(path)):
        loader.load(file, str(file), ())
    if loader.errors:
        raise RuleFileError(with_source(loader.errors, loader.texts))
    try:
        return build_ruleset(loader.parsed)
    except RuleFileError as err:
        raise RuleFileError(with_source(err.errors, loader.texts)) from None


@dataclass(frozen=True)
class Edited:
    """A rule file being edited, as far as it goes: what parsed of it and of its imports
    (imports first), their texts, every error, and the checked rule set when there is none."""

    files: tuple[RuleFile, ...]
    texts: Mapping[str, str]
    errors: tuple[RuleError, ...]
    ruleset: RuleSet | None


def load_edited(path: Path, text: str, open_texts: Mapping[Path, str] | None = None) -> Edited:
    """The rule file at ``path`` whose text (``\n`` line ends) is ``text``, for an editor.

    Files open in the editor (``open_texts``, by ``fs.realpath.resolved`` path) are read from there;
    statements that parse are kept, and their imports followed, even when others do not.
    """
    given = {**(open_texts or {}), resolved(path): text}
    loader = _Loader(given=given, partial=True)
    loader.load(path, str(path), ())
    errors, ruleset = with_source(loader.errors, loader.texts), None
    if not errors:
        try:
            ruleset = build_ruleset(loader.parsed)
        except RuleFileError as err:
            errors = with_source(err.errors, loader.texts)
    return Edited(tuple(loader.parsed), dict(loader.texts), errors, ruleset)


_Chain = tuple[tuple[Path, str], ...]  # the files being imported: (resolved, as shown)


@dataclass
class _Loader:
    """Files parsed so far (dependencies first), their texts and the errors found."""

    parsed: list[RuleFile] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    errors: list[RuleError] = field(default_factory=list)
    seen: set[Path] = field(default_factory=set)
    reader: FileReader = field(default_factory=FileReader)
    given: Mapping[Path, str] = field(default_factory=dict)  # texts open in an editor
    partial: bool = False  # keep what parses of a file that has errors

    def entry_files(self, path: Path) -> list[Path]:
        """The files a path names: itself, or the rule files under a directory."""
        if path.is_dir():
            files = self.reader.search(path, RULE_SUFFIX)
            if not files:
                self.fail(str(path), f"no `*{RULE_SUFFIX}` files in directory {path}")
            return files
        if not path.exists():
            self.fail(str(path), "no such rule file or directory", "check the path")
            return []
        return [path]

    def fail(self, shown: str, message: str, hint: str | None = None) -> None:
        """Record a problem with a file as a whole."""
        self.errors.append(RuleError(shown, 0, 0, message, hint))

    def load(self, file: Path, shown: str, chain: _Chain) -> None:
        """Parse a file (once) and, before it, the files it imports."""
        key = self.reader.resolve_file(file)  # each path to a file: which file it reaches matters
        if key in self.seen:
            return
        self.seen.add(key)
        text = self.given.get(key) if key in self.given else self.read(file, shown)
        if text is None:
            return
        self.texts[shown] = text
        rule_file, errors = parse_partial(text, shown)
        self.errors.extend(errors)
        if errors and not self.partial:
            return
        for statement in rule_file.statements:
            if isinstance(statement, Import):
                self.follow(statement, file, shown, (*chain, (key, shown)))
        self.parsed.append(rule_file)

    def follow(self, statement: Import, importer: Path, importer_shown: str, chain: _Chain) -> None:
        """Load an imported file, reporting a missing file or an import cycle."""
        target = importer.parent / statement.path
        shown = os.path.normpath(os.path.join(os.path.dirname(importer_shown), statement.path))
        if statement.library:
            library = self.library(statement)
            if library is None:
                return
            target, shown = library, str(library)
        elif not target.is_file():
            self.at(
                statement.span,
                f"cannot find imported file `{statement.path}`",
                f"looked for {shown}; an import path is relative to the importing file",
            )
            return
        if len(chain) > MAX_IMPORT_DEPTH:  # the files importing, each one level deeper
            self.at(
                statement.span,
                f"imports nest more than {MAX_IMPORT_DEPTH} files deep",
                "import the shared files from one file instead of along a chain",
            )
            return
        keys, key = [key for key, _ in chain], self.reader.where(target)
        if key in keys:
            cycle = [name for _, name in chain[keys.index(key) :]] + [shown]
            self.at(
                statement.span,
                "import cycle: " + " -> ".join(cycle),
                "rule files may not import each other in a circle; remove one import",
            )
            return
        self.load(target, shown, chain)

    def library(self, statement: Import) -> Path | None:
        """The file of a standard module (``std.casualties``), or ``None`` after saying why."""
        target = path_of(statement.path)
        if target is None or not target.is_file():
            self.at(
                statement.span,
                f"unknown module `{statement.path}`",
                did_you_mean(statement.path, available())
                or "crosscheck ships " + ", ".join(f"`{name}`" for name in available()),
            )
            return None
        return target

    def at(self, span: Span, message: str, hint: str | None = None) -> None:
        """Record a problem at a place in a file."""
        self.errors.append(RuleError(span.path, span.line, span.column, message, hint))

    def read(self, file: Path, shown: str) -> str | None:
        """A rule file's text, or ``None`` after recording why it cannot be read."""
        try:
            return read_rule_text(file, self.reader).text
        except RuleTextError as err:
            self.errors.append(RuleError(shown, err.line, err.column, err.message, err.hint))
            return None
