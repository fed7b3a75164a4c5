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


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): …`` runs what the block left for after the commit (cache
    invalidation, search words), as a real commit would. Tests run inside a transaction that
    is never committed, so without this those callbacks never run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
