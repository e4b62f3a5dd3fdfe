"""Pure text helpers shared by extraction, the linter and reporters.

``segment`` finds sentences and maps offsets to lines and columns; ``phrases`` is the one
rule for comparing phrases (the extractor matches by it, the linter compares by it);
``escape`` makes text from an input safe to print (control characters as escapes).
"""
