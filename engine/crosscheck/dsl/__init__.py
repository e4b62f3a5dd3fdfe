"""The rule language: grammar, parser with friendly errors, checker and printer.

``parse`` turns text into a ``RuleFile``; ``build_ruleset`` checks parsed files
and resolves their names into a ``RuleSet``; ``format_rules`` prints a
``RuleFile`` back in canonical form. Reading files from disk (and following
imports) is ``crosscheck.rulefiles.load_rules``.
"""

from crosscheck.dsl.check import build_ruleset
from crosscheck.dsl.errors import RuleError, RuleFileError
from crosscheck.dsl.parser import parse
from crosscheck.dsl.printer import format_rules

__all__ = ["RuleError", "RuleFileError", "build_ruleset", "format_rules", "parse"]
