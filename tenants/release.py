"""Which code made an answer: what a deployment kept is not served by the next one.

Kept answers (``tenants.response_cache``, ``tenants.federation_answers``)
live as long as the rows they were made from, and a deployment changes
templates and code without writing a row. Their keys therefore hold the
release: ``CPTS_RELEASE`` when the operator sets it (the commit deployed,
the same on every server), otherwise a digest of the project's own files
(its apps, settings and locked requirements), read once per process. The
settings that answers print (scheme and port of links, hosts, static and
media addresses, the search engine) join it: a restart that changes them
does not serve links made under the old ones.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# The files whose change may change an answer.
SUFFIXES = frozenset({".py", ".html", ".txt", ".css", ".js", ".svg", ".json", ".mo", ".csv"})
# Settings an answer may print or depend on without a row changing.
SHOWN_SETTINGS = (
    "PUBLIC_SCHEME",
    "PUBLIC_PORT",
    "FEDERATION_HOSTS",
    "CPTS_BASE_DOMAIN",
    "STATIC_URL",
    "MEDIA_URL",
    "ELASTICSEARCH_URL",
    "SEARCH_INDEX_PREFIX",
    "LANGUAGE_CODE",
    "TIME_ZONE",
)


@cache
def release() -> str:
    """A short token that changes with the code serving this process and the settings answers show."""
    shown = repr([getattr(settings, name, None) for name in SHOWN_SETTINGS])
    digest = hashlib.blake2b(shown.encode(), digest_size=6)
    if stated := getattr(settings, "CPTS_RELEASE", ""):
        return f"{stated}.{digest.hexdigest()}"
    base = Path(settings.BASE_DIR).resolve()
    roots = [Path(config.path).resolve() for config in apps.get_app_configs()]
    own = sorted({root for root in roots if base in root.parents and "site-packages" not in root.parts})
    for path in (
        base / "requirements" / "lock.txt",
        *_files(base / "config"),
        *(f for r in own for f in _files(r)),
    ):
        if path.is_file():
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    return sorted(
        path for path in root.rglob("*") if path.suffix in SUFFIXES and "__pycache__" not in path.parts
    )


@receiver(setting_changed)
def _forget_release(setting: str, **kwargs) -> None:
    if setting == "CPTS_RELEASE" or setting in SHOWN_SETTINGS:
        release.cache_clear()
