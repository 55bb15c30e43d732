"""Benchmarks (`make bench`): they measure and print; they never pass or fail a build."""
