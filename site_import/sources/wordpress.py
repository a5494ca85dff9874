"""WordPress's export (WXR 1.0 to 1.2, Tools > Export > All content) as a ``SourceSite``.

Pages stay pages, posts become news, The Events Calendar's events become events,
attachments become images or documents (their files come from the site's
``wp-content/uploads``, given as a ZIP or a folder: the export holds only their
addresses). Menus, venues, revisions and block themes' internals are not
content: they are listed as skipped, with the reason.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree.ElementTree import Element, ParseError
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from ..limits import too_many_items
from . import ExportUnreadable, Kind, Skipped, SourceItem, SourceSite, Uploads

CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
WP_NAMESPACE = re.compile(r"^\{http://wordpress\.org/export/1\.[0-2]/\}")
EXCERPT = re.compile(r"^\{http://wordpress\.org/export/1\.[0-2]/excerpt/\}")
TYPES = {"page": Kind.PAGE, "post": Kind.NEWS, "tribe_events": Kind.EVENT}
NOT_CONTENT = {
    "nav_menu_item": "élément de menu : le menu est refait à partir des pages de premier niveau",
    "tribe_venue": "lieu d'événement : son nom est repris dans le champ « lieu » des événements",
    "tribe_organizer": "organisateur d'événement (greffon The Events Calendar)",
    "revision": "révision WordPress : seule la dernière version est importée",
    "customize_changeset": "réglage du thème WordPress",
    "custom_css": "feuille de style du thème WordPress",
    "oembed_cache": "cache WordPress",
    "user_request": "demande RGPD WordPress (données personnelles, jamais importées)",
    "wp_block": "bloc réutilisable de l'éditeur WordPress",
    "wp_template": "gabarit du thème WordPress",
    "wp_template_part": "gabarit du thème WordPress",
    "wp_global_styles": "styles du thème WordPress",
    "wp_navigation": "menu de l'éditeur de site WordPress",
    "wpcf7_contact_form": "formulaire Contact Form 7 : à refaire avec la page Contact",
}
# WordPress's statuses; anything else (a plugin's) is imported as a draft, with a note.
DRAFT_STATUSES = {
    "draft": "",
    "pending": "en attente de relecture dans WordPress",
    "private": "page privée dans WordPress : importée en brouillon",
    "future": "planifiée dans WordPress : importée en brouillon, à publier à sa date",
    "auto-draft": "brouillon automatique de WordPress",
}
PARIS = ZoneInfo("Europe/Paris")


def looks_like(head: bytes) -> bool:
    return b"<rss" in head and b"wordpress.org/export/" in head


def read(path: Path, uploads: Uploads) -> SourceSite:
    try:
        root = parse(str(path), forbid_dtd=True).getroot()
    except ParseError as error:
        line, column = error.position
        raise ExportUnreadable(
            f"L'export WordPress est illisible (ligne {line}, colonne {column}) : le fichier est "
            "probablement tronqué. Exportez-le de nouveau et réessayez ; rien n'a été importé."
        ) from error
    except DefusedXmlException as error:
        raise ExportUnreadable(
            "L'export contient des déclarations XML refusées (entités ou DTD) : ce n'est pas un export "
            "WordPress ordinaire ; rien n'a été importé."
        ) from error
    channel = root.find("channel")
    if root.tag != "rss" or channel is None or _wp(channel, "wxr_version") is None:
        raise ExportUnreadable("Ce fichier XML n'est pas un export WordPress (WXR) ; rien n'a été importé.")
    elements = channel.findall("item")
    if len(elements) > uploads.limits.items:
        raise ExportUnreadable(too_many_items(len(elements), uploads.limits))
    base_url = (_wp(channel, "base_blog_url") or _wp(channel, "base_site_url") or "").rstrip("/")
    authors = {
        _wp(author, "author_login"): _wp(author, "author_display_name") or _wp(author, "author_login")
        for author in _wp_all(channel, "author")
    }
    entries = [_fields(item) for item in elements]
    venues = {e["post_id"]: e["title"] for e in entries if e["post_type"] == "tribe_venue"}
    site = SourceSite(
        system="wordpress",
        base_url=base_url,
        title=channel.findtext("title") or "",
        items=[],
        addresses_of=_lookups,
    )
    seen: set[str] = set()
    for position, entry in enumerate(entries, 1):
        title = entry["title"] or entry["post_type"] or "(sans titre)"
        key = f"wp:{entry['post_id']}"
        if not entry["post_id"]:
            why = "élément sans identifiant (wp:post_id)"
            site.skipped.append(Skipped(f"wp:sans-identifiant-{position}", title, why))
            continue
        if key in seen:
            why = f"identifiant {entry['post_id']} déjà pris par un autre élément de l'export"
            site.skipped.append(Skipped(f"{key}:doublon-{position}", title, why))
            continue
        seen.add(key)
        try:
            _entry(site, entry, key, uploads, authors, venues)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            # What no check above foresaw: this item is reported, the others are read.
            site.skipped.append(Skipped(key, title, f"élément illisible dans l'export : {error}"))
    return site


def _entry(site: SourceSite, entry: dict, key: str, uploads: Uploads, authors: dict, venues: dict) -> None:
    kind = TYPES.get(entry["post_type"])
    if entry["post_type"] == "attachment":
        _attachment(site, entry, uploads)
        return
    if kind is None:
        reason = NOT_CONTENT.get(
            entry["post_type"],
            f"type de contenu « {_shown(entry['post_type'])} » d'un greffon"
            if entry["post_type"]
            else "élément sans type de contenu (wp:post_type)",
        )
        site.skipped.append(Skipped(key, entry["title"] or entry["post_type"] or "(sans titre)", reason))
        return
    if entry["status"] == "trash":
        site.skipped.append(Skipped(key, entry["title"] or "(sans titre)", "à la corbeille dans WordPress"))
        return
    meta = entry["meta"]
    notes: list[str] = []
    item = SourceItem(
        key=key,
        kind=kind,
        title=entry["title"] or "(sans titre)",
        slug=entry["post_name"],
        html=entry["content"],
        summary=entry["excerpt"],
        live=entry["status"] == "publish",
        status_note=_status_note(entry["status"]),
        published=_date(entry, notes),
        parent_key=f"wp:{entry['post_parent']}" if entry["post_parent"] not in ("", "0") else None,
        order=_order(entry["menu_order"], notes),
        author=authors.get(entry["creator"]) or entry["creator"],
        tags=entry["terms"],
        old_urls=_addresses(entry, site.base_url),
        start=_local(meta.get("_EventStartDate")),
        end=_local(meta.get("_EventEndDate")),
        place=venues.get(meta.get("_EventVenueID", ""), ""),
        notes=notes,
    )
    site.items.append(item)
    for address in item.old_urls:
        site.addresses[address] = key


def _status_note(status: str) -> str:
    if status == "publish":
        return ""
    if not status:
        return "statut absent de l'export (wp:status) : importé en brouillon"
    return DRAFT_STATUSES.get(status, f"statut WordPress « {_shown(status)} » : importé en brouillon")


def _order(value: str, notes: list[str]) -> int:
    """A page's rank among its siblings; 0 (first) when the export's is not a number."""
    if not value.strip():
        return 0
    try:
        return int(value)
    except ValueError:
        notes.append(f"ordre de menu « {_shown(value)} » illisible : 0 retenu (placée en tête)")
        return 0


def _attachment(site: SourceSite, entry: dict, uploads: Uploads) -> None:
    key = f"wp:{entry['post_id']}"
    relative = entry["meta"].get("_wp_attached_file") or _uploads_path(entry["attachment_url"]) or ""
    name = uploads.find(relative) if relative else None
    extension = Path(relative).suffix.lower()
    kind = Kind.IMAGE if extension in {".jpg", ".jpeg", ".png", ".gif", ".webp"} else Kind.DOCUMENT
    item = SourceItem(
        key=key,
        kind=kind,
        title=entry["title"] or Path(relative).stem or "(sans titre)",
        file_name=Path(relative).name,
        alt=entry["meta"].get("_wp_attachment_image_alt", ""),
        published=_date(entry, []),
        old_urls=_addresses(entry, site.base_url),
        load_file=uploads.loader(name) if name else None,
    )
    first = uploads.claim(name, key) if name else None
    if first is not None:
        # Two attachments of one file: it is read and imported once, both addresses lead to it.
        site.skipped.append(
            Skipped(key, item.title, f"même fichier que l'élément {first} : importé une seule fois")
        )
        kept = next(other for other in site.items if other.key == first)
        kept.old_urls += [address for address in item.old_urls if address not in kept.old_urls]
        key = first
    else:
        site.items.append(item)
    for address in item.old_urls:
        site.addresses[address] = key
    if relative:
        site.addresses[f"uploads:{relative}"] = key


def _uploads_path(url: str) -> str | None:
    try:
        path = urlsplit(url).path
    except ValueError:  # "http://[": not a URL
        return None
    marker = "/wp-content/uploads/"
    return path.split(marker, 1)[1] if marker in path else None


def uploads_key(url: str) -> str | None:
    """The ``uploads:`` address of a file URL, a resized copy (``a-300x188.jpg``) leading to its original."""
    relative = _uploads_path(url)
    if relative is None:
        return None
    return "uploads:" + re.sub(r"-\d+x\d+(\.\w+)$", r"\1", relative)


def address_of(url: str, base_url: str) -> str | None:
    """A former site's URL as the import files it: its path and query, or None if it points elsewhere."""
    try:
        parts = urlsplit(url)
        base = urlsplit(base_url)
    except ValueError:  # "http://[": not a URL, so not an address of the site
        return None
    if parts.scheme not in ("", "http", "https"):
        return None
    if parts.netloc and parts.netloc.removeprefix("www.") != base.netloc.removeprefix("www."):
        return None
    if not parts.netloc and not parts.path.startswith("/") and not parts.query:
        return None  # relative to a page that no longer exists: unknown
    query = parse_qs(parts.query)
    for name in ("p", "page_id", "attachment_id"):
        if name in query:
            return f"/?{name}={query[name][0]}"
    path = parts.path or "/"
    return path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"


