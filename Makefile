# Marsad — `make run` builds everything and serves the explorer at
# http://localhost:8080; `make test` runs every test, the headless-browser
# tests included. Both need only Go: the rest is installed or named.

SHELL   := /bin/bash
GO      ?= go
DIST    ?= dist
ADDR    ?= localhost:8080
WASM    := $(DIST)/web/app.wasm
GOFILES := $(shell find app internal -name '*.go' 2>/dev/null)

.PHONY: run build test lint browser-deps axe pagefind go-check bench bench-peers bench-sites eval tune size clean

run: build
	$(GO) run ./app serve -dist $(DIST) -addr $(ADDR)

build: go-check
	rm -rf $(DIST)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(WASM) ./app
	$(GO) run ./app build -dist $(DIST)

# axe-core (npm) checks every view for accessibility in the browser tests.
AXE_VERSION := 4.14.1
AXE_DIR     := build/npm
AXE         := $(AXE_DIR)/node_modules/axe-core/axe.min.js

test: go-check browser-deps axe lint build
	MARSAD_DIST=$(abspath $(DIST)) MARSAD_AXE=$(abspath $(AXE)) $(GO) test -count=1 -timeout 40m ./...

# npm itself, from Debian when it is missing; $(1) says what it is for.
define need-npm
	@command -v npm >/dev/null 2>&1 || { \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's nodejs and npm, for $(1)…"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm || exit 1; \
		elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then \
			sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm || exit 1; \
		else \
			echo "$(1) needs npm: install Node.js with npm (apt-get install nodejs npm)."; exit 1; \
		fi; }
endef

axe: $(AXE)
$(AXE):
	$(call need-npm,axe-core)
	mkdir -p $(AXE_DIR)
	npm install --prefix $(AXE_DIR) --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)
	@test -f $@ || { echo "npm did not install axe-core into $(AXE_DIR)"; exit 1; }

lint: go-check
	@unformatted=$$(gofmt -l $(GOFILES)); if [ -n "$$unformatted" ]; then echo "gofmt wants to change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./internal/...

# Speed and size live in benchmarks, never in timed unit tests. The engine
# benchmarks run on sites built from the shared benchmark corpora (news-70k,
# daesh-news) in $(BENCH_SITES); the slow ones (a bundle build, a browser
# session of 100+ queries) run a few times, the rest six times.
SHARED      ?= ../shared
BENCH_SITES ?= build/bench
BENCH_CORPORA := daesh-news news-70k

bench: go-check browser-deps build bench-sites
	set -o pipefail; { \
	MARSAD_DIST=$(abspath $(DIST)) $(GO) test -run '^$$' -bench . -benchmem -count 6 $$($(GO) list ./internal/... | grep -v -e /search$$) && \
	MARSAD_BENCH_SITES=$(abspath $(BENCH_SITES)) $(GO) test -run '^$$' -bench . -benchmem -benchtime 5x -count 3 ./internal/search && \
	$(GO) test -run '^$$' -bench BundleBuild -benchtime 1x -count 3 ./app && \
	MARSAD_DIST=$(abspath $(DIST)) MARSAD_BENCH_SITES=$(abspath $(BENCH_SITES)) $(GO) test -run '^$$' -bench 'Browser|FirstResult' -benchtime 1x -count 1 -timeout 60m ./app; \
	} 2>&1 | tee bench.txt

# Marsad against Pagefind (npm 'pagefind', the peer static search engine) on
# the same corpus: one headless-browser run over both sites, interleaved,
# prints a table of both and their ratios (see BenchmarkPeers). The Pagefind
# site (the corpus as one page an article, then its index) is rebuilt when the
# corpus or Pagefind's version changes; Marsad's on every run.
CORPUS           ?= $(SHARED)/corpora/news-70k.jsonl.gz
PAGEFIND_VERSION := 1.6.0
PAGEFIND         := $(AXE_DIR)/node_modules/pagefind/package.json
PEERS_DIR        := build/peers/$(basename $(basename $(notdir $(CORPUS))))
PEERS_VISITS     ?= 5
PEERS_MEMORY     ?= 1000

pagefind: $(PAGEFIND)
$(PAGEFIND):
	$(call need-npm,pagefind)
	mkdir -p $(AXE_DIR)
	npm install --prefix $(AXE_DIR) --no-audit --no-fund --loglevel=error pagefind@$(PAGEFIND_VERSION)
	@test -x $(AXE_DIR)/node_modules/.bin/pagefind || { echo "npm did not install pagefind into $(AXE_DIR)"; exit 1; }

