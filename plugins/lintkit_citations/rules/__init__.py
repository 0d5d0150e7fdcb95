"""The citations rules, one per module."""
