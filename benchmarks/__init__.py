"""Benchmarks of the kit's builds (`make bench`); not installed with the kit."""
