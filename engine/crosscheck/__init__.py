"""crosscheck: find where news sources disagree on numbers, and cite exactly where."""

__version__ = "0.1.0"
# The same as Homepage under [project.urls] in pyproject.toml (a test compares them).
HOMEPAGE = "https://github.com/crosscheck-dev/crosscheck"

__all__ = ["HOMEPAGE", "__version__"]
