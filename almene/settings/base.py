"""Settings for every environment, read from environment variables.

Development (``DEBUG=1``) works with no configuration at all: SQLite under ``var/``, the
in-process cache and media served by Django. With ``DEBUG`` off the settings refuse to start
without a ``SECRET_KEY`` and ``ALLOWED_HOSTS``, so a production server never runs on defaults.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from almene.media import ObjectStore, media_origins

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 for development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set (a comma-separated list of host names).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "almene.apps.NewsroomAdminConfig",  # Django's admin, opening on the desk
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",  # search lookups on PostgreSQL; harmless on SQLite
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    "reversion",
    "axes",
    "csp",
    "articles",
    "newsroom",
    "corrections",
    "goals",
    "newsletter",
    "accountability",
    "quotecheck",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # Outermost: text answers gzipped for the browsers that accept it (almene/middleware.py).
    "almene.middleware.TextCompressionMiddleware",
    # Outermost: serves stored public pages, headers and all, to visitors with no cookies of
    # ours, and stores the pages the views mark once every header is on (articles/caching.py).
    "articles.caching.pages.PageCacheMiddleware",
    # While the database is away: a page's last good copy or a Danish 503, never a 500
    # (almene/outage.py; its handler500 in almene/urls.py catches the rest).
    "almene.outage.DatabaseOutageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "almene.security.SiteCSPMiddleware",
    "almene.security.PermissionsPolicyMiddleware",
    # A NUL in the address is a 400 (PostgreSQL text cannot hold one): after the middleware
    # that only add headers, so the 400 carries them, and before anything reads the request.
    "almene.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "articles.middleware.ReadingListMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "almene.urls"
WSGI_APPLICATION = "almene.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "almene.context_processors.site",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (postgres://user@host:5432/name).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing for a file database, and WAL lets the development
    # server read while a seed or a test writes.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (production), otherwise the in-process cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "articles.caching.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "almene",
            # Short timeouts: a Redis that does not answer must not hold up a page (the site
            # then serves without the cache, see articles/caching.py).
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Without Redis each process keeps its own cache and its own content version: an edit
    # would retire cached pages, fragments and remembered values only in the process that
    # made it, and the other workers would go on serving the old ones (switching the page
    # cache off does not help: fragments and remembered values are cached the same way).
    # Production must not run like that by accident; one process may, when it says so.
    if not DEBUG and not env_bool("SINGLE_PROCESS"):
        raise ImproperlyConfigured(
            "REDIS_URL is not set. With DEBUG off, every process needs the same cache: set "
            "REDIS_URL, or set SINGLE_PROCESS=1 if exactly one process serves the site "
            "(gunicorn then runs a single worker)."
        )
# Rendered parts of pages that are the same for every reader, in each process's memory (no
# round trip) and, with Redis, shared between processes behind it: their keys carry the
# content version, so a change retires them everywhere (articles/caching.py).
CACHES["fragments"] = {
    "BACKEND": (
        "articles.caching.fragments.SharedFragmentCache"
        if REDIS_URL
        else "articles.caching.fragments.FragmentCache"
    ),
    "LOCATION": "fragments",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# Background work: django-tasks, the backport of Django 6's tasks framework, with its
# database backend (django-tasks-db): newsletters and their confirmation mails are sent by a
# worker of its own, `manage.py task_worker`, from a queue kept in PostgreSQL (no broker to
# run). With DEBUG on, tasks run at once in the process that asks, so `make run` needs no
# worker (TASKS_IMMEDIATE=1 does the same in production, for a site without one).
if DEBUG or env_bool("TASKS_IMMEDIATE"):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The newsletter's digest: due once a week, on this weekday (0 = Monday) from this hour
# (Danish time); an address may ask for this many confirmation mails an hour, a client
# (IP address) this many.
NEWSLETTER_WEEKDAY = int(os.environ.get("NEWSLETTER_WEEKDAY", "4"))
NEWSLETTER_HOUR = int(os.environ.get("NEWSLETTER_HOUR", "7"))
NEWSLETTER_MAILS_PER_ADDRESS = int(os.environ.get("NEWSLETTER_MAILS_PER_ADDRESS", "3"))
NEWSLETTER_MAILS_PER_CLIENT = int(os.environ.get("NEWSLETTER_MAILS_PER_CLIENT", "10"))
# Proxies on this host whose X-Forwarded-For names the client (for the limit per client).
NEWSLETTER_TRUSTED_PROXIES = env_list("NEWSLETTER_TRUSTED_PROXIES", "127.0.0.1,::1")

# Requests for a genmæle (accountability/): one client (IP address) may send this many an
# hour, and this many may give one e-mail address (each is a row on the desk and a receipt).
GENMAELE_REQUESTS_PER_CLIENT = int(os.environ.get("GENMAELE_REQUESTS_PER_CLIENT", "5"))
GENMAELE_REQUESTS_PER_ADDRESS = int(os.environ.get("GENMAELE_REQUESTS_PER_ADDRESS", "3"))

# Quote checks (quotecheck/): a client (IP address) that asks for this many links under
# /citattjek/ that do not exist in an hour is answered 429 for the rest of the hour.
QUOTECHECK_WRONG_TOKENS_PER_CLIENT = int(os.environ.get("QUOTECHECK_WRONG_TOKENS_PER_CLIENT", "20"))

# Sessions in the database with a copy in the cache: a logged-in reader's public pages are
# filled from the page cache without a query (articles/caching/pages.py). Django's own
# cached_db fails the request when Redis does not answer, and a session ended while Redis
# was away could come back with it; this one does neither (articles/caching/sessions.py).
SESSION_ENGINE = "articles.caching.sessions"

AUTHENTICATION_BACKENDS = [
    # First: refuses to even check a password while an account and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Throttled admin logins (django-axes): after AXES_FAILURE_LIMIT failed attempts for the same
# account from the same address, that combination is locked out for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Failed attempts counted in the database, not in the cache: a login must work while Redis
# is away, and a lockout must not be forgotten with it.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
# The newsroom's corrections to Django's own Danish (locale/da): found before Django's.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
# Danish formats that differ from Django's (almene/formats/da/formats.py).
FORMAT_MODULE_PATH = ["almene.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media in an S3-compatible bucket that every app server shares, when AWS_STORAGE_BUCKET_NAME
# is set (with AWS_S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_S3_REGION_NAME,
# AWS_S3_CUSTOM_DOMAIN): pages then link pictures at the bucket's (or its CDN's) address, and
# no app server writes media to its own disk (almene/media.py, almene/storage.py).
OBJECT_STORE = ObjectStore.from_environment(os.environ)
if OBJECT_STORE is not None:
    STORAGES["default"] = OBJECT_STORE.storage()
    MEDIA_URL = OBJECT_STORE.media_url
# An uploaded picture is kept in memory while it is checked and stored, never in a temporary
# file on the server's disk: its checks read it whole anyway (at most 20 MB, articles/uploads.py).
FILE_UPLOAD_MAX_MEMORY_SIZE = 21 * 1024 * 1024

# Tags: our own slugs (æ → ae, ø → oe, å → aa) and a tag table joined by a real foreign key.
TAGGIT_CASE_INSENSITIVE = True

SITE_NAME = "Almene Nyheder"

# Public pages for visitors without a reading list are the same for all of them: Django's
# cache keeps them whole for PAGE_CACHE_SECONDS (0 switches that off, e.g. to measure), and
# browsers and shared caches may keep them for PUBLIC_CACHE_SECONDS (articles/caching.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
# How many retired pages the whole site rebuilds at once while their last copies can be
# given (articles/caching/pages.py): below the number of workers, so that a takedown,
# which retires every page, leaves workers free for readers.
PAGE_REBUILDS_AT_ONCE = int(os.environ.get("PAGE_REBUILDS_AT_ONCE", "2"))
# How long an article's page may show other articles as they were (its "Læs også" and "Fik
# du læst disse?" cards, the author's latest article, the number of articles) after they
# changed: a publication then rebuilds the pages that list it at once, and each article page
# at most this often, one at a time (articles/caching/pages.py, ``freshness``). The article
# itself, and anything taken down, shows at once.
ARTICLE_PAGE_LAG_SECONDS = int(os.environ.get("ARTICLE_PAGE_LAG_SECONDS", "300"))

# What a reader's browser may keep of their reading list for offline reading (the service
# worker, articles/offline.py): the oldest added leave first. A typical article with its
# picture is about 40 KB (README.md, "Offline and on paper").
OFFLINE_COPIES_MAX_BYTES = int(os.environ.get("OFFLINE_COPIES_MAX_BYTES", 50 * 1024 * 1024))
# Anonymous reading lists not used for this many days are deleted by `purge_readers`.
READING_LIST_PURGE_DAYS = int(os.environ.get("READING_LIST_PURGE_DAYS", "400"))

# The site's address as readers reach it (scheme and host, no trailing slash), for links in
# mail: mails are written outside any request's knowledge of the host.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Mail to the newsroom (newsroom/notifications.py), through Django's mail framework and its own
# setting names. Development without EMAIL_HOST prints mails on the console. Otherwise SMTP,
# with DEBUG off even without EMAIL_HOST (then localhost:25, Django's default): a mail that
# cannot be sent stays queued and `send_editorial_mail` sends it later, so none is lost.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not EMAIL_HOST
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")  # STARTTLS, usually port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")  # TLS from the start, usually port 465
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
# Seconds: a mail server that does not answer must not hold up an editor's request for long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Almene Nyheder <redaktion@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)


# Security: production behind a TLS-terminating reverse proxy.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Content-Security-Policy (django-csp): only the site's own files; no inline script or style.
# The admin adds its editor's import map by hash (almene/security.py).
_SELF = "'self'"
# Media on another host (the bucket, its CDN) must be allowed too: as pictures, and for the
# service worker, which fetches a saved article's picture to keep it offline.
_MEDIA_ORIGIN = media_origins(MEDIA_URL)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:", *_MEDIA_ORIGIN],
        "font-src": [_SELF],
        "connect-src": [_SELF, *_MEDIA_ORIGIN],
        "form-action": [_SELF],
        "frame-ancestors": ["'none'"],
        "base-uri": [_SELF],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO", "propagate": True},
    },
}
