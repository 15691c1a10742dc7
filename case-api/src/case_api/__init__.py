"""case-api: persons, households, cases, records, plans, consent, safety checks, agencies."""
