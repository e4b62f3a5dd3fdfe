"""Pure text helpers shared by extraction and reporters: sentences and their positions."""
