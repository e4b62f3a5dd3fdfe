"""``crosscheck test``: fixture tests written beside rule files (docs/rule-tests.md).

Three jobs, a module each: ``parse`` reads a test file (the only I/O here),
``run`` extracts each test's articles and evaluates the rules, ``coverage`` says which
rules the tests pin down.
"""

from crosscheck.ruletests.coverage import Coverage, coverage
from crosscheck.ruletests.parse import (
    OK,
    Article,
    Named,
    RuleTest,
    RuleTestFile,
    RuleTestFileError,
    load_test_file,
    parse_test_file,
)
from crosscheck.ruletests.run import RuleTestResult, check_names, documents_of, run_test

__all__ = [
    "OK",
    "Article",
    "Coverage",
    "Named",
    "RuleTest",
    "RuleTestFile",
    "RuleTestFileError",
    "RuleTestResult",
    "check_names",
    "coverage",
    "documents_of",
    "load_test_file",
    "parse_test_file",
    "run_test",
]
