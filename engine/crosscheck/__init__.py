"""crosscheck: find where news sources disagree on numbers, and cite exactly where."""

__version__ = "0.1.0"

__all__ = ["__version__"]
