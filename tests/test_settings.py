"""Configuration from the environment, production safety and the real cache backend."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

ROOT = Path(__file__).resolve().parent.parent


# Settings the test run itself sets, which a fresh process must not inherit.
TEST_ONLY_ENVIRONMENT = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SINGLE_PROCESS",
    "REDIS_URL",
}
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-key-" + "k3x9" * 10,
    "ALLOWED_HOSTS": "almene.example.org",
}


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENVIRONMENT}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="0", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", DEBUG="0", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_deploy_check_is_clean_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    """Each worker would keep its own cache and content version, and an edit would reach
    only the worker that made it (issue 11)."""
    result = run_manage("check", **PRODUCTION)
    assert result.returncode != 0
    assert "REDIS_URL is not set" in result.stderr
    # Page cache off is not enough: fragments and remembered values are per process too.
    result = run_manage("check", **PRODUCTION, PAGE_CACHE_SECONDS="0")
    assert result.returncode != 0
    # One process, said explicitly, may run without Redis.
    assert run_manage("check", **PRODUCTION, SINGLE_PROCESS="1").returncode == 0


def test_a_single_process_site_runs_one_gunicorn_worker():
    config = {}
    source = (ROOT / "gunicorn.conf.py").read_text()
    environment = dict(os.environ)
    try:
        os.environ["SINGLE_PROCESS"] = "1"
        os.environ["WEB_CONCURRENCY"] = "8"
        exec(compile(source, "gunicorn.conf.py", "exec"), config)
    finally:
        os.environ.clear()
        os.environ.update(environment)
    assert config["workers"] == 1


def test_gunicorn_keeps_its_control_socket_in_the_units_runtime_folder(monkeypatch):
    """Under systemd (RuntimeDirectory=, deploy/systemd/almene-web.service) the control socket
    is the service's own: gunicorn's default, one per user, is taken over by a second server
    on the machine (make cluster runs two). Without it, gunicorn's default stands."""
    source = (ROOT / "gunicorn.conf.py").read_text()
    monkeypatch.setenv("RUNTIME_DIRECTORY", "/run/almene-web")
    config = {}
    exec(compile(source, "gunicorn.conf.py", "exec"), config)
    assert config["control_socket"] == "/run/almene-web/gunicorn.ctl"
    monkeypatch.delenv("RUNTIME_DIRECTORY")
    config = {}
    exec(compile(source, "gunicorn.conf.py", "exec"), config)
    assert "control_socket" not in config


def test_development_runs_without_configuration():
    result = run_manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_danish_locale_and_time_zone():
    assert settings.LANGUAGE_CODE == "da"
    assert settings.TIME_ZONE == "Europe/Copenhagen"
    assert settings.USE_TZ is True


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_redis_is_the_cache_when_configured():
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("almene-probe", {"svar": 42}, 30)
    assert cache.get("almene-probe") == {"svar": 42}
    client = cache._cache.get_client()  # a real connection, not a mock
    assert client.ping()


OBJECT_STORE = {
    "AWS_STORAGE_BUCKET_NAME": "almene-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "secret-example-key",
    "AWS_S3_REGION_NAME": "eu-north-1",
}
SHOW_MEDIA = (
    "from django.conf import settings as s; policy = s.CONTENT_SECURITY_POLICY['DIRECTIVES'];"
    "print(s.STORAGES['default']['BACKEND']); print(s.MEDIA_URL);"
    "print(policy['img-src']); print(policy['connect-src'])"
)


def test_media_stay_in_the_folder_without_a_bucket():
    result = run_manage("shell", "-c", SHOW_MEDIA, **PRODUCTION, SINGLE_PROCESS="1")
    backend, media_url, images, connections = result.stdout.splitlines()[-4:]
    assert backend == "django.core.files.storage.FileSystemStorage"
    assert media_url == "/media/"
    assert images == "[\"'self'\", 'data:']" and connections == "[\"'self'\"]"


def test_a_bucket_moves_media_and_the_policy_with_them():
    """AWS_STORAGE_BUCKET_NAME switches media to object storage; pages then link pictures at
    the bucket's address (or the CDN's), and the Content-Security-Policy allows that origin
    for pictures and for the service worker's fetch of a picture to keep offline."""
    result = run_manage("shell", "-c", SHOW_MEDIA, **PRODUCTION, **OBJECT_STORE, SINGLE_PROCESS="1")
    backend, media_url, images, connections = result.stdout.splitlines()[-4:]
    assert backend == "almene.storage.ObjectStorage"
    assert media_url == "https://s3.example.net/almene-media/"
    assert "'https://s3.example.net'" in images and "'https://s3.example.net'" in connections

    cdn = {**OBJECT_STORE, "AWS_S3_CUSTOM_DOMAIN": "billeder.almene.example.org"}
    result = run_manage("shell", "-c", SHOW_MEDIA, **PRODUCTION, **cdn, SINGLE_PROCESS="1")
    _, media_url, images, connections = result.stdout.splitlines()[-4:]
    assert media_url == "https://billeder.almene.example.org/"
    assert "'https://billeder.almene.example.org'" in images
    assert "s3.example.net" not in images + connections


def test_deploy_check_is_clean_with_a_bucket():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        **OBJECT_STORE,
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
