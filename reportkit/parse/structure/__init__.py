"""Document structure: metadata and genre, sections from the numbering, parts, sentences."""
