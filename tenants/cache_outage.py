"""Redis is an accelerator: while it is away CPTS hosts answer from PostgreSQL, and nothing stale after.

Every cache alias can sit on Redis (``REDIS_URL``), and a CPTS request reads it
several times: its route and its schema versions (``tenants.routing``,
``tenants.schema_versions``), its kept answer (``tenants.response_cache``),
Wagtail's site roots and image renditions, the contact form's rate limits.
``OutageTolerantClient``, the Redis client of the install's cache backend
(``cpts_network.redis_cache``), turns any Redis error into a miss: a read
finds nothing, a write keeps nothing, ``add`` and ``delete`` say no, ``incr``
finds no count. Routes are then looked up, versions are unknown so no answer
is read or kept, and every request is made from PostgreSQL, never a 500. The
process logs one warning when Redis goes away and one when it returns, not
one per request; while it is away it tries Redis again at most once every
``RETRY_SECONDS``, and a call waits at most ``TIMEOUTS`` for it, so a Redis
that hangs rather than refuses holds up one request now and then, not all.
One state per process, whatever the alias that failed.

Never stale once it returns. A write made during the outage commits, but its
new schema version (or routes generation) cannot reach Redis; a Redis that
comes back with its data (a snapshot reloaded, a network cut rather than a
stop) would still hold the old versions, and the answers kept under them.
The rule: **a process that has seen a Redis call fail starts, before its
next command once Redis answers again, a new network version and a new
routes generation** (and a new federation version). Every kept answer's key
holds the network version (the federation's answers theirs), and every route
its generation, so everything kept before the outage stops
serving, on every process, at once. A failed read counts too: the write whose
version was lost may be another process's, or a command's that has ended.
Simpler than versions kept in PostgreSQL (a query per kept answer, which is
what keeping answers saves) and than remembering when the outage began
(another process cannot know); the price is that a blip of Redis rebuilds
every kept answer once. It covers the process that wrote, whose bump failed,
and every process that served a CPTS request during the outage (each reads
Redis to route it). Not covered: a process that served nothing while Redis
was away may read what a Redis that kept its data holds, until one that saw
the outage talks to Redis again; kept answers last at most
``CPTS_RESPONSE_CACHE_SECONDS`` and routes ``CPTS_ROUTING_CACHE_SECONDS``
in any case.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# While Redis is away, a process tries it again at most this often (a Redis that hangs costs
# one request a TIMEOUTS wait per period, not every request).
RETRY_SECONDS = 5.0
# Redis-py waits forever by default; OPTIONS in CACHES (or the URL's query) override these.
TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}

_lock = threading.RLock()
_this_thread = threading.local()
_state: dict[str, Any] = {"down_since": None, "retry_at": 0.0, "failures": 0}


def _after_outage() -> None:
    """Nothing kept before the outage serves again: a new network version and routes generation."""
    from django.core.cache import cache

    from .routing import GENERATION
    from .schema_versions import FEDERATION, NETWORK, PREFIX
    from .shared_cache import in_public_cache_keys, token_new

    with in_public_cache_keys():
        cache.set_many(
            {PREFIX + NETWORK: token_new(), PREFIX + FEDERATION: token_new(), GENERATION: token_new()}, None
        )


def _failed(error: Exception) -> None:
    with _lock:
        _state["failures"] += 1
        _state["retry_at"] = time.monotonic() + RETRY_SECONDS
        if _state["down_since"] is None:
            _state["down_since"] = time.monotonic()
            logger.warning(
                "Redis injoignable (%s) : les CPTS répondent depuis PostgreSQL, sans routes ni "
                "réponses gardées, jusqu'à son retour.",
                error,
            )


def _reachable() -> bool:
    """Whether to send a command: always, but after a failure only once Redis has taken the new versions."""
    if _state["down_since"] is None or getattr(_this_thread, "recovering", False):
        return True
    if time.monotonic() < _state["retry_at"]:
        return False
    # One thread starts the new versions; the others wait for it rather than read the old ones.
    with _lock:
        if _state["down_since"] is None:
            return True
        failures = _state["failures"]
        _this_thread.recovering = True
        try:
            _after_outage()
        finally:
            _this_thread.recovering = False
        if _state["failures"] != failures:
            return False
        logger.warning(
            "Redis répond de nouveau après %.0f s : ce qui était gardé avant la panne ne sert plus.",
            time.monotonic() - _state["down_since"],
        )
        _state["down_since"] = None
        return True


def outage_forget() -> None:
    """Forget a failure seen by this process (tests that stop their own Redis)."""
    with _lock:
        _state.update(down_since=None, retry_at=0.0, failures=0)


def _tolerant(command: Callable, missed: Any, *args: Any) -> Any:
    if not _reachable():
        return missed
    try:
        return command(*args)
    except RedisError as error:
        _failed(error)
        return missed


class OutageTolerantClient(RedisCacheClient):
    """Django's Redis cache client, for which an unreachable Redis holds nothing."""

    def __init__(self, servers, **options) -> None:
        super().__init__(servers, **{**TIMEOUTS, **options})

    def add(self, key, value, timeout):
        return _tolerant(super().add, False, key, value, timeout)

    def get(self, key, default):
        return _tolerant(super().get, default, key, default)

    def set(self, key, value, timeout):
        return _tolerant(super().set, None, key, value, timeout)

    def touch(self, key, timeout):
        return _tolerant(super().touch, False, key, timeout)

    def delete(self, key):
        return _tolerant(super().delete, False, key)

    def get_many(self, keys):
        return _tolerant(super().get_many, {}, keys)

    def has_key(self, key):
        return _tolerant(super().has_key, False, key)

    def incr(self, key, delta):
        missing = object()
        result = _tolerant(super().incr, missing, key, delta)
        if result is missing:
            # What the cache API says of a count it does not hold (django-ratelimit: RATELIMIT_FAIL_OPEN).
            raise ValueError(f"Key '{key}' not found (Redis is unreachable).")
        return result

    def set_many(self, data, timeout):
        return _tolerant(super().set_many, None, data, timeout)

    def delete_many(self, keys):
        return _tolerant(super().delete_many, None, keys)

    def clear(self):
        return _tolerant(super().clear, False)
