"""Tsunagu service kit: the plumbing every service shares, and no domain logic."""
