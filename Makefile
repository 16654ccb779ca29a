# Attain: two commands for a newcomer on a fresh Debian machine with the Swift toolchain.
#   make demo   installs what is missing, builds in release mode, runs the main job on bundled data
#   make test   installs what is missing and runs the whole test suite
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps demo test build bench bench-check bench-update docs readme fuzz fuzz-build fuzz-csv fuzz-scenario test-sanitize clean cpu-flags

## Vector code for the machine: on x86-64 CPUs with AVX2 and FMA (read from /proc/cpuinfo) the Swift
## code is compiled for that level (`-target-cpu haswell`, i.e. x86-64-v3) and the Monte Carlo kernels
## use fused multiply-adds (ATTAIN_FMA). ATTAIN_PORTABLE=1 builds for the baseline x86-64 instead.
ifeq ($(ATTAIN_PORTABLE),)
CPU_FLAGS := $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo && \
  echo -Xswiftc -target-cpu -Xswiftc haswell -Xswiftc -DATTAIN_FMA)
endif

## Install the Debian packages the numerical core links against, when missing.
deps:
	@if ! dpkg -s libopenblas-dev liblapacke-dev pkg-config >/dev/null 2>&1; then \
	  echo "installing libopenblas-dev liblapacke-dev pkg-config"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopenblas-dev liblapacke-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build -c release $(CPU_FLAGS)

## Prints the compiler flags `make build` uses on this machine (for scripts that build by themselves).
cpu-flags:
	@echo $(CPU_FLAGS)

demo: build
	.build/release/attain demo

## The notebooks run the release binary (the M3 evaluation would be slow in debug).
## ATTAIN_CHROMIUM_TEST=1: the demo report is rendered in headless Chromium (installed with apt-get
## when missing; a missing browser that cannot be installed fails the run).
test: build
	ATTAIN_CHROMIUM_TEST=1 ATTAIN_BIN_DIR=$(CURDIR)/.build/release $(SWIFT) test --disable-xctest $(CPU_FLAGS)

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark

## Allocation-count gate used by CI (the only metric stable on these machines).
bench-check: deps
	cd Benchmarks && ATTAIN_BENCH_GATE=1 $(SWIFT) package benchmark thresholds check

bench-update: deps
	cd Benchmarks && ATTAIN_BENCH_GATE=1 $(SWIFT) package --allow-writing-to-package-directory benchmark thresholds update

## libFuzzer on the CSV readers and the scenario-file reader (Fuzz/ is a separate package), each for
## FUZZ_SECONDS (600 by default): `make fuzz` runs both, `make fuzz-csv` / `make fuzz-scenario` one.
## CSV seeds: every file of Tests/Fixtures/{bad,edge} behind two option-selector bytes; scenario seeds:
## every file of Tests/Fixtures/{bad,edge}-scenarios behind a horizon byte (see Fuzz/README.md).
## Findings are written to Fuzz/findings/ (crash-*, oom-*, timeout-*; scenario ones prefixed scenario-).
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 1
FUZZ_FLAGS = -max_total_time=$(FUZZ_SECONDS) -jobs=$(FUZZ_JOBS) -workers=$(FUZZ_JOBS) -max_len=4096 \
  -rss_limit_mb=2048 -print_final_stats=1
fuzz: fuzz-csv fuzz-scenario

fuzz-build: deps
	cd Fuzz && $(SWIFT) build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz-csv: fuzz-build
	rm -rf Fuzz/.seeds && mkdir -p Fuzz/.seeds Fuzz/.corpus Fuzz/findings
	for f in Tests/Fixtures/bad/*.csv Tests/Fixtures/edge/*.csv; do \
	  b=$$(basename $$f); { printf '\000'; cat $$f; } > Fuzz/.seeds/$$b; { printf '\010'; cat $$f; } > Fuzz/.seeds/fill-$$b; \
	done
	cd Fuzz && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 .build/debug/CSVFuzzer \
	  $(FUZZ_FLAGS) -artifact_prefix=findings/ .corpus .seeds

fuzz-scenario: fuzz-build
	rm -rf Fuzz/.seeds-scenario && mkdir -p Fuzz/.seeds-scenario Fuzz/.corpus-scenario Fuzz/findings
	for f in Tests/Fixtures/bad-scenarios/*.json Tests/Fixtures/edge-scenarios/*.json; do \
	  b=$$(basename $$f); { printf '\006'; cat $$f; } > Fuzz/.seeds-scenario/$$b; { printf '\000'; cat $$f; } > Fuzz/.seeds-scenario/any-$$b; \
	done
	cd Fuzz && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 .build/debug/ScenarioFuzzer \
	  $(FUZZ_FLAGS) -dict=scenario.dict -artifact_prefix=findings/scenario- .corpus-scenario .seeds-scenario

## The test suite under AddressSanitizer (LeakSanitizer included), then ThreadSanitizer, in separate
## scratch paths so the normal .build stays intact; the CLI tests run the sanitized `attain` too.
## UndefinedBehaviorSanitizer is not run: swiftc 6.3 on Linux rejects `-sanitize=undefined` ("unsupported
## option for target x86_64-unknown-linux-gnu"), Swift itself traps on integer overflow, out-of-bounds
## access and exclusivity violations in debug builds (the ones sanitized here), and the package has no C
## sources for `-Xcc -fsanitize=undefined` to instrument (CLAPACK is headers only).
## SANITIZE_FILTER= narrows the suites (default: all); SANITIZE_SKIP= leaves suites out (default: the
## notebooks, which run the whole M3 evaluation and take hours with a sanitized debug `attain`).
SANITIZE_FILTER ?=
SANITIZE_SKIP ?= NotebookTests
test-sanitize: deps
	$(SWIFT) build --scratch-path .build-asan -Xswiftc -sanitize=address
	ATTAIN_BIN_DIR=$(CURDIR)/.build-asan/debug SWIFT_BACKTRACE=enable=no \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan-suppressions.txt:print_suppressions=0 $(SWIFT) test --disable-xctest \
	  --scratch-path .build-asan -Xswiftc -sanitize=address $(if $(SANITIZE_FILTER),--filter '$(SANITIZE_FILTER)') \
	  $(if $(SANITIZE_SKIP),--skip '$(SANITIZE_SKIP)')
	$(SWIFT) build --scratch-path .build-tsan -Xswiftc -sanitize=thread
	ATTAIN_BIN_DIR=$(CURDIR)/.build-tsan/debug SWIFT_BACKTRACE=enable=no TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test \
	  --disable-xctest --scratch-path .build-tsan -Xswiftc -sanitize=thread $(if $(SANITIZE_FILTER),--filter '$(SANITIZE_FILTER)') \
	  $(if $(SANITIZE_SKIP),--skip '$(SANITIZE_SKIP)')

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build .build-asan .build-tsan

## Regenerate the CLI reference docs/cli.md from `attain --help` (checked by the test suite).
docs: build
	ATTAIN_UPDATE_DOCS=1 ATTAIN_BIN_DIR=$(CURDIR)/.build/release $(SWIFT) test --disable-xctest $(CPU_FLAGS) --filter CLIReferenceTests

## The former name of `make docs`.
readme: docs
