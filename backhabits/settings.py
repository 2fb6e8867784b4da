"""backhabits settings: everything that differs between machines comes from the environment."""

import datetime as dt
import json
import os
import zoneinfo
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# DEBUG on is development (`make run`); everything else, the test suite included
# (tests/settings.py), runs with production's settings.

# A fixed development key keeps `make run` zero-configuration; production must set its own.
DEV_SECRET_KEY = "dev-only-insecure-key-backhabits-change-me-in-production-0123456789"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = DEV_SECRET_KEY
if not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY == DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY to a random value of 50+ characters (production refuses to start "
        "without one), or set DJANGO_DEBUG=1 for development."
    )

# Behind a TLS-terminating load balancer: trust its X-Forwarded-Proto and X-Forwarded-For.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS (comma-separated host names).")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "csp",
    "django_countries",
    "sri",
    "tracker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "backhabits.compression.PageCompressionMiddleware",
    "tracker.middleware.RefuseNulBytesMiddleware",
    "tracker.middleware.IgnoreInvalidSessionKeyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tracker.middleware.KeptPagesLeaveCsrfCookieMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "tracker.middleware.AuthenticationMiddleware",
    "tracker.middleware.PersonLanguageMiddleware",
    "tracker.middleware.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tracker.middleware.SessionGenerationMiddleware",
    "tracker.middleware.UserTimezoneMiddleware",
    "tracker.middleware.HtmxLoginRedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "tracker.middleware.RequestPlaceMiddleware",
]

ROOT_URLCONF = "backhabits.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "tracker.context_processors.csrf",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tracker.context_processors.daily_reminder",
                "tracker.context_processors.care_lines",
            ],
            # `{% url %}` reversing each URL once per process (tracker/links.py), and
            # `{% extends %}` finding a parent's blocks once per compiled template.
            "builtins": [
                "tracker.templatetags.remembered_urls",
                "tracker.templatetags.blocks_once",
            ],
        },
    },
]

WSGI_APPLICATION = "backhabits.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Behind a pooler in transaction mode (PgBouncer's pool_mode=transaction), consecutive queries of
# one connection may reach different server connections: a server-side cursor (QuerySet.iterator)
# or a prepared statement made on one would be missing on the next, so both are turned off.
if env_bool("DJANGO_DB_TRANSACTION_POOLER", False):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend, converting queries to SQLite's placeholders faster.
    DATABASES["default"]["ENGINE"] = "backhabits.sqlite_backend"
    # WAL and a busy timeout let concurrent requests (e.g. two water taps) wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2 first; older PBKDF2 hashes still verify and are upgraded at the next log-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "tracker.accounts.auth_backends.UsernameOrEmailBackend",
]
# Login throttling: 5 failures for one username, or from one address, lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("BACKHABITS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(
    minutes=int(os.environ.get("BACKHABITS_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success must not wipe failures recorded against other usernames from the same address.
AXES_RESET_ON_SUCCESS = False
AXES_USERNAME_CALLABLE = "tracker.accounts.auth_backends.throttling_username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The same page, saying when to try again (Retry-After), as every 429 does.
AXES_LOCKOUT_CALLABLE = "tracker.throttling.lockout_response"
AXES_VERBOSE = False
# Wrong current passwords in settings count too (tracker.accounts.lifecycle); never store any
# password.
AXES_SENSITIVE_PARAMETERS = [
    "username", "ip_address", "old_password", "new_password1", "new_password2",
    "password1", "password2",
]  # fmt: skip
# Behind a load balancer (DJANGO_BEHIND_PROXY=1) the address comes from X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "tracker.accounts.auth_backends.client_ip"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "tracker:home"
LOGOUT_REDIRECT_URL = "tracker:home"

LANGUAGE_CODE = "en"
# The languages a person can choose (Settings), and the first one from the browser's
# Accept-Language until they do (tracker.middleware.PersonLanguageMiddleware). To add one, see the
# README's "Adding a language".
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("BACKHABITS_DEFAULT_TIMEZONE", "UTC")
if TIME_ZONE not in zoneinfo.available_timezones():
    raise ImproperlyConfigured(
        f"BACKHABITS_DEFAULT_TIMEZONE {TIME_ZONE!r} is not a known time zone."
    )
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "backhabits <noreply@localhost>")

# Care advice follows each person's country (tracker.care.countries). Where a person's country
# has no table of its own, the emergency number is this one (112 works across the EU and on most
# mobile phones). New accounts whose browser's time zone does not name one country get the default
# country ("" leaves it unset, which shows the general advice).
BACKHABITS_EMERGENCY_NUMBER = os.environ.get("BACKHABITS_EMERGENCY_NUMBER", "112")
BACKHABITS_DEFAULT_COUNTRY = os.environ.get("BACKHABITS_DEFAULT_COUNTRY", "").strip().upper()
if BACKHABITS_DEFAULT_COUNTRY and not (
    len(BACKHABITS_DEFAULT_COUNTRY) == 2 and BACKHABITS_DEFAULT_COUNTRY.isalpha()
):
    raise ImproperlyConfigured(
        "BACKHABITS_DEFAULT_COUNTRY must be a two-letter ISO 3166 code such as GB, or empty."
    )

# Daily reminders: Web Push keys (`python manage.py generate_vapid_keys` makes a pair) and the
# address used in links inside reminder e-mails.
BACKHABITS_VAPID_PUBLIC_KEY = os.environ.get("BACKHABITS_VAPID_PUBLIC_KEY", "")
BACKHABITS_VAPID_PRIVATE_KEY = os.environ.get("BACKHABITS_VAPID_PRIVATE_KEY", "")
# `make run` makes a development key pair once, in this git-ignored file, so notifications work
# at http://127.0.0.1:8000. Only DEBUG reads it: production takes keys from the environment.
DEV_VAPID_KEYS_FILE = Path(
    os.environ.get("BACKHABITS_DEV_VAPID_KEYS_FILE", BASE_DIR / ".dev-vapid-keys.json")
)
if DEBUG and not BACKHABITS_VAPID_PRIVATE_KEY and DEV_VAPID_KEYS_FILE.exists():
    _dev_keys = json.loads(DEV_VAPID_KEYS_FILE.read_text())
    BACKHABITS_VAPID_PUBLIC_KEY, BACKHABITS_VAPID_PRIVATE_KEY = (
        _dev_keys["public"],
        _dev_keys["private"],
    )
BACKHABITS_VAPID_SUBJECT = os.environ.get("BACKHABITS_VAPID_SUBJECT", "mailto:admin@localhost")
BACKHABITS_BASE_URL = os.environ.get("BACKHABITS_BASE_URL", "http://127.0.0.1:8000")
# The only hosts a push reminder is ever sent to: the browsers' push services (Chrome and Edge
# through FCM, Firefox, Safari, Windows). An operator may add more, comma-separated;
# "*.example.com" allows that domain's subdomains. Everything else is refused.
BACKHABITS_PUSH_SERVICE_HOSTS = [
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    "*.push.apple.com",
    "*.notify.windows.com",
    *env_list("BACKHABITS_EXTRA_PUSH_SERVICE_HOSTS", ""),
]
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "10"))

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Drawn trend charts, keyed by a digest of the data they show (tracker/trends/dashboard.py).
    # Kept in each process's own memory, even with Redis: health data does not travel to a shared
    # cache, and a restart or deploy starts afresh. At most ~300 fragments of up to ~200 KB.
    # Off on the development server, where a template being edited would otherwise show its
    # old output until the fragment expired.
    "fragments": {
        # Kept as the very strings, not pickled copies (backhabits/text_cache.py).
        "BACKEND": "django.core.cache.backends.dummy.DummyCache"
        if DEBUG
        else "backhabits.text_cache.TextInMemoryCache",
        "LOCATION": "backhabits-fragments",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 300},
    },
    # Each person's tips for the day (tracker/guide/day_choice.py), keyed by a digest of everything
    # that chose them, and home's "Tips for you" drawn from them (tracker/guide/tip_cards.py).
    # In each process's own memory for the same reason as the charts (the reasons quote a
    # person's figures). About 2 KB and 3 KB (3 tips); the oldest go first when full.
    "tips": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "backhabits-tips",
        "TIMEOUT": 26 * 3600,  # a local day at most: a new day is a new key anyway
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
# Django's database sessions, the row read with one plain query (tracker/accounts/sessions/).
SESSION_ENGINE = "tracker.accounts.sessions.db"
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Several app processes or hosts share sessions and cache through Redis; the database
    # stays the source of truth for sessions (cached_db), so a Redis restart logs no one out.
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }
    SESSION_ENGINE = "tracker.accounts.sessions.cached_db"

