# Tsunagu: `make run` starts everything, `make test` tests everything.
# Both install what is missing first (Python 3.11 venv, npm packages, the SPA build).

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PARTS := services intake-api case-api meeting-api gateway deploy
PY_SOURCES := $(shell find $(PARTS) -name pyproject.toml)
SPA_SOURCES := $(shell find frontend/src -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/tsconfig.json

.PHONY: install run test test-fast lint bench bench-load openapi backup restore compose-env clean

install: $(VENV)/.installed frontend/dist/index.html

$(VENV)/.installed: requirements.lock $(PY_SOURCES)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps $(addprefix -e ,$(PARTS))
	touch $@

frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(SPA_SOURCES)
	cd frontend && npm run --silent build

run: install
	$(PY) -m tsunagu_local.run

test: install
	bash deploy/ensure-chromium.sh
	bash deploy/ensure-compose-tools.sh
	bash deploy/ensure-deploy-tools.sh
	cd frontend && npm run --silent test
	$(PY) -m tsunagu_local.test_runner -n 2 --dist loadgroup --durations=25

# Service tests only (no processes, no browser): the quick loop while coding.
test-fast: $(VENV)/.installed
	$(PY) -m tsunagu_local.test_runner services intake-api/tests case-api/tests meeting-api/tests gateway/tests

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	cd frontend && npm run --silent typecheck

bench: install
	$(PY) tests/bench/case_search.py
	$(PY) tests/bench/statistics.py

# A busy morning through the gateway (wrk), and the gateway beside nginx and a direct call.
bench-load: install
	bash deploy/ensure-bench-tools.sh
	$(PY) tests/bench/load.py

# Regenerate the SPA's typed client from the gateway's merged OpenAPI.
openapi: $(VENV)/.installed
	TSUNAGU_DEMO_MODE=1 $(PY) -m gateway.openapi_dump frontend/openapi.json
	cd frontend && npm run --silent gen:api

# Every service's database (pg_dump, custom format) into var/backups/<UTC time>/, and back into a
# fresh server: `make restore` takes the newest, `make restore FROM=var/backups/...` a given one.
backup: $(VENV)/.installed
	$(PY) -m tsunagu_local.backups create

restore: $(VENV)/.installed
	$(PY) -m tsunagu_local.backups restore $(if $(FROM),--from $(FROM))

# The secrets for deploy/compose (0600; never overwritten). `make compose-env DEMO=1` for the demo data.
deploy/compose/.env:
	$(PYTHON) deploy/compose/make_env.py $(if $(DEMO),--demo) $@

compose-env: deploy/compose/.env

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var
