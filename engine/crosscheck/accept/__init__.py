"""Accepting known violations: ``waive`` statements in rule files and baseline files.

``waivers`` applies a rule file's waivers for a given day (and says over which days the
result holds); ``baseline`` reads, writes and applies ``--baseline`` files.
"""
