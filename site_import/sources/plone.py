"""Plone 6.1's export (``plone.exportimport``: Site Setup > Export, ``plone-exporter``) as a ``SourceSite``.

The export is a ZIP (or its unpacked folder) holding ``content/__metadata__.json``
and one ``content/<UID>/data.json`` per item, in plone.restapi's serialization,
with each file beside it (``content/<UID>/file/statuts.pdf``). Documents stay
pages, News Items become news (their lead image placed at the top of the text),
Events become events, Images and Files become images and documents. A Folder
becomes a page when it holds pages; its default page's text becomes its own.
A folder of files, news or events only is not a page: its content is imported,
the folder is listed as skipped. Links between items are Plone's ``resolveuid``
links, resolved by UID. What the export lists and holds is read by
``plone_files``, once per file and within the import's limits; an item whose
fields are of the wrong type keeps what can be read, with a note, or is skipped.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.utils.text import slugify

from ..limits import ImportLimits
from . import Kind, Skipped, SourceItem, SourceSite, Uploads
from .plone_files import METADATA, PloneFiles, read_files, shown, string, strings

TYPES = {"Document": Kind.PAGE, "Folder": Kind.PAGE, "News Item": Kind.NEWS, "Event": Kind.EVENT}
MEDIA = {"Image": (Kind.IMAGE, "image"), "File": (Kind.DOCUMENT, "file")}
NOT_CONTENT = {
    "Link": "lien vers {remoteUrl} : à recréer dans une page ou un menu",
    "Collection": "collection Plone (une recherche enregistrée) : la liste se refait avec les pages d'index",
    "Plone Site": "racine du site Plone : la page d'accueil de la CPTS reste la sienne",
    "LRF": "dossier de langue Plone",
    "LIF": "dossier de langue Plone",
}
DRAFT_STATES = {
    "private": "privé dans Plone : importé en brouillon",
    "pending": "en attente de relecture dans Plone : importé en brouillon",
}
RESOLVEUID = re.compile(r"resolveuid/([0-9a-f]{32})(/@@images/(\w+))?", re.IGNORECASE)
# What Plone appends to an item's address to show it another way (views, downloads, scales).
VIEW_SUFFIX = re.compile(
    r"/(?:@@[\w.-]+|view|image_view_fullscreen|image_(?:large|preview|mini|thumb|tile|icon|listing))(?:/.*)?$"
)


def looks_like(path: Path, head: bytes) -> bool:
    if path.is_dir():
        return (path / METADATA).is_file()
    if not head.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return any(name.endswith(METADATA) for name in archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False


def read(path: Path, *, limits: ImportLimits) -> SourceSite:
    uploads = Uploads(path, limits=limits)
    skipped: list[Skipped] = []
    files = read_files(uploads, skipped)
    root = next((item for item in files.items if item["@type"] == "Plone Site"), {})
    site_id = string(root.get("id"))
    title = string(root.get("title")) or site_id or "Plone"
    site = SourceSite(
        system="plone",
        base_url="",
        origin=slugify(title) or "plone",
        title=title,
        items=[],
        skipped=skipped,
        addresses_of=lambda url, base_url: addresses_of(url, site_id),
    )
    _Reader(site, uploads, files).run()
    return site


def addresses_of(url: str, site_id: str = "") -> list[str]:
    """Addresses to look a URL of the former site up by: its UID for ``resolveuid``, else its path."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[": not a URL
        return []
    if parts.scheme not in ("", "http", "https") or parts.netloc:
        # The export does not say under which domain the site was served: absolute links are left as they are.
        return []
    found = RESOLVEUID.search(parts.path)
    if found:
        uid = found.group(1).lower()
        return [f"uid:{uid}:{found.group(3)}", f"uid:{uid}"] if found.group(3) else [f"uid:{uid}"]
    if not parts.path.startswith("/"):
        return []  # relative to a page of the former site: not known here
    path = unquote(parts.path)
    if site_id and (path == f"/{site_id}" or path.startswith(f"/{site_id}/")):
        path = path[len(site_id) + 1 :] or "/"
    lead = re.search(r"^(.*)/@@images/(\w+)", path)
    plain = VIEW_SUFFIX.sub("", path).rstrip("/") or "/"
    return [f"{lead.group(1).rstrip('/')}/@@images/{lead.group(2)}", plain] if lead else [plain]


