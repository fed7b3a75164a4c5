import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (Redis in CI keeps entries between tests)."""
    cache.clear()
    yield
    cache.clear()
