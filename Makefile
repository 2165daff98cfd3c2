# Benchmarks (see BENCHMARKS.md). Each runs the release build of samverkan-bench.
# Override the sizes with e.g. `make bench-data RECORDS=1000,5000 RUNS=2`.

RECORDS ?= 1000,5000,20000
SHAPES ?= files:500
RUNS ?= 1

.PHONY: bench bench-data

bench: bench-data

bench-data:
	scripts/bench-data-compile.sh --records $(RECORDS) --shapes $(SHAPES) --runs $(RUNS)
