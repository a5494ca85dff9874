"""Which reader an export needs, from its first bytes: what the command and the screen call."""

from __future__ import annotations

from pathlib import Path

from . import ExportUnreadable, SourceSite, Uploads, wordpress


def read_export(path: Path, *, uploads: Path | None = None, max_bytes: int) -> SourceSite:
    """The export at ``path``, whichever format it is in; ``ExportUnreadable`` otherwise."""
    try:
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
    raise ExportUnreadable(
        "Ce fichier n'est pas un export reconnu. Attendu : l'export WordPress (Outils > Exporter, "
        "un fichier .xml « WXR »)."
    )
