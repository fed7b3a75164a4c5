"""Django's Redis cache backend, without building a Redis client for every call.

Django's ``RedisCacheClient.get_client`` makes a new ``redis.Redis`` for each cache call, and
each one builds its table of some 170 response callbacks: about 0.1 ms a call, more than the
round trip to Redis itself. A reader with a list costs one or two cache calls a page, so this
was most of what filling their page cost. A client over the same connection pool is safe to
share, so each pool gets one.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
