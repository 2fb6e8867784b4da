# backhabits: `make run` sets everything up and serves the app; `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Development commands run with DEBUG on; production (make serve) needs its own settings.
DEV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

.PHONY: run test install lint format demo superuser serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

run: install
	$(DEV) $(MANAGE) generate_vapid_keys --dev-file
	$(DEV) $(MANAGE) migrate --noinput
	$(DEV) $(MANAGE) load_content
	$(DEV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(DEV) $(MANAGE) runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

demo: install
	$(DEV) $(MANAGE) migrate --noinput
	$(DEV) $(MANAGE) seed_demo

superuser: install
	$(DEV) $(MANAGE) createsuperuser

# Production server: gunicorn + whitenoise on 127.0.0.1:8000 against DATABASE_URL.
# Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (see the README).
serve: install
	$(MANAGE) check --deploy --fail-level WARNING
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn backhabits.wsgi --config backhabits/gunicorn.conf.py \
		--bind $${BIND:-127.0.0.1:8000} --workers $${WORKERS:-3} \
		--access-logfile - --logger-class backhabits.gunicorn_logging.RedactingLogger \
		--forwarded-allow-ips $${FORWARDED_ALLOW_IPS:-127.0.0.1}

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
