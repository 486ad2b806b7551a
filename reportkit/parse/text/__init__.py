"""Text facts several parse stages share: the body, the title, numerals, list markers, the problems paragraph,
span lookups."""
