# koppel: `make demo` and `make test` on a machine where only python3 is present.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= koppel-demo.db
DEMO_STUDENTS ?= 1200
DEMO_PROJECT ?= $(basename $(DEMO_DB)).koppel
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install browser demo test lint typecheck security benchmark clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	$(BIN)/python -m compileall -q src >/dev/null
	touch $@

install: $(VENV)/.installed

# The browser tests drive Debian's chromium (never a downloaded browser).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests ..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "WARNING: /usr/bin/chromium is missing and cannot be installed here: the browser tests will be SKIPPED."; \
	fi

# The demo school, and next to it a scheduler's project with differences (koppel connect).
demo: install
	rm -f $(DEMO_PROJECT)
	$(BIN)/koppel --database sqlite:///$(DEMO_DB) demo --students $(DEMO_STUDENTS) --replace \
		--project $(DEMO_PROJECT) --portal-url http://$(HOST):$(PORT)
	$(BIN)/koppel --database sqlite:///$(DEMO_DB) serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks

typecheck: install
	$(BIN)/mypy src

# bandit over src (reviewed skips in pyproject.toml [tool.bandit]) and pip-audit of uv.lock
# (skipped with a WARNING where no vulnerability service answers).
security: install
	@echo "bandit over src ..."
	@# bandit warns that an f-string's parts carry a reviewed nosec without a finding: noise
	@$(BIN)/bandit -q -c pyproject.toml -r src 2>$(VENV)/bandit.stderr; status=$$?; \
		grep -v 'but no failed test' $(VENV)/bandit.stderr >&2; exit $$status
	@UV=$(UV) BIN=$(BIN) bash scripts/audit-dependencies.sh

test: lint typecheck security browser
	@bash scripts/ensure-postgres.sh
	$(BIN)/pytest -n 2 --durations=15

benchmark: install
	$(BIN)/python benchmarks/demo_generation.py
	$(BIN)/python benchmarks/sign_in_flood.py

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .ruff_cache .pytest_cache
