# The two commands a new user needs: `make serve` and `make test`. Each installs what it needs first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PLAYGROUND := playground/node_modules/.package-lock.json
HTTP_AUDIT := tests/http_audit/node_modules/.package-lock.json

.PHONY: serve test install playground http-audit neo4j clean

serve: install playground
	$(BIN)/partnergraph serve

test: install playground http-audit
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

playground: $(PLAYGROUND)

$(PLAYGROUND): playground/package.json playground/package-lock.json
	npm ci --prefix playground --no-audit --no-fund --loglevel=error

# The graphql-http server audit tests/test_http_audit.py runs against the live gateway (Node.js).
http-audit: $(HTTP_AUDIT)

$(HTTP_AUDIT): tests/http_audit/package.json tests/http_audit/package-lock.json
	npm ci --prefix tests/http_audit --no-audit --no-fund --loglevel=error

# Optional: fetch the pinned Neo4j jars now (`partnergraph db start` does it on first use).
neo4j: install
	$(BIN)/partnergraph db start

clean:
	rm -rf $(VENV) playground/node_modules tests/http_audit/node_modules

# Benchmarks (docs/BENCHMARKS.md): a dedicated Neo4j seeded with BENCH_PARTNERS partners when empty, the
# gateway under uvicorn, Q1–Q6 through HTTP beside their floor; results in bench/results/.
BENCH_PARTNERS ?= 50000
.PHONY: bench bench-scaling bench-stalls bench-outage bench-subscriptions bench-workers

bench: install
	$(BIN)/python -m bench.run --partners $(BENCH_PARTNERS)

# Also Q1 and Q4 on a 5,000-partner channel, with the ratio of latencies BENCH_PARTNERS / 5,000.
bench-scaling: install
	$(BIN)/python -m bench.run --partners $(BENCH_PARTNERS) --scaling

# Hostile requests that once held the event loop (the stall cases), against the gateway under uvicorn over a
# throwaway Neo4j with the demo data:
# time to answer each hostile request, and the delay it causes a concurrent plain request.
bench-stalls: install
	$(BIN)/python -m bench.stalls

# What clients see while a throwaway local Neo4j is SIGKILLed and started again: request and /readyz times while
# down, and how soon the same gateway serves again.
bench-outage: install
	$(BIN)/python -m bench.outage

# `serve --workers 1` and `--workers 2` on the bench channel: Q1 and Q4 throughput at 16 beside the floor.
bench-workers: install
	$(BIN)/python -m bench.workers --partners $(BENCH_PARTNERS)

# 100 GraphQL subscribers on a throwaway Neo4j with the demo data: latency from a write's commit to each event
# (through the same gateway, and through another one heard of by polling) and events per second under a burst.
bench-subscriptions: install
	$(BIN)/python -m bench.subscriptions
