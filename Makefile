# plainpitch: `make demo` runs the main job on a bundled example; `make test` runs the whole test suite.
# Both build the virtual environment from nothing (pinned by requirements.lock).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared
export PLAINPITCH_SHARED := $(abspath $(SHARED))

.PHONY: demo test bench eval lint docs browser postgres clean venv fuzz

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[dev]'
	$(PY) scripts/wheelhouse.py $(VENV)/wheelhouse  # what the offline install tests install from
	touch $(STAMP)

demo: $(STAMP)
	@echo "== plainpitch check examples/cold-email.txt examples/landing-page.md"
	@$(VENV)/bin/plainpitch check examples/cold-email.txt examples/landing-page.md; rc=$$?; [ $$rc -le 1 ] || exit $$rc

# Debian's Chromium for the editor's browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: chromium missing and not root; browser tests will be skipped"; fi; }

# Debian's PostgreSQL server for the history tests. The tests run it themselves (tests/pg_cluster.py: a throw-away
# cluster in a temporary folder, a free port, a non-root user) and stop it at the end; the package's own "main"
# cluster is not created, so nothing is left running.
postgres:
	@command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    mkdir -p /etc/postgresql-common/createcluster.d && \
	    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/plainpitch-tests.conf && \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || \
	    echo "WARNING: could not install postgresql; the PostgreSQL history tests will be SKIPPED"; \
	  else echo "WARNING: postgresql missing and not root; the PostgreSQL history tests will be SKIPPED"; fi; }

# make test: every test but the judgement measurements (marked eval: make eval runs them with the eval scripts),
# with one throw-away PostgreSQL server for the history tests.
test: $(STAMP) browser postgres
	$(PY) tests/pg_cluster.py run -- $(PY) -m pytest -n 2 -p no:cacheprovider -m "not eval"

# A longer fuzzing campaign over every loader and the analysis (tests/test_fuzz.py; `make test` runs a small budget).
# FUZZ_EXAMPLES sets the examples per property (default 3000).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -p no:cacheprovider -q tests/test_fuzz.py tests/test_fuzz_regressions.py

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts
	$(VENV)/bin/lint-imports --no-logo --no-cache

docs: $(STAMP)
	$(VENV)/bin/plainpitch docs --out docs/rules
	$(PY) -m plainpitch.profile_docs

bench: $(STAMP)
	$(PY) scripts/bench.py

# The eval tests assert the targets; the figures are written whether or not they are met (a miss still fails).
eval: $(STAMP)
	$(PY) -m pytest -n 2 -p no:cacheprovider -m eval; rc=$$?; $(PY) scripts/eval.py || exit 1; exit $$rc

clean:
	rm -rf $(VENV) build dist src/*.egg-info
