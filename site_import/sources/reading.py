"""Which reader an export needs, from its first bytes: what the command and the screen call."""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.template.defaultfilters import filesizeformat

from ..limits import ImportLimits, archive_refusal, import_limits
from . import ExportUnreadable, SourceSite, Uploads, plone, wordpress


def read_export(path: Path, *, uploads: Path | None = None, max_bytes: int) -> SourceSite:
    """The export at ``path``, whichever format it is in; ``ExportUnreadable`` otherwise.

    A Plone export carries its files; ``uploads`` (WordPress's ``wp-content/uploads``) is
    not needed for it and is not read. ``max_bytes`` (``CPTS_IMPORT_MAX_BYTES``) bounds the
    export's size and what its ZIP declares; ``site_import.limits`` what the import reads.
    """
    limits = import_limits(max_bytes=max_bytes)
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
    for archive in (path, uploads):
        # Before zipfile opens it (plone.looks_like does): its central directory costs memory per entry.
        refusal = _archive_refusal(archive, limits)
        if refusal:
            raise ExportUnreadable(refusal)
    if wordpress.looks_like(head):
        if size > limits.data_bytes:
            # Parsed whole and kept for the import: several times its size in memory.
            raise ExportUnreadable(
                f"L'export WordPress fait {filesizeformat(size)}, au-delà des "
                f"{filesizeformat(limits.data_bytes)} qu'un import lit en une fois "
                "(SITE_IMPORT_MAX_DATA_BYTES) : exportez le site en plusieurs fois (Outils > Exporter, "
                "par type de contenu ou par période) ; rien n'a été importé."
            )
        return wordpress.read(path, Uploads(uploads, limits=limits))
    if plone.looks_like(path, head):
        return plone.read(path, limits=limits)
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


def _archive_refusal(path: Path | None, limits: ImportLimits) -> str | None:
    if path is None or path.is_dir():
        return None
    try:
        with path.open("rb") as file:
            if file.read(2) != b"PK":
                return None
        return archive_refusal(path, limits)
    except OSError as error:
        return f"Lecture impossible : {error}"
