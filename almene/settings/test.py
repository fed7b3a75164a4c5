"""Fast, isolated settings for the test suite.

DATABASE_URL and REDIS_URL are still honoured, so that CI runs the same suite against
PostgreSQL and Redis.
"""

import os
import tempfile

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The test run is one process: without REDIS_URL its in-process cache is the only one.
os.environ.setdefault("SINGLE_PROCESS", "1")

from .base import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="almene-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="almene-test-static-"))
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Serve static files straight from the source folders, as the browser tests need CSS.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
if REDIS_URL:
    # Each test run gets its own key space, so parallel runs never see each other's entries.
    CACHES["default"]["KEY_PREFIX"] = f"almene-test-{os.getpid()}"
LOGGING["root"]["level"] = "WARNING"
# Pages are built for each request in tests; tests of the page cache switch it on.
PAGE_CACHE_SECONDS = 0
# Tasks run at once, in the test's own process and transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than memory: the newsletter's tests run senders in processes of their
    # own (tests/test_newsletter_sending.py), which must see the test's database.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.mkdtemp(prefix="almene-test-db-")) / "test.sqlite3")
    }
# The browser tests' live server shows the pictures too (offline copies keep them).
SERVE_MEDIA = True
