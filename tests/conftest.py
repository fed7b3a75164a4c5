import pytest
from django.core.cache import cache, caches

from articles.caching import forget_local_state


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (Redis in CI keeps entries between tests), and
    nothing remembered from earlier tests in this process."""
    for each in (cache, caches["fragments"]):
        each.clear()
    forget_local_state()
    yield
    for each in (cache, caches["fragments"]):
        each.clear()
    forget_local_state()
