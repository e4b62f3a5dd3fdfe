"""Numeric claims from text: numbers, hedges, ranges and units, bound to a rule set's measures.

from crosscheck.extract import Extractor
claims = Extractor(ruleset).claims(document)

The package is also callable: ``crosscheck.extract(inputs, rules=...)`` is the Python
API's ``crosscheck.api.extract``, which reads and extracts files (docs/python-api.md).
"""

import sys
from types import ModuleType
from typing import Any

from crosscheck.extract.pipeline import Extractor
from crosscheck.extract.records import Decision, Mention, NotQuantity

__all__ = ["Decision", "Extractor", "Mention", "NotQuantity"]


class _CallablePackage(ModuleType):
    # Importing any of this package's modules makes it the attribute `crosscheck.extract`,
    # in place of whatever function stood there: so the package itself is the function.
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from crosscheck.api import extract  # reads files: only the API's callers need it

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
