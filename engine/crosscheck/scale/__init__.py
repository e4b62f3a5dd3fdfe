"""crosscheck past one machine: extraction and evaluation on Dask distributed.

Extraction is a map over documents (``extract``); evaluation shuffles claims by each
rule's group (``groups``) and runs crosscheck's own evaluator on each group
(``evaluate``), so its findings are the single-process run's. ``frames`` converts
between claims and table rows (the Parquet columns of ``load.parquet``), ``workers``
holds what a worker process builds once per rule set, and ``cluster`` connects to a
scheduler or starts a local cluster. The Python entry point is ``check_frame``
(docs/scale.md); ``pip install 'crosscheck-news[scale]'`` brings Dask and pyarrow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosscheck.scale.api import check_frame as check_frame

__all__ = ["check_frame"]


def __getattr__(name: str) -> Any:
    if name == "check_frame":  # Dask is imported on first use, not with the package
        from crosscheck.scale.api import check_frame

        return check_frame
    raise AttributeError(name)
