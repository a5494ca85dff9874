"""Plone 6.1's export (``plone.exportimport``: Site Setup > Export, ``plone-exporter``) as a ``SourceSite``.

The export is a ZIP (or its unpacked folder) holding ``content/__metadata__.json``
and one ``content/<UID>/data.json`` per item, in plone.restapi's serialization,
with each file beside it (``content/<UID>/file/statuts.pdf``). Documents stay
pages, News Items become news (their lead image placed at the top of the text),
Events become events, Images and Files become images and documents. A Folder
becomes a page when it holds pages; its default page's text becomes its own.
A folder of files, news or events only is not a page: its content is imported,
the folder is listed as skipped. Links between items are Plone's ``resolveuid``
links, resolved by UID.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.utils.text import slugify

from . import ExportUnreadable, Kind, Skipped, SourceItem, SourceSite, Uploads

METADATA = "content/__metadata__.json"
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


def read(path: Path, *, max_bytes: int) -> SourceSite:
    uploads = Uploads(path, max_bytes=max_bytes)
    metadata = _json(uploads, METADATA)
    data = [_json(uploads, f"content/{name}") for name in metadata.get("_data_files_", [])]
    root = next((item for item in data if item.get("@type") == "Plone Site"), {})
    site_id = root.get("id", "")
    title = root.get("title") or site_id or "Plone"
    site = SourceSite(
        system="plone",
        base_url="",
        origin=slugify(title) or "plone",
        title=title,
        items=[],
        addresses_of=lambda url, base_url: addresses_of(url, site_id),
    )
    names = _people(uploads)
    by_path = {item["@id"]: item for item in data if item.get("@type") != "Plone Site"}
    default_pages = {
        uid: entry.get("default_page_uuid") for uid, entry in metadata.get("default_page", {}).items()
    }
    merged = {page: folder for folder, page in default_pages.items() if page}
    holds_pages = _folders_holding_pages(by_path, merged)
    ordering = metadata.get("ordering", {})
    by_uid = {item["UID"]: item for item in by_path.values()}
    moved: dict[str, list[str]] = {}  # a folder's key -> its default page's addresses
    for path, item in by_path.items():
        key = f"plone:{item['UID']}"
        kind_name = item["@type"]
        if item["UID"] in merged and merged[item["UID"]] in by_uid:
            folder = by_uid[merged[item["UID"]]]
            site.skipped.append(
                Skipped(
                    key,
                    item["title"],
                    f"page par défaut du dossier « {folder['title']} » : importée avec lui",
                )
            )
            _address(site, item, f"plone:{folder['UID']}")
            moved[f"plone:{folder['UID']}"] = [item["@id"], f"{item['@id']}/view"]
            continue
        if kind_name in MEDIA:
            _media(site, item, uploads)
            continue
        kind = TYPES.get(kind_name)
        if kind is None:
            reason = NOT_CONTENT.get(kind_name, "type de contenu Plone « {@type} » d'un module")
            site.skipped.append(Skipped(key, item.get("title") or kind_name, reason.format_map(_Blank(item))))
            continue
        if kind_name == "Folder" and path not in holds_pages:
            site.skipped.append(
                Skipped(
                    key,
                    item["title"],
                    "dossier sans pages (fichiers, actualités ou événements) : "
                    "son contenu est importé, pas le dossier",
                )
            )
            continue
        text = _text(item)
        if kind_name == "Folder" and item["UID"] in default_pages:
            text = _text(by_uid.get(default_pages[item["UID"]], {}))
        if kind == Kind.NEWS and item.get("image"):
            text = _lead_image(site, item, uploads) + text
        state = item.get("review_state")
        parent = by_path.get(str(PurePosixPath(path).parent))
        source = SourceItem(
            key=key,
            kind=kind,
            title=item.get("title") or "(sans titre)",
            slug=item.get("id", ""),
            html=text,
            summary=item.get("description") or "",
            live=state in ("published", None),
            status_note=DRAFT_STATES.get(state, f"état Plone « {state} » : importé en brouillon")
            if state not in ("published", None)
            else "",
            published=_when(item.get("effective")) or _when(item.get("created")),
            parent_key=f"plone:{parent['UID']}" if parent and kind == Kind.PAGE else None,
            order=int(ordering.get(item["UID"], 0) or 0),
            # Creators are user ids; one that is not a member of the site (Zope's own admin) names nobody.
            author=", ".join(names[c] for c in item.get("creators") or [] if c in names),
            tags=list(item.get("subjects") or []),
            start=_when(item.get("start")),
            end=_when(item.get("end")),
            place=item.get("location") or "",
        )
        site.items.append(source)
        _address(site, item, key)
        source.old_urls = [path, f"{path}/view"]
    for source in site.items:
        source.old_urls += moved.get(source.key, [])
    return site


def addresses_of(url: str, site_id: str = "") -> list[str]:
    """Addresses to look a URL of the former site up by: its UID for ``resolveuid``, else its path."""
    parts = urlsplit(url)
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


def _address(site: SourceSite, item: dict, key: str) -> None:
    """Record where ``item`` was found: by UID for links in text, by path for links from the web."""
    site.addresses[f"uid:{item['UID']}"] = key
    site.addresses[item["@id"]] = key


def _media(site: SourceSite, item: dict, uploads: Uploads) -> None:
    kind, field = MEDIA[item["@type"]]
    blob = item.get(field) or {}
    file_name = blob.get("filename") or item.get("id", "")
    key = f"plone:{item['UID']}"
    path = item["@id"]
    source = SourceItem(
        key=key,
        kind=kind,
        title=item.get("title") or file_name,
        file_name=file_name,
        alt=item.get("description") or "",
        published=_when(item.get("effective")) or _when(item.get("created")),
        old_urls=[
            path,
            f"{path}/view",
            f"{path}/@@download/{field}/{file_name}",
            f"{path}/@@download/{field}",
        ],
        load_file=_loader(uploads, blob),
    )
    site.items.append(source)
    _address(site, item, key)


def _lead_image(site: SourceSite, item: dict, uploads: Uploads) -> str:
    """A News Item's lead image, as an image item of its own and a figure at the top of its text."""
    blob = item["image"]
    key = f"plone:{item['UID']}:image"
    address = f"{item['@id']}/@@images/image"
    site.items.append(
        SourceItem(
            key=key,
            kind=Kind.IMAGE,
            title=item.get("title") or blob.get("filename", ""),
            file_name=blob.get("filename") or "image",
            alt=item.get("image_caption") or "",
            published=_when(item.get("effective")) or _when(item.get("created")),
            load_file=_loader(uploads, blob),
        )
    )
    site.addresses[address] = key
    site.addresses[f"uid:{item['UID']}:image"] = key
    caption = item.get("image_caption") or ""
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


