# The front door. `make run` and `make test` install what they need, configure, build and run.

BUILD_DIR ?= build
# `make test` also builds and runs everything with AddressSanitizer and UBSan here.
ASAN_BUILD_DIR ?= build-asan
# `make fuzz`: the libFuzzer targets in fuzz/, built with clang, each run for FUZZ_SECONDS.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
# Warnings are errors in `make test` (and so in CI); WERROR=OFF to look past them locally.
WERROR ?= ON
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FILES ?= examples
SHARED ?= ../shared

# Debian packages: to build, to test, to benchmark. The tests check SARIF output against the
# official schema with python3-jsonschema and XML output with python3's xml.etree; the hook test
# runs the real `pre-commit try-repo` in a temporary git repository; the --diff tests apply
# the diff with `patch`; the language server's editor test drives a headless Neovim (`neovim`).
# WordNet (wordnet-base) gives the build the noun and adjective lists some confused-word
# patterns need. Vale styles are read with libyaml and their patterns run on PCRE2. The
# accuracy benchmark's own test checks planted typos with the hunspell command line (`hunspell`).
# contrib/dask's test runs a local Dask cluster (python3-distributed). Every
# English Hunspell dictionary Debian packages is installed, so that the tests run --lang with
# each.
BUILD_PACKAGES := g++ cmake make pkg-config libhunspell-dev hunspell-en-us hunspell-en-gb \
                  hunspell-en-au hunspell-en-ca hunspell-en-za \
                  libutf8proc-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev libmd4c-dev \
                  libgtest-dev libgumbo-dev libyaml-dev libpcre2-dev python3 python3-jsonschema \
                  pre-commit git wordnet-base patch neovim python3-distributed hunspell
# `make deb`: dpkg-shlibdeps (dpkg-dev) fills in the library Depends, help2man the man page.
DEB_PACKAGES := dpkg-dev help2man
BENCH_PACKAGES := hunspell python3
SPEED_PACKAGES := hunspell python3 libbenchmark-dev
FUZZ_PACKAGES := clang libclang-rt-14-dev
# The language model the confusion sets' n-grams are cut from (`make model` only).
MODEL_PACKAGES := pocketsphinx-en-us
SPHINX_LM ?= /usr/share/pocketsphinx/model/en-us/en-us.lm.bin
LINT_PACKAGES := clang-format clang-tidy
CLANG_FORMAT ?= $(shell command -v clang-format-14 || command -v clang-format)
CLANG_TIDY ?= $(shell command -v clang-tidy-14 || command -v clang-tidy)

# Installs the missing packages among $(1): with apt-get as root, otherwise says what to run.
define ensure_packages
	@command -v dpkg-query >/dev/null || { echo "note: not a Debian system; make sure these are installed: $(1)"; exit 0; }; \
	missing=""; \
	for package in $(1); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "copydesk needs these Debian packages:$$missing"; \
	    echo "Install them with: sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi
endef

.PHONY: all deps build install deb deb-check run test test-release test-asan lint-deps format-check tidy fuzz accuracy \
        bench bench-records model clean

all: build

deps:
	$(call ensure_packages,$(BUILD_PACKAGES))

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Puts the binary where a pre-commit hook or a CI job finds it: $(PREFIX)/bin/copydesk.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# The Debian package, copydesk_<version>_<arch>.deb, in the project root: what writers install
# instead of building (see cmake/packaging.cmake). Configures again so that a build directory
# made before help2man was installed picks it up.
deb: deps
	$(call ensure_packages,$(DEB_PACKAGES))
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)
	cd $(BUILD_DIR) && cpack -G DEB
	cp $(BUILD_DIR)/copydesk_*.deb .

# Installs the package into a fresh Debian 12 root (a chroot without compiler or build
# packages) and blocks a commit through the pre-commit hook there. Needs root and the network
# (apt); slow: see tests/package/fresh-install-check.
deb-check: deb
	tests/package/fresh-install-check copydesk_*.deb

# Lints the sample articles (or FILES=...). Findings are the point here, so exit code 1 is fine.
run: build
	@./$(BUILD_DIR)/copydesk $(FILES); status=$$?; [ $$status -le 1 ] || exit $$status

# The whole suite twice: the release build, then everything built with AddressSanitizer and
# UndefinedBehaviorSanitizer (any finding aborts the test: no recovery, no suppressions). Both
# with -Werror. The sanitized build uses -O1 -g1 (line numbers in reports, about half the
# compile time of -O2 -g) and keeps assert() on. The sanitizers' exit code 86 makes a report in
# the CLI tests' child processes fail them too, rather than pass for an expected exit code 1.
SANITIZER_ENV := ASAN_OPTIONS=exitcode=86:detect_leaks=1:check_initialization_order=1:strict_init_order=1 \
                 UBSAN_OPTIONS=exitcode=86:print_stacktrace=1:halt_on_error=1

test: format-check test-release test-asan

# Checks (never rewrites) that the C++ files are formatted as .clang-format says, except those
# listed in .clang-format-pending. To fix a file: $(CLANG_FORMAT) -i FILE.
# Installs clang-format and clang-tidy. A target of its own because make expands a whole recipe
# before running its first line: $(CLANG_FORMAT) must be looked up after the install.
lint-deps:
	$(call ensure_packages,$(LINT_PACKAGES))

format-check: lint-deps
	@[ -n "$(CLANG_FORMAT)" ] || { echo "format-check: clang-format not found"; exit 2; }
	@git ls-files '*.cpp' '*.hpp' '*.h' | grep -v -x -F -f .clang-format-pending | \
	  xargs $(CLANG_FORMAT) --dry-run --Werror
	@echo "format-check: C++ files formatted (see .clang-format-pending for the exceptions)"