# Importing a file (Settings -> Import, tracker/imports/): it is read within the request, in
# memory (never a temporary file on disk: it is health data), and refused past these limits.
# 5 MB holds decades of days with notes; the row limit bounds the work a file can ask for.
IMPORT_MAX_BYTES = int(os.environ.get("BACKHABITS_IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
# Ten years of days and a little over. Confirming writes each day and runs its red-flag check
# (about 2.6 ms a day, benchmarks/bench_import.py), so a full file confirms in about 10 s, well
# inside gunicorn's 30 s worker timeout; 10,000 days would come close to it.
IMPORT_MAX_ROWS = int(os.environ.get("BACKHABITS_IMPORT_MAX_ROWS", "4000"))
FILE_UPLOAD_HANDLERS = ["tracker.imports.uploads.BoundedMemoryUploadHandler"]

SESSION_COOKIE_AGE = int(os.environ.get("BACKHABITS_SESSION_DAYS", "14")) * 24 * 3600
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    # Production is served over HTTPS. Behind a TLS-terminating load balancer, set
    # DJANGO_BEHIND_PROXY=1 so Django trusts its X-Forwarded-Proto header.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = False

# No inline script or style anywhere: every script and stylesheet is a file we serve. Nothing is
# allowed by default; each kind of resource the app uses is listed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Our scripts and stylesheet carry Subresource Integrity hashes (django-sri, from the files
# whitenoise serves), so a file altered on its way or on disk is refused by the browser.
SRI_ALGORITHM = "sha384"

# Browser features the app never uses are switched off for it and for anything it might embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone",
        "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip

# Logs carry the method, path and status, never request bodies, form values or notes.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_request_data": {"()": "tracker.log_filters.DropRequestData"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_request_data"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # The development server's request lines, through the same filter (share tokens).
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# The CPU each request took, in a Server-Timing header (backhabits/server_timing.py): for the
# load test, off otherwise.
if env_bool("BACKHABITS_SERVER_TIMING", False):
    MIDDLEWARE.insert(0, "backhabits.server_timing.ServerTimingMiddleware")
