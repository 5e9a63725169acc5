"""`datalake bench`: the performance benchmarks on full-size data, side by side with baselines."""
