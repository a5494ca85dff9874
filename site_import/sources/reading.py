"""Which reader an export needs, from its first bytes: what the command and the screen call."""

from __future__ import annotations

import zipfile
from pathlib import Path

from . import ExportUnreadable, SourceSite, Uploads, plone, wordpress


def read_export(path: Path, *, uploads: Path | None = None, max_bytes: int) -> SourceSite:
    """The export at ``path``, whichever format it is in; ``ExportUnreadable`` otherwise.

    A Plone export carries its files; ``uploads`` (WordPress's ``wp-content/uploads``) is
    not needed for it and is not read.
    """
    size, head = 0, b""
    try:
        if not path.is_dir():
            size = path.stat().st_size
            with path.open("rb") as file:
                head = file.read(4096)
    except OSError as error:
        raise ExportUnreadable(f"Lecture impossible : {error}") from error
    if size > max_bytes:
        raise ExportUnreadable(
            f"Le fichier fait {size // 1_000_000} Mo, au-delà de la limite de {max_bytes // 1_000_000} Mo."
        )
    if wordpress.looks_like(head):
        return wordpress.read(path, Uploads(uploads, max_bytes=max_bytes))
    if plone.looks_like(path, head):
        return plone.read(path, max_bytes=max_bytes)
    if head.startswith(b"PK") and not zipfile.is_zipfile(path):
        raise ExportUnreadable(
            "L'archive ZIP est illisible : elle est probablement tronquée. Exportez le site de nouveau "
            "et réessayez ; rien n'a été importé."
        )
    if head.startswith(b"PK"):
        raise ExportUnreadable(
            "Cette archive ZIP n'est pas un export Plone : il y manque content/__metadata__.json. "
            "Exportez le site avec Configuration du site > Exporter (Plone 6.1, plone.exportimport)."
        )
    raise ExportUnreadable(
        "Ce fichier n'est pas un export reconnu. Attendu : l'export WordPress (Outils > Exporter, "
        "un fichier .xml « WXR ») ou l'export d'un site Plone 6.1 (une archive .zip)."
    )
