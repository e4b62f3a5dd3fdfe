"""The JSON Schemas (draft 2020-12) of the contracts other tools rely on, shipped in the package.

* ``claims.schema.json``: one line of a claims JSON-lines file, as
  ``crosscheck extract --format jsonl`` writes it and ``crosscheck check --claims FILE``
  reads it;
* ``report.schema.json``: the report ``crosscheck check --format json`` writes;
* ``article.schema.json``: one line of a JSON-lines corpus (a ``.jsonl`` article file);
* ``front-matter.schema.json``: the metadata block at the top of a Markdown or text article;
* ``manifest.schema.json``: a ``manifest.yaml`` giving articles their metadata.

docs/formats.md describes each input with examples that validate against these.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMAS = ("claims", "report", "article", "front-matter", "manifest")


def load_schema(name: str) -> dict[str, Any]:
    """The schema called ``name`` (one of ``SCHEMAS``) as a JSON object."""
    if name not in SCHEMAS:
        raise ValueError(f"no schema called {name!r}; there are: {', '.join(SCHEMAS)}")
    text = resources.files(__name__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
