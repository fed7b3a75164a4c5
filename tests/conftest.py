import pytest
from django.core.cache import cache

from articles.caching import forget_local_state


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (Redis in CI keeps entries between tests), and
    nothing remembered from earlier tests in this process."""
    cache.clear()
    forget_local_state()
    yield
    cache.clear()
    forget_local_state()
