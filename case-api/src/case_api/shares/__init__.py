"""Sharing a case with a user or an agency: explicit, revocable grants."""