def _lookups(url: str, base_url: str) -> list[str]:
    """A URL of this site as addresses to look up; another site's gives none."""
    address = address_of(url, base_url)
    return [a for a in (address, uploads_key(url)) if a] if address else []


def _addresses(entry: dict, base_url: str) -> list[str]:
    found = [address_of(entry["link"], base_url), f"/?p={entry['post_id']}"]
    if entry["post_type"] == "page":
        found.append(f"/?page_id={entry['post_id']}")
    if entry["post_type"] == "attachment":
        # The file's own URL too: links from the web point at PDFs more than at attachment pages.
        found += [f"/?attachment_id={entry['post_id']}", address_of(entry["attachment_url"], base_url)]
    return list(dict.fromkeys(a for a in found if a and a != "/"))


def _fields(item: Element) -> dict:
    fields = {"title": item.findtext("title") or "", "link": item.findtext("link") or ""}
    fields["creator"] = item.findtext(f"{DC}creator") or ""
    fields["content"] = item.findtext(f"{CONTENT}encoded") or ""
    fields["excerpt"] = next((child.text or "" for child in item if EXCERPT.match(child.tag)), "")
    for name in ("post_id", "post_name", "status", "post_parent", "menu_order", "post_type"):
        fields[name] = _wp(item, name) or ""
    for name in ("post_id", "post_parent"):  # numbers, which a hand-edited export may pad
        fields[name] = fields[name].strip()
    fields["post_date"] = _wp(item, "post_date") or ""
    fields["post_date_gmt"] = _wp(item, "post_date_gmt") or ""
    fields["attachment_url"] = _wp(item, "attachment_url") or ""
    fields["meta"] = {
        _wp(meta, "meta_key"): _wp(meta, "meta_value") or "" for meta in _wp_all(item, "postmeta")
    }
    fields["terms"] = [
        term.text
        for term in item.findall("category")
        if term.get("domain") in ("category", "post_tag") and term.text
    ]
    fields["terms"] = [
        t for t in dict.fromkeys(fields["terms"]) if t != "Uncategorized" and t != "Non classé"
    ]
    return fields


