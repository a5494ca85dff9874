"""Readers of exports: each turns a file into a ``SourceSite``, the one shape the import knows.

A reader never writes anything. It refuses a file it cannot read whole with
``ExportUnreadable``, whose message is for the coordinator (French), so that
nothing is imported from half a file.
"""

from __future__ import annotations

import enum
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit


class ExportUnreadable(Exception):
    """The file is not an export this product reads, or not a whole one."""


class Kind(enum.StrEnum):
    PAGE = "page"
    NEWS = "news"
    EVENT = "event"
    IMAGE = "image"
    DOCUMENT = "document"


# Media first (pages link to them), then pages parents first, then what hangs under an index.
IMPORT_ORDER = (Kind.IMAGE, Kind.DOCUMENT, Kind.PAGE, Kind.NEWS, Kind.EVENT)


@dataclass
class SourceItem:
    """One page, post, event or file of the former site, as its export describes it."""

    key: str
    kind: Kind
    title: str
    slug: str = ""
    html: str = ""
    summary: str = ""
    live: bool = True
    # Why a live-looking item is imported as a draft, or a draft's meaning in the former system.
    status_note: str = ""
    published: datetime | None = None
    parent_key: str | None = None
    order: int = 0
    author: str = ""
    tags: list[str] = field(default_factory=list)
    old_urls: list[str] = field(default_factory=list)
    start: datetime | None = None
    end: datetime | None = None
    place: str = ""
    file_name: str = ""
    alt: str = ""
    load_file: Callable[[], bytes] | None = None

    def fingerprint(self) -> str:
        """What decides whether a second import changes anything (files by name and size)."""
        import hashlib

        parts = [
            self.kind,
            self.title,
            self.slug,
            self.html,
            self.summary,
            str(self.live),
            str(self.published),
            str(self.parent_key),
            str(self.order),
            self.author,
            "|".join(self.tags),
            str(self.start),
            str(self.end),
            self.place,
            self.file_name,
            self.alt,
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass
class Skipped:
    key: str
    title: str
    reason: str


@dataclass
class SourceSite:
    """A whole export: where it comes from and what it holds."""

    system: str
    base_url: str
    title: str
    items: list[SourceItem]
    skipped: list[Skipped] = field(default_factory=list)
    # A former address (path and query, or a file path) -> the key of the item it shows.
    addresses: dict[str, str] = field(default_factory=dict)
    # How this system's URLs become addresses (a permalink, ``?p=12``, a resized image's file).
    addresses_of: Callable[[str, str], list[str]] = lambda url, base_url: []
    # What names this site when its export gives no address (Plone's does not): its title, slugified.
    origin: str = ""

    def locate(self, url: str) -> str | None:
        """The key of the item a URL found in the former site's text points to, if any."""
        for address in self.addresses_of(url, self.base_url):
            if address in self.addresses:
                return self.addresses[address]
        return None

    @property
    def source(self) -> str:
        return f"{self.system}:{self.origin or urlsplit(self.base_url).netloc or self.base_url}"


class Uploads:
    """The files that go with an export: a ZIP or a folder, looked up by their path in the former site."""

    def __init__(self, location: Path | None, *, max_bytes: int):
        self.location = location
        self._zip: zipfile.ZipFile | None = None
        self._names: dict[str, str] = {}
        if location is None:
            return
        if location.is_dir():
            self._names = {
                str(PurePosixPath(*path.relative_to(location).parts)): str(path)
                for path in location.rglob("*")
                if path.is_file()
            }
            return
        try:
            self._zip = zipfile.ZipFile(location)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError) as error:
            raise ExportUnreadable(
                f"Les fichiers joints ne sont pas une archive ZIP lisible : {error}"
            ) from error
        if sum(info.file_size for info in infos) > max_bytes:
            raise ExportUnreadable(
                f"Les fichiers joints dépassent {max_bytes // 1_000_000} Mo une fois décompressés : "
                "importez-les en plusieurs fois ou agrandissez CPTS_IMPORT_MAX_BYTES."
            )
        self._names = {info.filename: info.filename for info in infos if not info.is_dir()}

    def find(self, relative: str) -> str | None:
        """The stored name of the file whose path ends with ``relative`` (``2026/03/a.jpg``)."""
        if relative in self._names:
            return relative
        for name in self._names:
            if name.endswith("/" + relative):
                return name
        return None

    def loader(self, name: str) -> Callable[[], bytes]:
        if self._zip is not None:
            return lambda: self._zip.read(self._names[name])
        return lambda: Path(self._names[name]).read_bytes()
