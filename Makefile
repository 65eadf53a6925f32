SHELL := /bin/bash
# Fagu — offline-first sync for Shanghai's community legal advisers.
#
#   make demo    install what a fresh machine lacks, build, run a hub and three devices end to end
#   make load    tools/load: 500 devices syncing at once against one hub (release build)
#   make test    install what a fresh machine lacks, build, run every test
#   make bench   tools/bench core (release build)
#   make dist    tools/dist: fagu, fagu-hub, fagu-doctor with the Swift runtime linked in, as a tarball
#
# Set FAGU_PROPERTY_SCHEDULES to run more seeded sync schedules than CI's 1,000.

SWIFT ?= swift

.PHONY: demo test deps build bench load dist clean

demo: deps
	tools/demo

deps:
	@tools/install-deps

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) test 2>&1 | tee .test-output.log; status=$${PIPESTATUS[0]}; \
	  tail -n 1 .test-output.log | grep -q "passed" || status=1; rm -f .test-output.log; exit $$status

bench: deps
	tools/bench core
	tools/bench wire

load: deps
	tools/load

dist: deps
	tools/dist

clean:
	rm -rf .build .build-dist dist
