"""Commitments: next year's plan split into clauses, classified, with numeric targets."""
