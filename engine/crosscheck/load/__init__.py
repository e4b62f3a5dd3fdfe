"""Reading articles and claims from disk: the only part of crosscheck that opens input files.

``load`` streams ``Document`` records from files and folders, ``claims`` reads a
claims file written by another pipeline; both report bad input as ``LoadError``
records instead of raising.
"""