# clang-tidy with the checks in .clang-tidy over the library, the rules and the CLI, using the
# release build's compilation database.
tidy: deps lint-deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
	cmake --build $(BUILD_DIR) -j $(JOBS)
	git ls-files 'linter/src/*.cpp' 'rules/*.cpp' 'linter/cli/*.cpp' | \
	  xargs -P $(JOBS) -n 4 $(CLANG_TIDY) -p $(BUILD_DIR) --quiet

test-release: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DCOPYDESK_WERROR=$(WERROR)
	cmake --build $(BUILD_DIR) -j $(JOBS)
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOPYDESK_SANITIZE=ON \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DCOPYDESK_WERROR=$(WERROR) \
	  -DCOPYDESK_BUILD_BENCHMARKS=OFF
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	$(SANITIZER_ENV) ctest --test-dir $(ASAN_BUILD_DIR) --output-on-failure -j $(JOBS)

# Fuzzing: builds the fuzz targets with clang (-fsanitize=fuzzer,address,undefined) and runs
# each for FUZZ_SECONDS, seeded from the test fixtures. Crash inputs land in
# $(FUZZ_BUILD_DIR)/fuzz-artifacts/; keep each in tests/corpus/fuzz-regressions/ once fixed.
fuzz: deps
	$(call ensure_packages,$(FUZZ_PACKAGES))
	cmake -S . -B $(FUZZ_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DCOPYDESK_BUILD_FUZZERS=ON -DCOPYDESK_BUILD_TESTS=OFF -DCOPYDESK_BUILD_BENCHMARKS=OFF
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) \
	  --target document_fuzzer engine_fuzzer markdown_fuzzer wordset_fuzzer config_fuzzer \
	    fix_fuzzer
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh $(FUZZ_BUILD_DIR)

accuracy: build
	$(call ensure_packages,$(BENCH_PACKAGES))
	python3 bench/accuracy/accuracy.py --copydesk $(BUILD_DIR)/copydesk \
	  --languagetool $(SHARED)/eval/languagetool.jsonl --news $(SHARED)/eval/news --readme README.md \
	  --ewt $(SHARED)/corpora/ud-english-ewt/en_ewt-ud-test.conllu
	python3 bench/accuracy/confusions.py --copydesk $(BUILD_DIR)/copydesk \
	  --ewt $(SHARED)/corpora/ud-english-ewt --news $(SHARED)/eval/news \
	  --sets linter/tools/confusion-sets.txt

# Trains the models in dictionaries/models/ again (commit the result): the part-of-speech tagger
# on the English Web Treebank's train split (accuracy printed for dev and test), the confusion
# sets' n-grams and the spelling suggestions' n-grams cut out of CMU Sphinx's US English
# language model (Debian's pocketsphinx-en-us), then the confusion sets on EWT train and dev,
# MASC, the presidential addresses and WordNet's glosses, all from $(SHARED)/corpora.
# Deterministic: the same corpora give the same bytes.
CORPORA ?= $(SHARED)/corpora
model: deps
	$(call ensure_packages,$(MODEL_PACKAGES))
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS) \
	  --target copydesk_train_tagger copydesk_train_confusions copydesk_extract_ngrams
	./$(BUILD_DIR)/copydesk_train_tagger --train $(CORPORA)/ud-english-ewt/en_ewt-ud-train.conllu \
	  --dev $(CORPORA)/ud-english-ewt/en_ewt-ud-dev.conllu \
	  --test $(CORPORA)/ud-english-ewt/en_ewt-ud-test.conllu \
	  --passes 10 --min-count 2 --out dictionaries/models/pos-tagger.bin
	./$(BUILD_DIR)/copydesk_extract_ngrams --lm $(SPHINX_LM) --sets linter/tools/confusion-sets.txt \
	  --out dictionaries/models/ngrams.bin
	./$(BUILD_DIR)/copydesk_extract_ngrams --lm $(SPHINX_LM) --spelling 250000 \
	  --out dictionaries/models/spelling-ngrams.bin
	./$(BUILD_DIR)/copydesk_train_confusions --sets linter/tools/confusion-sets.txt \
	  --tagger dictionaries/models/pos-tagger.bin --ewt $(CORPORA)/ud-english-ewt \
	  --masc $(CORPORA)/masc-tagged --addresses $(CORPORA)/us-presidential-addresses \
	  --wordnet /usr/share/wordnet --ngrams dictionaries/models/ngrams.bin \
	  --out dictionaries/models/confusion-sets.bin
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Speed: whole-process timings against `hunspell -l`, and the micro-benchmarks. Configures
# again so that a build directory made before libbenchmark-dev was installed picks it up.
bench: deps
	$(call ensure_packages,$(SPEED_PACKAGES))
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)
	python3 bench/speed/bench.py --copydesk $(BUILD_DIR)/copydesk --news $(SHARED)/eval/news \
	  --micro $(BUILD_DIR)/bench/micro/copydesk_micro_benchmarks

# Batch records (issue #24): records per second on one process and on a local Dask cluster, and
# the cost from 10,000 to 1,000,000 records (bench/README.md). Generated from $(CORPORA).
bench-records: build
	/usr/bin/python3 bench/batch/records_bench.py --copydesk $(BUILD_DIR)/copydesk \
	  --corpora $(CORPORA) --records 100000 --scaling 10000,100000,1000000

clean:
	rm -rf $(BUILD_DIR) $(ASAN_BUILD_DIR) $(FUZZ_BUILD_DIR)
