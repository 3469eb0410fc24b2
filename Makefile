# The two commands a newcomer needs (see README):
#   make sample   rates the sample inbox and writes every output under out/ (PP+ waits for the VSH)
#   make test     runs the whole test suite, the browser and systemd tests, then every fuzz target for 20 s
.PHONY: sample test build release bench deps browser-test

deps:
	@scripts/install-deps.sh

build: deps
	swift build

sample: deps
	scripts/stamp-samples.sh
	swift run pepqa process --backlog SampleInbox

test: deps
	swift test
	swift build --product pepqa
	scripts/browser-test.py .build/debug/pepqa
	scripts/systemd-test.sh .build/debug/pepqa
	scripts/fuzz.sh --smoke

# The real-browser test alone (logs in, overrides, completes QA, runs axe on every page).
browser-test: deps
	swift build --product pepqa
	scripts/browser-test.py .build/debug/pepqa

release: deps
	swift build -c release

bench: deps
	scripts/bench.sh
