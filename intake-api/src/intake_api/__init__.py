"""intake-api: consultations, triage, anonymous reports, referrals in."""
