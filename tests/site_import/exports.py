"""Small exports written by the tests: a WordPress WXR around given items, a Plone ZIP around given entries.

The fixtures (``fixtures/``) are real exports; these are the hostile and broken
ones a coordinator's upload may also be, built in a few lines each.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from django.test import Client
from PIL import Image

WXR_HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>CPTS de l'essai (fictive)</title>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://www.cpts-essai.fr</wp:base_site_url>
  <wp:base_blog_url>https://www.cpts-essai.fr</wp:base_blog_url>
"""

# A tag of a WXR item: its element name, with its namespace prefix.
WXR_TAGS = {
    "title": "title",
    "link": "link",
    "creator": "dc:creator",
    "content": "content:encoded",
    "post_id": "wp:post_id",
    "post_date": "wp:post_date",
    "post_date_gmt": "wp:post_date_gmt",
    "post_name": "wp:post_name",
    "status": "wp:status",
    "post_parent": "wp:post_parent",
    "menu_order": "wp:menu_order",
    "post_type": "wp:post_type",
    "attachment_url": "wp:attachment_url",
}


def wxr_item(fields: dict[str, str | None], meta: dict[str, str] | None = None) -> str:
    """One ``<item>``: each field given (None leaves its element out) and its ``wp:postmeta``."""
    parts = [
        f"<{WXR_TAGS[name]}>{escape(value)}</{WXR_TAGS[name]}>"
        for name, value in fields.items()
        if value is not None
    ]
    parts += [
        f"<wp:postmeta><wp:meta_key>{escape(key)}</wp:meta_key><wp:meta_value>{escape(value)}</wp:meta_value></wp:postmeta>"
        for key, value in (meta or {}).items()
    ]
    return "<item>" + "".join(parts) + "</item>\n"


def wxr(items: list[str]) -> bytes:
    return (WXR_HEAD + "".join(items) + "</channel></rss>\n").encode()


def plone_zip(
    target: Path,
    items: dict[str, dict | bytes],
    *,
    data_files: list | None = None,
    blobs: dict[str, bytes] | None = None,
    metadata: dict | None = None,
) -> Path:
    """A Plone export: ``items`` are ``content/<name>`` files (a dict is written as JSON), ``blobs`` too.

    ``data_files`` is what ``__metadata__.json`` lists (every item by default); ``metadata`` adds to it.
    """
    listed = list(items) if data_files is None else data_files
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "content/__metadata__.json",
            json.dumps({"__version__": "1.0.0", "_data_files_": listed, **(metadata or {})}),
        )
        for name, data in {**items, **(blobs or {})}.items():
            archive.writestr(f"content/{name}", json.dumps(data) if isinstance(data, dict) else data)
    return target


def plone_item(uid: str, type_: str, path: str, **fields) -> dict:
    return {"@id": path, "@type": type_, "UID": uid, "id": path.rsplit("/", 1)[-1], "title": uid, **fields}


def jpeg_with_exif_and_tail(tail: bytes, *, size: tuple[int, int] = (64, 48)) -> bytes:
    """A JPEG carrying a GPS position and a camera serial in its EXIF, and ``tail`` after its end."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Appareil de l'essai"  # Make
    exif[0xA431] = "SERIE-12345"  # BodySerialNumber
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue() + tail


def post_import(client: Client, export: Path, *, uploads: Path | None = None, button: str = "import"):
    """The admin's *Importer un site* form, sent as the coordinator's browser sends it."""
    with export.open("rb") as file:
        data = {"export": file, button: "1"}
        if uploads is None:
            return client.post("/admin/site-import/", data)
        with uploads.open("rb") as upload:
            return client.post("/admin/site-import/", {**data, "uploads": upload})


def zip_replacing(source: Path, target: Path, replacements: dict[str, bytes]) -> Path:
    """A copy of the ZIP ``source`` where each member named in ``replacements`` holds those bytes instead."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            if info.filename not in replacements:
                copy.writestr(info, original.read(info))
        for name, data in replacements.items():
            copy.writestr(name, data)
    return target