$(PEERS_DIR)/pagefind/.built-$(PAGEFIND_VERSION): $(CORPUS) $(PAGEFIND) app/peers.go
	@test -f $(CORPUS) || { echo "make bench-peers needs the corpus $(CORPUS) (set CORPUS=... or SHARED=...)"; exit 1; }
	$(GO) run ./app peer-site -corpus $(CORPUS) -out $(PEERS_DIR)/pagefind
	$(AXE_DIR)/node_modules/.bin/pagefind --site $(PEERS_DIR)/pagefind --force-language ar | tail -4
	touch $@

# Marsad's bundle is indexed again when the corpus or the indexing code changes.
INDEX_INPUTS := $(shell find internal/index internal/arabic internal/ingest internal/corpus internal/entity -type f -not -name '*_test.go' -not -path '*/testdata/*' 2>/dev/null)

$(PEERS_DIR)/bundle/.built: $(CORPUS) $(INDEX_INPUTS)
	@test -f $(CORPUS) || { echo "make bench-peers needs the corpus $(CORPUS) (set CORPUS=... or SHARED=...)"; exit 1; }
	$(GO) run ./app index -corpus $(CORPUS) -out $(PEERS_DIR)/bundle | tail -1
	touch $@

bench-peers: go-check browser-deps build $(PEERS_DIR)/bundle/.built $(PEERS_DIR)/pagefind/.built-$(PAGEFIND_VERSION)
	mkdir -p $(PEERS_DIR)/marsad/web && cp $(WASM) $(PEERS_DIR)/marsad/web/app.wasm
	$(GO) run ./app build -bundle $(PEERS_DIR)/bundle -dist $(PEERS_DIR)/marsad | tail -1
	set -o pipefail; MARSAD_PEERS_MARSAD=$(abspath $(PEERS_DIR)/marsad) MARSAD_PEERS_PAGEFIND=$(abspath $(PEERS_DIR)/pagefind) \
		MARSAD_PEERS_VISITS=$(PEERS_VISITS) MARSAD_PEERS_MEMORY=$(PEERS_MEMORY) \
		$(GO) test -run '^$$' -bench '^BenchmarkPeers$$' -benchtime 1x -count 1 -timeout 90m ./app 2>&1 | tee bench-peers.txt

# The benchmark corpora as sites, rebuilt when the corpus or the app changes.
bench-sites: build
	@test -d $(SHARED)/corpora || { echo "make bench needs the shared benchmark corpora in $(SHARED)/corpora (set SHARED=...)"; exit 1; }
	for c in $(BENCH_CORPORA); do \
		mkdir -p $(BENCH_SITES)/$$c/web && cp $(WASM) $(BENCH_SITES)/$$c/web/app.wasm && \
		$(GO) run ./app build -corpus $(SHARED)/corpora/$$c.jsonl.gz -dist $(BENCH_SITES)/$$c | tail -1 || exit 1; \
	done

# Arabic analysis against the light10 (Lucene) baseline: conflation pairs and
# xquad_r_ar retrieval, both analyzers on the same data in one run.
eval: go-check
	$(GO) run ./app eval -shared ../shared

# The search engine's BM25 k1 and b over a grid, on the xquad_r_ar sentences
# and paragraphs (a few minutes); see search.DefaultRanking.
tune: go-check
	$(GO) run ./app eval -ranking -shared $(SHARED)

# app.wasm as a visitor downloads it: raw and gzipped.
size: build
	@raw=$$(wc -c < $(WASM)); gz=$$(gzip -9 -c $(WASM) | wc -c); \
	echo "app.wasm: $$raw bytes raw, $$gz bytes gzip -9"; \
	ls -l $(DIST)/web/bundle/

go-check:
	@command -v $(GO) >/dev/null 2>&1 || { echo "Marsad needs Go 1.26 or newer: install it from the Go downloads page and put 'go' on PATH."; exit 1; }

# The browser tests drive Debian's chromium; install it when it is missing.
browser-deps:
	@if [ -n "$$CHROMIUM" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the headless-browser tests…"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || exit 1; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the headless-browser tests (sudo)…"; \
		sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || exit 1; \
	else \
		echo "make test needs Chromium for its headless-browser tests."; \
		echo "Install Debian's 'chromium' package (apt-get install chromium), or set CHROMIUM=/path/to/chromium."; \
		exit 1; \
	fi

clean:
	rm -rf $(DIST) build bench.txt bench-peers.txt
