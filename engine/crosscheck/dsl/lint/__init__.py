"""``crosscheck lint``'s checks of rule files: the registry, the context they read, the checks.

``linter`` runs every registered check and applies ``# lint: ignore[...]`` comments;
``rules`` and ``phrases`` hold the checks of rules and of phrase lists; ``context`` what
they all read.
"""

from crosscheck.dsl.lint.linter import CHECKS, CODES, Check, lint

__all__ = ["CHECKS", "CODES", "Check", "lint"]
