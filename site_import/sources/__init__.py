"""Readers of exports: each turns a file into a ``SourceSite``, the one shape the import knows.

A reader never writes anything. It refuses a file it cannot read whole with
``ExportUnreadable``, whose message is for the coordinator (French), so that
nothing is imported from half a file. Within a readable file, an item it cannot
make sense of (a missing identifier, a value of the wrong type) is ``Skipped``
with the reason, and an odd value it can do without (an unreadable date or menu
order) is a note of the item: either is a line of the report, and the rest imports.
Files are read through ``Uploads``, within the limits of ``site_import.limits``.
"""

from __future__ import annotations

import enum
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile

from ..limits import ImportLimits, ReadBudget


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
    # The file, copied to a temporary file within the import's limits; the caller closes it.
    load_file: Callable[[], UploadedFile] | None = None
    # What the reader found odd in the item and did instead (a date it could not read…).
    notes: list[str] = field(default_factory=list)

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


# How many of a file's last path parts ``Uploads.find`` indexes (``content/<uid>/image/a.jpg``: 4).
SUFFIX_DEPTH = 6


class Uploads:
    """The files that go with an export: a ZIP or a folder, looked up by their path in the former site.

    Every read goes through one ``ReadBudget``, so an import reads at most what its
    limits allow, however the export lists or sizes its files.
    """

    def __init__(self, location: Path | None, *, limits: ImportLimits):
        self.location = location
        self.limits = limits
        self.budget = ReadBudget(limits)
        self._zip: zipfile.ZipFile | None = None
        self._names: dict[str, str] = {}
        self._claims: dict[str, str] = {}
        self._suffixes: dict[str, str] | None = None
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
        # What the archive declares is checked before anything is read; what it holds, as it is read.
        if sum(info.file_size for info in infos) > limits.upload_bytes:
            limit = limits.upload_bytes // 1_000_000
            raise ExportUnreadable(
                f"Les fichiers joints dépassent {limit} Mo une fois décompressés : "
                "importez-les en plusieurs fois ou agrandissez CPTS_IMPORT_MAX_BYTES."
            )
        self._names = {info.filename: info.filename for info in infos if not info.is_dir()}

    def find(self, relative: str) -> str | None:
        """The stored name of the file whose path ends with ``relative`` (``2026/03/a.jpg``)."""
        if relative in self._names:
            return relative
        if self._suffixes is None:
            # Each name's last folders, once: a lookup per attachment must not scan every name.
            self._suffixes = {}
            for name in self._names:
                parts = name.split("/")
                for start in range(max(len(parts) - SUFFIX_DEPTH, 1), len(parts)):
                    self._suffixes.setdefault("/".join(parts[start:]), name)
        if relative.count("/") < SUFFIX_DEPTH:
            return self._suffixes.get(relative)
        return next((name for name in self._names if name.endswith("/" + relative)), None)

    def claim(self, name: str, key: str) -> str | None:
        """Reserve the stored file ``name`` for the item ``key``: None, or the key that reserved it first.

        One file is read for one item; an export that gives the same file to two
        items (or lists it twice) has the second reported instead of read again.
        """
        first = self._claims.setdefault(name, key)
        return None if first == key else first

    def read_bytes(self, name: str, *, data: bool = False) -> bytes:
        """A small file's bytes (a description of the site: ``data``), read within the limits."""
        buffer = io.BytesIO()
        with self._open(name) as source:
            self.budget.copy(source, buffer, name=name, declared=self._declared(name), data=data)
        return buffer.getvalue()

    def loader(self, name: str) -> Callable[[], UploadedFile]:
        """How to read an image or a document when the import reaches it: to a temporary file, not memory."""

        def load() -> UploadedFile:
            declared = self._declared(name)
            upload = TemporaryUploadedFile(
                PurePosixPath(name).name, "application/octet-stream", declared, None
            )
            try:
                with self._open(name) as source:
                    upload.size = self.budget.copy(source, upload, name=name, declared=declared)
                upload.seek(0)
            except BaseException:
                upload.close()
                raise
            return upload

        return load

    def _declared(self, name: str) -> int:
        if self._zip is not None:
            return self._zip.getinfo(self._names[name]).file_size
        return Path(self._names[name]).stat().st_size

    def _open(self, name: str) -> BinaryIO:
        if self._zip is not None:
            return self._zip.open(self._names[name])
        return Path(self._names[name]).open("rb")
