"""Sending the report upward: the submission file, its verification, the aimag's consolidation."""
