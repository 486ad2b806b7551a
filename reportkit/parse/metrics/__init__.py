"""Metrics: numbers with units, qualifiers, labels, stated changes, frames; Chinese and English."""