def _wp(element: Element, name: str) -> str | None:
    for child in element:
        if WP_NAMESPACE.match(child.tag) and child.tag.endswith("}" + name):
            return child.text
    return None


def _wp_all(element: Element, name: str) -> list[Element]:
    return [child for child in element if WP_NAMESPACE.match(child.tag) and child.tag.endswith("}" + name)]


def _date(entry: dict, notes: list[str]) -> datetime | None:
    """When the item was published: WordPress's UTC date, else its local one; an unreadable one is noted."""
    unread: list[str] = []
    for value, zone in ((entry["post_date_gmt"], UTC), (entry["post_date"], PARIS)):
        if not value or value.startswith("0000"):
            continue
        try:
            found = datetime.fromisoformat(value).replace(tzinfo=zone)
        except ValueError:
            unread.append(value)
            continue
        if unread:
            notes.append(f"date « {_shown(unread[0])} » illisible : date locale de WordPress retenue")
        return found
    if unread:
        notes.append(f"date « {_shown(unread[0])} » illisible : date de l'import retenue")
    return None


def _shown(value: str) -> str:
    """A value of the export as a report quotes it: on one line, and short."""
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:59] + "…"


def _local(value: str | None) -> datetime | None:
    """A WordPress local time (the site's, French for a CPTS) as an aware datetime."""
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=PARIS)
    except ValueError:
        return None
