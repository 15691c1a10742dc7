"""Local supervisor for Tsunagu: what `make run` and the cross-service tests use."""
