"""How much one import may read and keep, whatever its export declares.

An export is small on the wire and may be huge once unpacked: a ZIP of zeros, or a
Plone ``__metadata__.json`` that lists one large file hundreds of times (a 5 kB
upload once held 194 MB of the server's memory). Every file an import reads from
an archive or a folder goes through ``ReadBudget``: it is refused from its declared
size before a byte is read, then read in chunks and stopped at the cap whatever
its header said (Python's ``zipfile`` inflates a whole member at once when asked
for all of it). The readers read each file once (``Uploads.claim``) and the import
reads one image or document at a time, from a temporary file, never all of them.

The limits are settings, read here with their defaults; none needs to be set:

- ``SITE_IMPORT_MAX_FILE_BYTES`` (25 MB): one file of the export once unpacked (an
  image, a document, a Plone ``data.json``); above the largest upload the admin
  accepts (documents, ``CPTS_DOCUMENT_MAX_BYTES``, 20 MiB), so no file an editor
  could upload is refused here first.
- ``SITE_IMPORT_MAX_TOTAL_BYTES`` (``CPTS_IMPORT_MAX_BYTES``, 200 MB): all the files
  one import reads, counted as they are read. ``CPTS_IMPORT_MAX_BYTES`` itself still
  bounds the upload and the sizes a ZIP declares.
- ``SITE_IMPORT_MAX_DATA_BYTES`` (50 MB): what describes the site (WordPress's XML,
  Plone's JSON files together), parsed and kept in memory for the whole import; a
  CPTS's site of 500 pages is a few MB of it.
- ``SITE_IMPORT_MAX_ITEMS`` (10,000): the items of one export (WordPress's
  ``<item>``, Plone's listed files), refused as a whole beyond it: half a site is
  not imported.
- ``SITE_IMPORT_MAX_ARCHIVE_ENTRIES`` (100,000): the entries of a ZIP, checked from
  its end record before Python's ``zipfile`` makes an object of each (a 200 MB ZIP
  of empty entries would otherwise cost a GB of memory to open).

A file refused by a limit is a line of the report (``FileRefused``, a
``ValidationError`` in French); the rest of the import goes on.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

CHUNK = 256 * 1024


@dataclass(frozen=True)
class ImportLimits:
    upload_bytes: int  # CPTS_IMPORT_MAX_BYTES: the upload, and the sizes its ZIP declares
    file_bytes: int
    total_bytes: int
    data_bytes: int
    items: int
    archive_entries: int


def import_limits(*, max_bytes: int) -> ImportLimits:
    """The limits in force, ``max_bytes`` (``CPTS_IMPORT_MAX_BYTES``) being the total's default."""
    return ImportLimits(
        upload_bytes=max_bytes,
        file_bytes=getattr(settings, "SITE_IMPORT_MAX_FILE_BYTES", 25_000_000),
        total_bytes=getattr(settings, "SITE_IMPORT_MAX_TOTAL_BYTES", max_bytes),
        data_bytes=getattr(settings, "SITE_IMPORT_MAX_DATA_BYTES", 50_000_000),
        items=getattr(settings, "SITE_IMPORT_MAX_ITEMS", 10_000),
        archive_entries=getattr(settings, "SITE_IMPORT_MAX_ARCHIVE_ENTRIES", 100_000),
    )


def too_many_items(count: int, limits: ImportLimits) -> str:
    """Why an export is refused as a whole for its number of items (French)."""
    return (
        f"L'export compte {count} éléments, au-delà des {limits.items} qu'un import accepte "
        "(SITE_IMPORT_MAX_ITEMS) : importez le site en plusieurs fois ou demandez à l'hébergeur "
        "du réseau d'augmenter la limite ; rien n'a été importé."
    )


def archive_refusal(path: Path, limits: ImportLimits) -> str | None:
    """Why the ZIP at ``path`` is refused before it is opened (French), or None.

    Read from the ZIP's end record: how many entries it declares and how long its
    central directory is, which is what ``zipfile`` reads and parses whatever the
    count says (a central entry takes 46 bytes and its name: 512 each is generous).
    """
    with path.open("rb") as file:
        size = file.seek(0, 2)
        file.seek(max(size - 65_557, 0))  # the end record (22 bytes), after its comment (at most 65,535)
        tail = file.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) < at + 22:
            return None  # not a ZIP zipfile can open: it says so itself
        entries, directory = struct.unpack_from("<HI", tail, at + 10)
        locator = tail.rfind(b"PK\x06\x07", 0, at)
        if locator >= 0 and len(tail) >= locator + 16:  # ZIP64: the counts are in their own record
            file.seek(struct.unpack_from("<Q", tail, locator + 8)[0])
            record = file.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                entries, directory = struct.unpack_from("<QQ", record, 32)
    if entries <= limits.archive_entries and directory <= limits.archive_entries * 512:
        return None
    return (
        f"L'archive ZIP « {path.name} » compte trop d'éléments (au plus {limits.archive_entries}, "
        "SITE_IMPORT_MAX_ARCHIVE_ENTRIES) : importez le site en plusieurs fois ; rien n'a été importé."
    )


class FileRefused(ValidationError):
    """A file of the export this import will not read (too large alone, or for what is left)."""


class ReadBudget:
    """What one import has read so far, and how much more it may read."""

    def __init__(self, limits: ImportLimits):
        self.limits = limits
        self.read = 0
        self.data = 0

    def copy(
        self, source: BinaryIO, target: BinaryIO, *, name: str, declared: int, data: bool = False
    ) -> int:
        """Copy ``source`` into ``target`` in chunks, refusing it past its cap; the bytes copied.

        ``declared`` is the size the archive or the file system announces; it is
        checked first, and the actual bytes are counted as they come. ``data`` marks
        a file describing the site (kept in memory), counted on its own budget too.
        """
        cap, why = self._cap(data)
        if declared > cap:
            raise FileRefused(_refusal(name, filesizeformat(declared), why))
        done = 0
        try:
            while chunk := source.read(CHUNK):
                done += len(chunk)
                if done > cap:
                    raise FileRefused(_refusal(name, f"plus de {filesizeformat(max(cap, 0))}", why))
                target.write(chunk)
        finally:
            # What was inflated counts, even when the file is refused half-way.
            self.read += done
            self.data += done if data else 0
        return done

    def _cap(self, data: bool) -> tuple[int, str]:
        """The most this file may weigh, and which limit says so (for the report)."""
        size = filesizeformat
        left = self.limits.total_bytes - self.read
        caps = [
            (
                self.limits.file_bytes,
                f"{size(self.limits.file_bytes)} par fichier (SITE_IMPORT_MAX_FILE_BYTES)",
            ),
            (
                left,
                f"{size(self.limits.total_bytes)} pour tout l'import, dont {size(max(left, 0))} restant(s) "
                "(SITE_IMPORT_MAX_TOTAL_BYTES)",
            ),
        ]
        if data:
            rest = self.limits.data_bytes - self.data
            caps.append(
                (
                    rest,
                    f"{size(self.limits.data_bytes)} de description du site, dont {size(max(rest, 0))} "
                    "restant(s) (SITE_IMPORT_MAX_DATA_BYTES)",
                )
            )
        return min(caps, key=lambda cap: cap[0])


def _refusal(name: str, weight: str, why: str) -> str:
    return f"« {name} » refusé : {weight} une fois décompressé, au-delà de la limite de {why}."
