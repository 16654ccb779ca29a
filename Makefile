# Attain: two commands for a newcomer on a fresh Debian machine with the Swift toolchain.
#   make demo   installs what is missing, builds in release mode, runs the main job on bundled data
#   make test   installs what is missing and runs the whole test suite
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps demo test build bench bench-check bench-update readme fuzz test-sanitize clean

## Install the Debian packages the numerical core links against, when missing.
deps:
	@if ! dpkg -s libopenblas-dev liblapacke-dev pkg-config >/dev/null 2>&1; then \
	  echo "installing libopenblas-dev liblapacke-dev pkg-config"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopenblas-dev liblapacke-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build -c release

demo: build
	.build/release/attain demo

## The notebooks run the release binary (the M3 evaluation would be slow in debug).
test: build
	ATTAIN_BIN_DIR=$(CURDIR)/.build/release $(SWIFT) test --disable-xctest

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark

## Allocation-count gate used by CI (the only metric stable on these machines).
bench-check: deps
	cd Benchmarks && ATTAIN_BENCH_GATE=1 $(SWIFT) package benchmark thresholds check

bench-update: deps
	cd Benchmarks && ATTAIN_BENCH_GATE=1 $(SWIFT) package --allow-writing-to-package-directory benchmark thresholds update

clean:
	rm -rf .build Benchmarks/.build

## Regenerate the README's CLI reference from `attain --help` (checked by the test suite).
readme: build
	ATTAIN_UPDATE_README=1 ATTAIN_BIN_DIR=$(CURDIR)/.build/release $(SWIFT) test --disable-xctest --filter CLIReferenceTests
