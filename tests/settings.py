"""The test suite's settings: production's, as a deployment on this machine would set them, so
the tests exercise what runs in production. Only what a test run cannot have is changed here,
from the test side: backhabits/settings.py does not know it is being tested."""

import os
import secrets

# Set outright, not defaulted: a shell's own values for these would change what is tested.
os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
# The test client's host, and the live server the browser tests open.
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
# Tests and the live server speak plain HTTP; there is no TLS in front of them to redirect to.
os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
# Production's DEBUG (off), whatever the shell says: `DJANGO_DEBUG=1` for manage.py in the same
# shell would otherwise turn the fragment caches off under the tests.
os.environ["DJANGO_DEBUG"] = "0"

from backhabits.settings import *  # noqa: F403
