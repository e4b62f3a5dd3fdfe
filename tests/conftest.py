"""Hypothesis profiles for the whole suite (docs/testing-your-rules.md).

* ``dev`` (the default): few examples, for a quick run while working;
* ``ci``: enough examples to mean something, derandomized so that a run is
  reproducible, no example database; chosen when ``CI`` is set (as CI services do);
* ``thorough``: many examples, for a nightly run.

``HYPOTHESIS_PROFILE=NAME`` (or ``pytest --hypothesis-profile NAME``) picks one.
Tests that set their own ``max_examples`` keep it.

Every test session also gets a private cache secret (see ``_private_cache_secret``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

_SLOW = [HealthCheck.too_slow]

settings.register_profile("dev", max_examples=20, deadline=None, suppress_health_check=_SLOW)
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=_SLOW,
)
settings.register_profile("thorough", max_examples=2000, deadline=None, suppress_health_check=_SLOW)

_DEFAULT = "ci" if os.environ.get("CI", "").lower() not in ("", "0", "false", "no") else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _DEFAULT))


@pytest.fixture(autouse=True, scope="session")
def _private_cache_secret(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The cache's secret key (``cache.secret``) made under a temporary folder, never in
    the home of whoever runs the tests; processes the tests start inherit it."""
    saved = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "CROSSCHECK_CACHE_KEY")}
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    os.environ.pop("CROSSCHECK_CACHE_KEY", None)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
