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
        DEBUG="0",
        SECRET_KEY="a-long-random-production-key-" + "k3x9" * 10,
        ALLOWED_HOSTS="almene.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
