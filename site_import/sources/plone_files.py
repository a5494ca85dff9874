"""What a Plone export lists and holds, read once each and within the import's limits.

``__metadata__.json`` lists the items' files (``_data_files_``), their order among
siblings and the folders' default pages. A file listed twice is read once (the
repetition is a line of the report: a few kB of export once listed one large file
hundreds of times); a listed file that is absent, unreadable, too large or not the
description of an item is a line of the report, and the others are read. Only
``__metadata__.json`` itself, unreadable, refuses the whole export.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from ..limits import FileRefused, too_many_items
from . import ExportUnreadable, Skipped, Uploads

METADATA = "content/__metadata__.json"


@dataclass
class PloneFiles:
    # Each item's description (plone.restapi's JSON), with a string UID, path (``@id``) and type.
    items: list[dict] = field(default_factory=list)
    ordering: dict = field(default_factory=dict)
    # A folder's UID -> its default page's UID.
    default_pages: dict[str, str] = field(default_factory=dict)
    # Members' user ids -> full names (authors are kept as text; no account is created).
    people: dict[str, str] = field(default_factory=dict)


def read_files(uploads: Uploads, skipped: list[Skipped]) -> PloneFiles:
    """The export's items and metadata; what cannot be read goes to ``skipped`` with the reason."""
    metadata = _metadata(uploads)
    listed = metadata.get("_data_files_", [])
    if not isinstance(listed, list):
        raise ExportUnreadable(
            "L'export Plone est illisible : « _data_files_ » de __metadata__.json n'est pas une liste. "
            "Exportez de nouveau le site entier ; rien n'a été importé."
        )
    if len(listed) > uploads.limits.items:
        raise ExportUnreadable(too_many_items(len(listed), uploads.limits))
    files = PloneFiles(
        ordering=_mapping(metadata, "ordering", skipped),
        default_pages=_default_pages(_mapping(metadata, "default_page", skipped), skipped),
        people=_people(uploads, skipped),
    )
    times = Counter(name for name in listed if isinstance(name, str))
    uids: dict[str, str] = {}
    paths: dict[str, str] = {}
    done: set[str] = set()
    for index, name in enumerate(listed):
        if not isinstance(name, str) or not name:
            why = f"entrée « {shown(name)} » de _data_files_ illisible dans __metadata__.json"
            skipped.append(Skipped(f"plone:entry-{index}", f"entrée n° {index + 1} de l'export", why))
            continue
        if name in done:
            continue  # listed again: read once, said once
        done.add(name)
        if times[name] > 1:
            why = f"listé {times[name]} fois dans __metadata__.json : lu et importé une seule fois"
            skipped.append(Skipped(f"plone:{name}:doublons", name, why))
        item = _item(uploads, name, skipped)
        if item is None:
            continue
        # Two files for one UID or one path: the first is the item, the second would overwrite it.
        other = uids.get(item["UID"]) or paths.get(item["@id"])
        if other is not None:
            why = f"même UID ou même adresse que « {other} » dans l'export"
            skipped.append(Skipped(f"plone:{name}", string(item.get("title")) or name, why))
            continue
        uids[item["UID"]], paths[item["@id"]] = name, name
        files.items.append(item)
    return files


