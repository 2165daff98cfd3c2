# The two everyday commands: `make export` (the main job) and `make test` (what CI runs).
# Benchmarks (see BENCHMARKS.md) run release builds: `make bench`, or one of its parts,
# e.g. `make bench-data RECORDS=1000,5000 RUNS=2`.

RECORDS ?= 1000,5000,20000
SHAPES ?= files:500
RUNS ?= 1

.PHONY: setup validate export test serve sanitize bench bench-export bench-queries bench-serve bench-data

setup:
	@scripts/setup.sh

# Staff never fail CI on layout alone: Data/ is put in the committed format first (a file
# that does not parse is left to the build, which names the line and the likely mistake).
# The build prints one line, or each compiler error once with a hint (scripts/quiet-build.sh).
validate: setup
	@swift format -i -r Data 2>/dev/null || true
	@scripts/quiet-build.sh
	@.build/debug/samverkan validate

export: setup
	@swift format -i -r Data 2>/dev/null || true
	@scripts/quiet-build.sh
	@.build/debug/samverkan export

test:
	scripts/test.sh

serve: setup
	swift run samverkan serve

# The tests that touch libical and the server, under AddressSanitizer and then
# ThreadSanitizer, each in its own build folder.
sanitize: setup
	scripts/sanitize.sh

bench: bench-export bench-queries bench-serve bench-data

bench-export:
	scripts/bench-export.sh

bench-queries:
	scripts/bench-queries.sh

bench-serve:
	scripts/bench-serve.sh

bench-data:
	scripts/bench-data-compile.sh --records $(RECORDS) --shapes $(SHAPES) --runs $(RUNS)
