"""gunicorn settings for production: `gunicorn almene.wsgi` reads this file from the working
directory. Each setting can be changed in the environment."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are CPU-bound Python with short database calls. Two per core keeps
# the cores busy while one worker waits for PostgreSQL or Redis.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
if os.environ.get("SINGLE_PROCESS", "").strip().lower() in {"1", "true", "yes", "on"}:
    # No shared cache (no REDIS_URL): more workers would each keep their own cached pages
    # and miss each other's edits (almene/settings/base.py).
    workers = 1
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Load the application before forking, so workers share its memory and start fast.
preload_app = True
# Recycle workers now and then, so that no slow leak can grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# Behind a reverse proxy on the same host: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The control socket (gunicornc) in the service's own runtime folder under systemd
# (RuntimeDirectory=, deploy/systemd/almene-web.service): gunicorn's default is one path per
# user (~/.gunicorn/gunicorn.ctl), which a second server on the machine would take over.
if os.environ.get("RUNTIME_DIRECTORY"):
    control_socket = os.path.join(os.environ["RUNTIME_DIRECTORY"].split(":")[0], "gunicorn.ctl")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def post_fork(server, worker):
    # Connections opened while preloading must not be shared between processes.
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()


def pre_fork(server, worker):
    # Everything the preloaded application made is long-lived: move it out of the garbage
    # collector's sight, so that a worker's collections scan only what its requests made
    # (shorter pauses, and shared memory pages stay shared instead of being copied).
    gc.freeze()