class _Reader:
    """The items of one export, mapped one by one: one that cannot be is a line of the report."""

    def __init__(self, site: SourceSite, uploads: Uploads, files: PloneFiles):
        self.site, self.uploads, self.files = site, uploads, files
        self.by_path = {item["@id"]: item for item in files.items if item["@type"] != "Plone Site"}
        self.by_uid = {item["UID"]: item for item in self.by_path.values()}
        self.merged = {page: folder for folder, page in files.default_pages.items()}
        self.holds_pages = _folders_holding_pages(self.by_path, self.merged)
        self.moved: dict[str, list[str]] = {}  # a folder's key -> its default page's addresses

    def run(self) -> None:
        for path, item in self.by_path.items():
            try:
                self._item(path, item)
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
                # What no check foresaw: this item is reported, the others are read.
                title = string(item.get("title")) or path
                self.site.skipped.append(
                    Skipped(f"plone:{item['UID']}", title, f"élément illisible : {error}")
                )
        for source in self.site.items:
            source.old_urls += self.moved.get(source.key, [])

    def _item(self, path: str, item: dict) -> None:
        site, key, kind_name = self.site, f"plone:{item['UID']}", item["@type"]
        title = string(item.get("title"))
        if item["UID"] in self.merged and self.merged[item["UID"]] in self.by_uid:
            folder = self.by_uid[self.merged[item["UID"]]]
            why = f"page par défaut du dossier « {string(folder.get('title'))} » : importée avec lui"
            site.skipped.append(Skipped(key, title or path, why))
            _address(site, item, f"plone:{folder['UID']}")
            self.moved[f"plone:{folder['UID']}"] = [item["@id"], f"{item['@id']}/view"]
            return
        if kind_name in MEDIA:
            _media(site, item, self.uploads)
            return
        kind = TYPES.get(kind_name)
        if kind is None:
            reason = NOT_CONTENT.get(kind_name, "type de contenu Plone « {@type} » d'un module")
            fields = _Blank({name: shown(value) for name, value in item.items() if isinstance(value, str)})
            site.skipped.append(Skipped(key, title or kind_name or path, reason.format_map(fields)))
            return
        if kind_name == "Folder" and path not in self.holds_pages:
            why = (
                "dossier sans pages (fichiers, actualités ou événements) : "
                "son contenu est importé, pas le dossier"
            )
            site.skipped.append(Skipped(key, title or path, why))
            return
        notes: list[str] = []
        text = _text(item)
        if kind_name == "Folder" and item["UID"] in self.files.default_pages:
            text = _text(self.by_uid.get(self.files.default_pages[item["UID"]], {}))
        if kind == Kind.NEWS and isinstance(item.get("image"), dict):
            text = _lead_image(site, item, self.uploads) + text
        state = item.get("review_state")
        state = state if state is None or isinstance(state, str) else shown(state)
        parent = self.by_path.get(str(PurePosixPath(path).parent))
        people = self.files.people
        source = SourceItem(
            key=key,
            kind=kind,
            title=title or "(sans titre)",
            slug=string(item.get("id")),
            html=text,
            summary=string(item.get("description")),
            live=state in ("published", None),
            status_note=DRAFT_STATES.get(state, f"état Plone « {state} » : importé en brouillon")
            if state not in ("published", None)
            else "",
            published=_published(item, notes),
            parent_key=f"plone:{parent['UID']}" if parent and kind == Kind.PAGE else None,
            order=_order(self.files.ordering.get(item["UID"]), notes),
            # Creators are user ids; one that is not a member of the site (Zope's own admin) names nobody.
            author=", ".join(people[c] for c in strings(item.get("creators")) if c in people),
            tags=strings(item.get("subjects")),
            start=_when(item.get("start")),
            end=_when(item.get("end")),
            place=string(item.get("location")),
            notes=notes,
        )
        site.items.append(source)
        _address(site, item, key)
        source.old_urls = [path, f"{path}/view"]


def _address(site: SourceSite, item: dict, key: str) -> None:
    """Record where ``item`` was found: by UID for links in text, by path for links from the web."""
    site.addresses[f"uid:{item['UID']}"] = key
    site.addresses[item["@id"]] = key


