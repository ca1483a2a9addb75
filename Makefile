# pamong: `make run` starts a demo regency on SQLite; `make test` runs every check.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
export PAMONG_DATA_DIR ?= $(CURDIR)/var
# The demo regency's name, printed on its certificates and reports.
export PAMONG_REGENCY_NAME ?= Kabupaten Wiratama
PROD_ENV := PAMONG_DEBUG=0 PAMONG_SECRET_KEY=check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -dc A-Za-z0-9) \
            PAMONG_ALLOWED_HOSTS=pamong.example.go.id DJANGO_SETTINGS_MODULE=pamong.settings
PYTEST_WORKERS ?= 2

.PHONY: run test venv lint typecheck checks test-sqlite test-postgres test-e2e messages bench clean

venv: $(VENV)/.synced
$(VENV)/.synced: pyproject.toml uv.lock scripts/bootstrap.sh
	scripts/bootstrap.sh $(VENV)
	@touch $@

messages: venv
	PAMONG_DEBUG=1 $(PY) manage.py compilemessages -v0 --ignore=.venv --ignore=var --ignore=node_modules

run: venv messages
	PAMONG_DEBUG=1 $(PY) manage.py migrate -v0
	PAMONG_DEBUG=1 $(PY) manage.py createcachetable
	PAMONG_DEBUG=1 $(PY) manage.py demo --if-empty
	PAMONG_DEBUG=1 $(PY) manage.py learning demo
	PAMONG_DEBUG=1 $(PY) manage.py ipasn measure --year $$(($$(date +%Y)-1))
	PAMONG_DEBUG=1 $(PY) manage.py ipasn measure --year $$(date +%Y)
	PAMONG_DEBUG=1 $(PY) manage.py monev demo --if-empty
	PAMONG_DEBUG=1 $(PY) manage.py serve --port 8000

lint: venv
	$(PY) -m ruff format --check pamong bench
	$(PY) -m ruff check pamong bench

typecheck: venv
	$(PY) -m mypy pamong
	$(VENV)/bin/lint-imports

checks: venv messages
	$(PY) manage.py makemigrations --check --dry-run -v0 --settings=pamong.test_settings
	env $(PROD_ENV) $(PY) manage.py check --deploy --fail-level WARNING

test-sqlite: venv messages
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) -m "not e2e"

test-postgres: venv messages
	url=$$(scripts/pgtest.sh start) && PAMONG_DATABASE_URL=$$url $(PY) -m pytest -q -n $(PYTEST_WORKERS) -m "not e2e"; \
	  status=$$?; scripts/pgtest.sh stop; exit $$status

test-e2e: venv messages
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -q -m e2e -p no:randomly

test: lint typecheck checks test-sqlite test-postgres test-e2e

bench: venv
	$(PY) bench/run_all.py

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
