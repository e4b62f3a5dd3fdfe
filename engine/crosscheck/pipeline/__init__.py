"""The check pipeline: a corpus's claims gathered, evaluated, and the report made.

``gather`` collects claims from articles (through the cache) or from a claims file;
``parallel`` extracts documents in worker processes; ``evaluation`` runs the rules over
the gathered claims, or recalls the same evaluation's report from the cache.
"""
