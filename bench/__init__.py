"""Benchmarks: each builds its own data and prints ratios to baselines, never a pass or fail."""