def _media(site: SourceSite, item: dict, uploads: Uploads) -> None:
    kind, field = MEDIA[item["@type"]]
    blob = item.get(field) if isinstance(item.get(field), dict) else {}
    file_name = string(blob.get("filename")) or string(item.get("id"))
    key = f"plone:{item['UID']}"
    path = item["@id"]
    source = SourceItem(
        key=key,
        kind=kind,
        title=string(item.get("title")) or file_name or "(sans titre)",
        file_name=file_name,
        alt=string(item.get("description")),
        published=_published(item, []),
        old_urls=[
            path,
            f"{path}/view",
            f"{path}/@@download/{field}/{file_name}",
            f"{path}/@@download/{field}",
        ],
    )
    leads_to = _file(site, uploads, blob, source)
    if leads_to == key:
        site.items.append(source)
    _address(site, item, leads_to)


def _lead_image(site: SourceSite, item: dict, uploads: Uploads) -> str:
    """A News Item's lead image, as an image item of its own and a figure at the top of its text."""
    blob = item["image"]
    key = f"plone:{item['UID']}:image"
    address = f"{item['@id']}/@@images/image"
    source = SourceItem(
        key=key,
        kind=Kind.IMAGE,
        title=string(item.get("title")) or string(blob.get("filename")) or "(sans titre)",
        file_name=string(blob.get("filename")) or "image",
        alt=string(item.get("image_caption")),
        published=_published(item, []),
    )
    leads_to = _file(site, uploads, blob, source)
    if leads_to == key:
        site.items.append(source)
    site.addresses[address] = leads_to
    site.addresses[f"uid:{item['UID']}:image"] = leads_to
    caption = string(item.get("image_caption"))
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure><img src="{address}" alt="">{figcaption}</figure>'


def _folders_holding_pages(by_path: dict[str, dict], merged: dict[str, str]) -> set[str]:
    """The folders with a Document or a default page under them, at any depth: those become pages."""
    holding: set[str] = set()
    for path, item in by_path.items():
        if item["@type"] == "Document" or item["UID"] in merged:
            parent = PurePosixPath(path).parent
            while str(parent) in by_path:
                holding.add(str(parent))
                parent = parent.parent
    return holding


def _file(site: SourceSite, uploads: Uploads, blob: dict, source: SourceItem) -> str:
    """Give ``source`` its blob's file; the key of the item its addresses lead to.

    A file missing from the export leaves ``source`` without one (reported when
    imported). A file another item already reads is not read twice: ``source`` is
    reported as skipped, and its addresses lead to that item.
    """
    path = string(blob.get("blob_path"))
    name = uploads.find(f"content/{path}") if path else None
    if name is None:
        return source.key
    first = uploads.claim(name, source.key)
    if first is None:
        source.load_file = uploads.loader(name)
        return source.key
    why = f"même fichier que l'élément {first} : importé une seule fois"
    site.skipped.append(Skipped(source.key, source.title, why))
    kept = next((other for other in site.items if other.key == first), None)
    if kept is not None:
        kept.old_urls += [address for address in source.old_urls if address not in kept.old_urls]
    return first


def _text(item: dict) -> str:
    text = item.get("text")
    return string(text.get("data")) if isinstance(text, dict) else ""


def _published(item: dict, notes: list[str]) -> datetime | None:
    """When the item was published (else created); a date that cannot be read is noted."""
    unread = []
    for name in ("effective", "created"):
        value = item.get(name)
        if value in (None, "", "None"):
            continue
        found = _when(value)
        if found is None:
            unread.append(f"date « {shown(value)} » ({name}) illisible")
        elif unread:
            notes.append(f"{unread[0]} : date de création retenue")
            return found
        else:
            return found
    if unread:
        notes.append(f"{unread[0]} : date de l'import retenue")
    return None


def _order(value, notes: list[str]) -> int:
    """An item's rank among its siblings (``ordering`` of the metadata); 0 when it is not a number."""
    if value is None:
        return 0
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        notes.append(f"ordre « {shown(value)} » illisible dans __metadata__.json : 0 retenu (placé en tête)")
        return 0


def _when(value) -> datetime | None:
    if not isinstance(value, str) or not value or value == "None":
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
