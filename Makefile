# The two commands a newcomer needs (see README):
#   make sample   rates the sample inbox, writes every output under out/, closes a PP+ run
#   make test     runs the whole test suite
.PHONY: sample test build release bench deps

deps:
	@scripts/install-deps.sh

build: deps
	swift build

sample: deps
	scripts/stamp-samples.sh
	swift run pepqa process SampleInbox
	swift run pepqa finance close

test: deps
	swift test

release: deps
	swift build -c release

bench: deps
	scripts/bench.sh
