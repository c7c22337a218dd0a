# Sterklabel: `make run` serves the system, `make test` runs every test. Both install what is missing.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= 2
WERROR := $(if $(CI),ON,OFF)
PORT ?= 8080
DB ?= sqlite:data/sterklabel.db
# When the system's Node.js is too old for the web app (Debian 12's is 18), scripts/ensure-node.sh
# (run by `deps`) unpacks a project-local one in $(TOOLS_DIR); its bin/ comes first on PATH for
# everything below: npm, the web build, CMake and CTest's web and API tests.
TOOLS_DIR ?= $(CURDIR)/.tools
export STERK_TOOLS_DIR := $(TOOLS_DIR)
export PATH := $(TOOLS_DIR)/bin:$(PATH)

.PHONY: all deps build web test run clean bench fuzz

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DSTERK_WERROR=$(WERROR)

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

# node_modules is refreshed whenever the lockfile changes.
web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund && touch node_modules/.installed

web: deps web/node_modules/.installed
	cd web && npm run build

test: build web
	cd $(BUILD_DIR) && ctest --output-on-failure -j 1

run: build web
	@bash scripts/run.sh "$(DB)" "$(PORT)"

bench: build
	@bash scripts/bench.sh

# The libFuzzer harnesses (tests/fuzz, built with clang in $(BUILD_DIR)/fuzz), each run for
# FUZZ_SECONDS over its stored corpus; `make test` runs them briefly as fuzz_smoke.
FUZZ_SECONDS ?= 300
fuzz: deps
	@bash tests/fuzz/run.sh $(CURDIR)/$(BUILD_DIR)/fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD_DIR)
