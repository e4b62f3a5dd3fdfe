"""Evaluation over claims held as columns (numpy arrays), not an object per claim.

The contract between the modules of this package (pure: no I/O, no printing):

* ``table.ClaimColumns``: one row per claim (how to build one from Parquet: its module
  docstring); ``ClaimColumns.from_claims(claims)`` for records; ``table.claim(row)``
  makes the ``Claim`` record of a row, only for the rows a finding or a skip cites.
* ``evaluate.evaluate_columns(ruleset, table, *, cite=DEFAULT_CITE) -> evaluate.Outcome``:
  the findings and skipped claims ``crosscheck.evaluate.evaluate(ruleset, claims)`` gives
  for the table's claims, equal record for record and in the same order
  (docs/semantics.md §10.6 says how they are found).
* Rule kinds decided on columns: agreements, comparisons between two single measures,
  ``nondecreasing over time`` (``pairwise``). A rule kind written elsewhere plugs in as
  ``Kernel = Callable[[Rule, Rows], list[Finding] | None]`` (None: not handled, the rule
  goes to the record path), where ``Rows`` gives the table, the rows the rule may read
  and records for cited rows.
"""
