"""Configuration: ``[tool.crosscheck]`` in ``pyproject.toml`` or ``crosscheck.toml``.

``discover`` finds the file (upward from the working folder, as ruff does) and reads
its table; ``settings`` validates it and merges it with the command line's options,
recording where each setting came from; ``positions`` finds a key's line and column in
the file's text, for errors. Only ``discover`` touches the file system.
"""
