"""A Dask client: connected to a running scheduler, or to a local cluster started for
the run (``workers`` processes of one thread each: extraction and evaluation are pure
Python, so processes, not threads, run them side by side)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster


@contextmanager
def connected(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (``tcp://host:8786``), or of a local
    cluster of ``workers`` processes that is closed on exit."""
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: 8787 may be another cluster's
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client
