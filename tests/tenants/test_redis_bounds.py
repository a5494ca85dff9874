"""Kept answers live as long as their versions hold: ``check --deploy`` asks Redis to bound them."""

import redis
from django.core import checks

from tests.tenants.test_redis_outage import redis_server  # noqa: F401 - the fixture


def deploy_warnings() -> list[str]:
    return [message.id for message in checks.run_checks(include_deployment_checks=True) if message.id]


def test_a_redis_that_would_fill_up_is_named_and_a_bounded_one_is_not(redis_server):  # noqa: F811
    # redis-server's defaults: no memory limit, and once full it refuses every write.
    assert "tenants.W005" in deploy_warnings()
    client = redis.Redis.from_url(redis_server.url)
    client.config_set("maxmemory", "64mb")
    assert "tenants.W005" in deploy_warnings()  # still refusing writes once full
    client.config_set("maxmemory-policy", "allkeys-lru")
    assert "tenants.W005" not in deploy_warnings()
