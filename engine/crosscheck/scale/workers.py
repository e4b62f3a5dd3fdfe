"""What a worker process builds once per rule set: the rule set itself and its extractor.

The rule set travels to workers as pickled bytes with a hash of them (``Shipped``); a
worker unpickles it and compiles its extractor on first use and keeps both, keyed by
that hash, for every later task of the same run.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosscheck.dsl.ast import RuleSet

if TYPE_CHECKING:
    from crosscheck.extract import Extractor

_RULESETS: dict[str, RuleSet] = {}
_EXTRACTORS: dict[str, Extractor] = {}
_BUILDS: dict[str, int] = {}


@dataclass(frozen=True)
class Shipped:
    """A rule set as it travels to workers: its pickled bytes and their hash."""

    key: str
    data: bytes

    def ruleset(self) -> RuleSet:
        """The rule set, unpickled once per process."""
        found = _RULESETS.get(self.key)
        if found is None:
            found = _RULESETS[self.key] = pickle.loads(self.data)
        return found

    def extractor(self) -> Extractor:
        """The rule set's extractor, built once per process."""
        found = _EXTRACTORS.get(self.key)
        if found is None:
            from crosscheck.extract import Extractor

            found = _EXTRACTORS[self.key] = Extractor(self.ruleset())
            _BUILDS[self.key] = _BUILDS.get(self.key, 0) + 1
        return found


def ship(ruleset: RuleSet) -> Shipped:
    """The rule set ready to send to workers."""
    data = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
    return Shipped(hashlib.sha256(data).hexdigest(), data)


def builds(key: str) -> int:
    """How many times this process built the extractor of the rule set ``key``."""
    return _BUILDS.get(key, 0)
