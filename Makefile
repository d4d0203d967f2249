# The front door. `make run` and `make test` install what they need, configure, build and run.

BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FILES ?= examples
SHARED ?= ../shared

# Debian packages: to build, to test, to benchmark.
BUILD_PACKAGES := g++ cmake make pkg-config libhunspell-dev hunspell-en-us hunspell-en-gb \
                  libutf8proc-dev libcli11-dev nlohmann-json3-dev libgtest-dev
BENCH_PACKAGES := hunspell python3
SPEED_PACKAGES := hunspell python3 libbenchmark-dev

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

.PHONY: all deps build run test accuracy bench clean

all: build

deps:
	$(call ensure_packages,$(BUILD_PACKAGES))

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Lints the sample articles (or FILES=...). Findings are the point here, so exit code 1 is fine.
run: build
	@./$(BUILD_DIR)/copydesk $(FILES); status=$$?; [ $$status -le 1 ] || exit $$status

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

accuracy: build
	$(call ensure_packages,$(BENCH_PACKAGES))
	python3 bench/accuracy/accuracy.py --copydesk $(BUILD_DIR)/copydesk \
	  --languagetool $(SHARED)/eval/languagetool.jsonl --news $(SHARED)/eval/news --readme README.md

# Speed: whole-process timings against `hunspell -l`, and the micro-benchmarks. Configures
# again so that a build directory made before libbenchmark-dev was installed picks it up.
bench: deps
	$(call ensure_packages,$(SPEED_PACKAGES))
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)
	python3 bench/speed/bench.py --copydesk $(BUILD_DIR)/copydesk --news $(SHARED)/eval/news \
	  --micro $(BUILD_DIR)/bench/micro/copydesk_micro_benchmarks

clean:
	rm -rf $(BUILD_DIR)