def _item(uploads: Uploads, name: str, skipped: list[Skipped]) -> dict | None:
    """The item described by the listed file ``name``, or None with the reason in ``skipped``."""
    key = f"plone:{name}"
    found = uploads.find(f"content/{name}")
    if found is None:
        skipped.append(Skipped(key, name, "listé dans __metadata__.json mais absent de l'archive"))
        return None
    first = uploads.claim(found, key)
    if first is not None:
        skipped.append(Skipped(key, name, f"même fichier que « {first} » : lu une seule fois"))
        return None
    try:
        item = json.loads(uploads.read_bytes(found, data=True))
    except FileRefused as error:
        skipped.append(Skipped(key, name, " ".join(error.messages)))
        return None
    except (UnicodeDecodeError, json.JSONDecodeError):
        skipped.append(Skipped(key, name, "fichier illisible (JSON invalide ou tronqué)"))
        return None
    except (zipfile.BadZipFile, OSError) as error:
        raise _truncated(name) from error
    if not isinstance(item, dict):
        skipped.append(Skipped(key, name, "ce fichier ne décrit pas un contenu Plone"))
        return None
    missing = [
        field_name
        for field_name, ok in (
            ("UID", _plain(item.get("UID"))),
            ("@id", _plain(item.get("@id")) and item["@id"].startswith("/")),
            ("@type", isinstance(item.get("@type"), str)),
        )
        if not ok
    ]
    if missing:
        why = f"contenu sans {', '.join(missing)} lisible"
        skipped.append(Skipped(key, string(item.get("title")) or name, why))
        return None
    return item


def _metadata(uploads: Uploads) -> dict:
    found = uploads.find(METADATA)
    if found is None:
        raise ExportUnreadable(
            f"L'export Plone est incomplet : « {METADATA} » manque. Exportez de nouveau le site entier ; "
            "rien n'a été importé."
        )
    try:
        metadata = json.loads(uploads.read_bytes(found, data=True))
    except FileRefused as error:
        raise ExportUnreadable(" ".join(error.messages) + " Rien n'a été importé.") from error
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _truncated(METADATA) from error
    if not isinstance(metadata, dict):
        raise _truncated(METADATA)
    return metadata


def _mapping(metadata: dict, name: str, skipped: list[Skipped]) -> dict:
    value = metadata.get(name, {})
    if isinstance(value, dict):
        return value
    why = f"« {name} » de __metadata__.json illisible"
    skipped.append(Skipped(f"plone:metadata:{name}", name, why))
    return {}


def _default_pages(entries: dict, skipped: list[Skipped]) -> dict[str, str]:
    pages = {}
    for uid, entry in entries.items():
        page = entry.get("default_page_uuid") if isinstance(entry, dict) else entry
        if _plain(page):
            pages[uid] = page
        elif page is not None:  # none is Plone's own "no default page"
            why = "page par défaut illisible dans __metadata__.json : le dossier garde son propre texte"
            skipped.append(Skipped(f"plone:default_page:{uid}", f"page par défaut de {uid}", why))
    return pages


def _people(uploads: Uploads, skipped: list[Skipped]) -> dict[str, str]:
    found = uploads.find("principals.json")
    if found is None:
        return {}
    try:
        members = json.loads(uploads.read_bytes(found, data=True)).get("members", [])
        return {
            m["username"]: string(m.get("fullname")) or m["username"]
            for m in members
            if isinstance(m, dict) and _plain(m.get("username"))
        }
    except (FileRefused, UnicodeDecodeError, json.JSONDecodeError, AttributeError, TypeError) as error:
        why = f"liste des membres illisible ({type(error).__name__}) : auteurs non repris"
        skipped.append(Skipped("plone:principals.json", "principals.json", why))
        return {}
    except (zipfile.BadZipFile, OSError) as error:
        raise _truncated("principals.json") from error


def _truncated(name: str) -> ExportUnreadable:
    return ExportUnreadable(
        f"L'export Plone est illisible (« {name} ») : le fichier est probablement tronqué. "
        "Exportez-le de nouveau et réessayez ; rien n'a été importé."
    )


def _plain(value) -> bool:
    """A non-empty string PostgreSQL can store (no NUL): what an identifier must be."""
    return isinstance(value, str) and bool(value) and "\x00" not in value


def string(value) -> str:
    """A text field of the export, or "" when it holds something else (a number, a list, null)."""
    return value.replace("\x00", "") if isinstance(value, str) else ""


def strings(value) -> list[str]:
    """A list of texts of the export (subjects, creators), without what is not a text."""
    return [string(v) for v in value if isinstance(v, str) and string(v)] if isinstance(value, list) else []


def shown(value) -> str:
    """A value of the export as a report quotes it: on one line, and short."""
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:59] + "…"
