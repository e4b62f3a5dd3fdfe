"""The file system, as crosscheck touches it: one reader, atomic writes, real paths, stamps.

``reader.FileReader`` is the one door loaders read, list and probe through; it notes
what it saw, and ``witness`` turns that into a record a later run can test to replay an
unchanged run. ``atomic`` writes outputs by one atomic replace, ``realpath`` resolves
paths without raising, ``stamp`` tells when a file last changed, ``pathtext`` makes
file names that are not UTF-8 writable. Light on purpose: the replay path imports it.
"""
