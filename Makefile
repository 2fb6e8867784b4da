# backhabits: `make run` sets everything up and serves the app; `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Development commands run with DEBUG on; production (make serve) needs its own settings.
DEV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

.PHONY: run test install lint format demo superuser serve clean messages messages-check
# The languages besides English (settings.LANGUAGES): each has locale/<code>/LC_MESSAGES/.
LOCALES := es
MESSAGE_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))
# What makemessages reads: our code and templates, never the virtual environment or the tests.
MAKEMESSAGES := $(MANAGE) makemessages $(foreach l,$(LOCALES),--locale $(l)) --no-location \
	--no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' \
	--ignore 'benchmarks/*' --ignore 'build/*' --ignore 'test-artifacts/*'


$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed $(MESSAGE_FILES)

# The compiled catalogues (.mo) are built here, not committed.
locale/%.mo: locale/%.po | $(VENV)/.installed
	msgfmt --check-format -o $@ $<

# After changing a string a person reads: collect every marked string into the catalogues;
# then translate what is new or fuzzy in locale/<code>/LC_MESSAGES/*.po and run `make install`.
messages: $(VENV)/.installed
	$(MAKEMESSAGES)
	$(MAKEMESSAGES) --domain djangojs --ignore 'static/js/vendor/*'
	$(MAKE) install

# CI: fails when a marked string is missing from a catalogue or one it holds is no longer used
# (run `make messages`). tests/test_i18n_catalogues.py fails on an entry untranslated or fuzzy.
messages-check: $(VENV)/.installed
	rm -rf build/locale-before && mkdir -p build && cp -r locale build/locale-before
	$(MAKEMESSAGES) >/dev/null
	$(MAKEMESSAGES) --domain djangojs --ignore 'static/js/vendor/*' >/dev/null
	diff -r -I '^"POT-Creation-Date' -x '*.mo' build/locale-before locale \
		|| (echo "The catalogues are out of date: run 'make messages' and translate." && exit 1)

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
