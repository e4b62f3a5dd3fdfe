"""The rule language: grammar, parser with friendly errors, checker and printer.

``parse`` turns text into a ``RuleFile``; ``build_ruleset`` checks parsed files
and resolves their names into a ``RuleSet``; ``format_rules`` prints a
``RuleFile`` back in canonical form. Reading files from disk (and following
imports) is ``crosscheck.load.rules.load_rules``.
"""

from crosscheck.dsl.errors import RuleError, RuleFileError
from crosscheck.dsl.parser import parse
from crosscheck.dsl.printer import format_rules
from crosscheck.dsl.validate import build_ruleset

__all__ = ["RuleError", "RuleFileError", "build_ruleset", "format_rules", "parse"]
