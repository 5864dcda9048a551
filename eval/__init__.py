"""Measurement of every stage against the gold sets in eval/data."""
