# The two everyday commands: `make export` (the main job) and `make test` (what CI runs).
.PHONY: setup export test validate serve

setup:
	scripts/setup.sh

export: setup
	swift run samverkan export

test:
	scripts/test.sh

serve: setup
	swift run samverkan serve
