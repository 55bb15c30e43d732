"""Demo and store-scale data: the French demo store and the benchmark data set."""
