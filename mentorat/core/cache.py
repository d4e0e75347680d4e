"""The cache on Redis, failing open: a Redis outage never turns a page into an error.

The cache holds nothing but rate-limit counters (ours through django-ratelimit, allauth's own)
and the short-lived locks allauth takes around them. While Redis is away, reads miss, writes
are dropped and `add` reports success, so that every limiter lets the request through (a lock
"taken", an empty history, a first hit) instead of raising or refusing everyone. A warning is
logged once per outage, and Redis is not asked again before RETRY_AFTER seconds: a Redis that
hangs costs one request its socket timeout, not every request of the outage.

/healthz still sees the outage: what it writes does not read back.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# Seconds during which a Redis found away is not asked again.
RETRY_AFTER = 10.0


class Outages:
    """When each Redis (by location) may be asked again; shared by the process's threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._until: dict[str, float] = {}

    def ongoing(self, location: str) -> bool:
        return self._until.get(location, 0.0) > time.monotonic()

    def begin(self, location: str, error: Exception) -> None:
        with self._lock:
            first = location not in self._until
            self._until[location] = time.monotonic() + RETRY_AFTER
        if first:
            logger.warning(
                "Cache unavailable (%s: %s): rate limits are not applied until it is back",
                type(error).__name__,
                error,
            )

    def end(self, location: str) -> None:
        if location in self._until:
            with self._lock:
                if self._until.pop(location, None) is not None:
                    logger.warning("Cache available again: rate limits apply")

    def clear(self) -> None:
        with self._lock:
            self._until.clear()


outages = Outages()


class FailOpenRedisCache(RedisCache):
    def _guarded(self, fallback, operation, *args, **kwargs):
        """Run a Redis operation; while Redis is away, `fallback()` instead."""
        location = ",".join(self._servers)
        if outages.ongoing(location):
            return fallback()
        try:
            result = operation(*args, **kwargs)
        except UNAVAILABLE as error:
            outages.begin(location, error)
            return fallback()
        outages.end(location)
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: True, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guarded(lambda: default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(lambda: False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._guarded(dict, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(lambda: False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        return self._guarded(missing_key(key), super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guarded(lambda: None, super().delete_many, keys, version)

    def clear(self):
        return self._guarded(lambda: False, super().clear)


def missing_key(key):
    """What `incr` does for a key the cache does not have (django-ratelimit then fails open)."""

    def fallback():
        raise ValueError(f"Key '{key}' not found.")

    return fallback
