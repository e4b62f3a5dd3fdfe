"""The cache under ``.crosscheck/``: one SQLite file and the views kept in it.

``db`` is the file itself (rows sealed under a secret that ``secret`` keeps outside the
cache folder, one generation of crosscheck's code per file, see ``codeid``); ``codec``
encodes claims and reports into rows; ``keys`` says what each cached value depends on;
``claims`` is the typed view of claims per document and reports per evaluation; ``runs``
records whole runs, replayed while their witness holds. Light on purpose: a replayed run
imports ``db``, ``secret``, ``codeid`` and ``runs`` only.
"""
