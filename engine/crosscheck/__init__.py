"""crosscheck: find where news sources disagree on numbers, and cite exactly where.

The names below are the stable Python API (docs/python-api.md says what that promises).
They are imported on first use, so that ``import crosscheck`` stays cheap: the command
line starts with it, and a replayed check imports almost nothing else.
"""

# Not typing.TYPE_CHECKING: importing typing would double the cost of `import crosscheck`.
TYPE_CHECKING = False

__version__ = "0.1.0"
# The same as Homepage under [project.urls] in pyproject.toml (a test compares them).
HOMEPAGE = "https://github.com/crosscheck-dev/crosscheck"

if TYPE_CHECKING:
    from typing import Any

    from crosscheck.accept.baseline import BaselineError as BaselineError
    from crosscheck.api import check as check
    from crosscheck.api import extract as extract
    from crosscheck.api import load_rules as load_rules
    from crosscheck.dsl.ast import RuleSet as RuleSet
    from crosscheck.dsl.errors import RuleError as RuleError
    from crosscheck.dsl.errors import RuleFileError as RuleFileError
    from crosscheck.interval import Interval as Interval
    from crosscheck.load.errors import InputError as InputError
    from crosscheck.load.errors import InputWarning as InputWarning
    from crosscheck.load.errors import LoadError as LoadError
    from crosscheck.model import AsOf as AsOf
    from crosscheck.model import Cited as Cited
    from crosscheck.model import Claim as Claim
    from crosscheck.model import Document as Document
    from crosscheck.model import Finding as Finding
    from crosscheck.model import FindingKind as FindingKind
    from crosscheck.model import Report as Report
    from crosscheck.model import Severity as Severity
    from crosscheck.model import Skipped as Skipped
    from crosscheck.model import Violation as Violation

# Each public name and the module it comes from.
_EXPORTS = {
    "check": "crosscheck.api",
    "load_rules": "crosscheck.api",
    "BaselineError": "crosscheck.accept.baseline",
    "RuleSet": "crosscheck.dsl.ast",
    "RuleError": "crosscheck.dsl.errors",
    "RuleFileError": "crosscheck.dsl.errors",
    "Interval": "crosscheck.interval",
    "InputError": "crosscheck.load.errors",
    "InputWarning": "crosscheck.load.errors",
    "LoadError": "crosscheck.load.errors",
    **dict.fromkeys(
        (
            "AsOf",
            "Cited",
            "Claim",
            "Document",
            "Finding",
            "FindingKind",
            "Report",
            "Severity",
            "Skipped",
            "Violation",
        ),
        "crosscheck.model",
    ),
}

__all__ = ["HOMEPAGE", "__version__", "extract", *_EXPORTS]


def __getattr__(name: str) -> "Any":
    from importlib import import_module

    if name == "extract":
        # The subpackage crosscheck.extract, which is callable as crosscheck.api.extract.
        return import_module("crosscheck.extract")
    if name not in _EXPORTS:
        raise AttributeError(f"module 'crosscheck' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__} - {"TYPE_CHECKING"})
