"""``cpts_settings()`` is one function per integration, composed: what each gives, and only once."""

from datetime import timedelta
from pathlib import Path

import pytest

from cpts_network import settings as cpts
from cpts_network.settings import (
    IMMEDIATE_TASKS,
    MIDDLEWARE_HEAD,
    MIDDLEWARE_TAIL,
    SHARED_APPS,
    TENANT_APPS,
    WORKER_TASKS,
    cpts_settings,
)

CUSTOM = {
    "shared_apps": ["federation_blog", "network"],
    "tenant_apps": ["blog", "content"],
    "middleware": ["blog.middleware.Stamp", "django.middleware.common.CommonMiddleware"],
    "federation_hosts": ["Federation.Example.org"],
    "cpts_base_domain": "cpts.example.org",
    "caches": {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://r"}
    },
    "elasticsearch_url": "http://search:9200",
    "search_index_prefix": "net-",
    "require_federation_2fa": False,
    "sign_in_failure_limit": 3,
    "sign_in_cooloff": timedelta(minutes=2),
    "public_scheme": "http",
    "public_port": "8000",
    "serve_media": True,
    "routing_cache_seconds": 300,
    "connection_max_schemas": 0,
    "response_cache_seconds": 60,
    "archive_dir": "/srv/archives",
    "import_max_bytes": 5_000,
    "tasks_in_worker": True,
}


def parts(**kwargs):
    """Each integration's settings, for the arguments cpts_settings() passes it."""
    merged = {**cpts_settings.__kwdefaults__, **kwargs}
    return [
        cpts.tenancy_settings(
            **{
                k: merged[k]
                for k in (
                    "shared_apps",
                    "tenant_apps",
                    "federation_hosts",
                    "cpts_base_domain",
                    "public_scheme",
                    "public_port",
                    "routing_cache_seconds",
                    "connection_max_schemas",
                    "response_cache_seconds",
                )
            }
        ),
        cpts.middleware_settings(middleware=merged["middleware"]),
        cpts.cache_and_task_settings(caches=merged["caches"], tasks_in_worker=merged["tasks_in_worker"]),
        cpts.file_settings(
            serve_media=merged["serve_media"],
            archive_dir=merged["archive_dir"],
            import_max_bytes=merged["import_max_bytes"],
        ),
        cpts.header_settings(),
        cpts.sign_in_settings(
            require_federation_2fa=merged["require_federation_2fa"],
            failure_limit=merged["sign_in_failure_limit"],
            cooloff=merged["sign_in_cooloff"],
        ),
        cpts.wagtail_settings(),
        cpts.api_settings(),
        cpts.search_settings(
            elasticsearch_url=merged["elasticsearch_url"], search_index_prefix=merged["search_index_prefix"]
        ),
    ]


@pytest.mark.parametrize("kwargs", [{}, CUSTOM], ids=["defaults", "every argument"])
def test_the_settings_are_the_parts_each_setting_given_by_one_part(kwargs):
    given = parts(**kwargs)
    names = [name for part in given for name in part]
    assert len(names) == len(set(names)), "a setting given by two parts"
    assert cpts_settings(**kwargs) == {name: value for part in given for name, value in part.items()}


def test_the_same_settings_whatever_the_arguments():
    assert cpts_settings().keys() == cpts_settings(**CUSTOM).keys()
    assert len(cpts_settings()) >= 70


def test_a_setting_given_twice_is_refused():
    with pytest.raises(ValueError, match="AXES_FAILURE_LIMIT"):
        cpts._composed({"AXES_FAILURE_LIMIT": 5}, {"AXES_FAILURE_LIMIT": 3})


def test_defaults():
    settings = cpts_settings()
    assert settings["SHARED_APPS"] == SHARED_APPS and settings["TENANT_APPS"] == TENANT_APPS
    assert settings["INSTALLED_APPS"] == SHARED_APPS + [a for a in TENANT_APPS if a not in SHARED_APPS]
    assert settings["MIDDLEWARE"] == MIDDLEWARE_HEAD + MIDDLEWARE_TAIL
    assert settings["MIDDLEWARE"][-1] == "axes.middleware.AxesMiddleware"
    assert settings["FEDERATION_HOSTS"] == ["localhost", "127.0.0.1"]
    assert set(settings["CACHES"]) == {"default", "renditions"}
    assert all(c["KEY_FUNCTION"] == "django_tenants.cache.make_key" for c in settings["CACHES"].values())
    assert settings["TASKS"] == {"default": {"BACKEND": IMMEDIATE_TASKS}}
    assert settings["WAGTAILSEARCH_BACKENDS"] == {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert settings["ROOT_URLCONF"] == "cpts_network.urls_tenant"
    assert settings["PUBLIC_SCHEMA_URLCONF"] == "cpts_network.urls_public"
    assert settings["CPTS_ARCHIVE_DIR"] == Path("cpts-archives") and settings["SERVE_MEDIA"] is False
    assert settings["AXES_FAILURE_LIMIT"] == 5 and settings["AXES_COOLOFF_TIME"] == timedelta(minutes=15)
    assert settings["FEDERATION_REQUIRE_2FA"] is True
    assert settings["REST_FRAMEWORK"]["DEFAULT_AUTHENTICATION_CLASSES"] == []
    assert settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["script-src"] == ["'self'"]


def test_every_argument_lands_where_it_should():
    settings = cpts_settings(**CUSTOM)
    assert settings["SHARED_APPS"] == [*SHARED_APPS, "federation_blog"]
    assert settings["TENANT_APPS"] == [*TENANT_APPS, "blog"]
    assert settings["INSTALLED_APPS"][-1] == "blog"
    assert settings["MIDDLEWARE"] == [*MIDDLEWARE_HEAD, "blog.middleware.Stamp", *MIDDLEWARE_TAIL]
    assert settings["FEDERATION_HOSTS"] == ["federation.example.org"]
    assert settings["CPTS_BASE_DOMAIN"] == "cpts.example.org"
    assert settings["CACHES"]["default"]["LOCATION"] == "redis://r"
    assert settings["CACHES"]["default"]["REVERSE_KEY_FUNCTION"] == "django_tenants.cache.reverse_key"
    assert settings["TASKS"] == {"default": {"BACKEND": WORKER_TASKS}}
    assert settings["WAGTAILSEARCH_BACKENDS"]["default"] == {
        "BACKEND": "search.wagtail_backend",
        "URLS": ["http://search:9200"],
        "INDEX_PREFIX": "net-",
    }
    assert settings["ELASTICSEARCH_URL"] == "http://search:9200" and settings["SEARCH_INDEX_PREFIX"] == "net-"
    assert settings["FEDERATION_REQUIRE_2FA"] is False
    assert settings["AXES_FAILURE_LIMIT"] == 3 and settings["AXES_COOLOFF_TIME"] == timedelta(minutes=2)
    assert (settings["PUBLIC_SCHEME"], settings["PUBLIC_PORT"], settings["SERVE_MEDIA"]) == (
        "http",
        "8000",
        True,
    )
    assert settings["CPTS_ROUTING_CACHE_SECONDS"] == 300 and settings["CPTS_RESPONSE_CACHE_SECONDS"] == 60
    assert settings["CPTS_CONNECTION_MAX_SCHEMAS"] == 0
    assert (
        settings["CPTS_ARCHIVE_DIR"] == Path("/srv/archives") and settings["CPTS_IMPORT_MAX_BYTES"] == 5_000
    )