def _loader(uploads: Uploads, blob: dict) -> Callable[[], bytes] | None:
    """How to read a blob's file from the export; None when the export lacks it (reported per item)."""
    name = uploads.find(f"content/{blob['blob_path']}") if blob.get("blob_path") else None
    return uploads.loader(name) if name else None


def _text(item: dict) -> str:
    text = item.get("text")
    return (text.get("data") or "") if isinstance(text, dict) else ""


def _people(uploads: Uploads) -> dict[str, str]:
    """User ids to full names (authors are kept as text; no account is created)."""
    if uploads.find("principals.json") is None:
        return {}
    members = _json(uploads, "principals.json").get("members", [])
    return {m.get("username", ""): m.get("fullname") or m.get("username", "") for m in members}


def _json(uploads: Uploads, name: str) -> dict | list:
    found = uploads.find(name)
    if found is None:
        raise ExportUnreadable(
            f"L'export Plone est incomplet : « {name} » manque. Exportez de nouveau le site entier ; "
            "rien n'a été importé."
        )
    try:
        return json.loads(uploads.loader(found)())
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportUnreadable(
            f"L'export Plone est illisible (« {name} ») : le fichier est probablement tronqué. "
            "Exportez-le de nouveau et réessayez ; rien n'a été importé."
        ) from error


def _when(value: str | None) -> datetime | None:
    if not value or value == "None":
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
