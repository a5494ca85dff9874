"""The tenant half of the « adhesion pages » copy: a CPTS's « Adhésion » page (current schema) and its copy.

The page type belongs to ``members``, which sits beside this app: it is named
by its label and looked up in Django's registry, never imported. A project
without ``members`` has no adhésion page, and no copy is ever written.

The copy is recomputed from the schema's state at each event (publication,
unpublication, deletion, a view restriction set or lifted anywhere), not
patched: a CPTS has at most one live, public adhésion page (``max_count = 1``),
so that costs two queries and cannot drift.
"""

from __future__ import annotations

from django.apps import apps
from wagtail.models import Page

from content.page_copies import page_copies_follow
from tenants.models import CPTS
from tenants.selectors import current_cpts

from .models import AdhesionPageCopy

ADHESION_PAGE = "members.AdhesionPage"


def adhesion_page_model() -> type[Page] | None:
    try:
        return apps.get_model(ADHESION_PAGE)
    except LookupError:
        return None


def live_adhesion_page() -> tuple[int, str] | None:
    """The live adhésion page anyone may open (no view restriction on it or above), as (id, path)."""
    model = adhesion_page_model()
    if model is None:
        return None
    page = model.objects.live().public().order_by("path").first()
    parts = page.get_url_parts() if page is not None else None
    if not parts:  # no page, or one outside any Wagtail site: no address to give
        return None
    return page.pk, parts[2]


def adhesion_page_copy_refresh(cpts: CPTS | None = None) -> None:
    """Rewrite the copy of ``cpts`` (the current CPTS by default) from its schema."""
    cpts = cpts or current_cpts()
    if cpts is None:  # the template schema, or a single-site install: no network to tell
        return
    found = live_adhesion_page()
    if found is None:
        AdhesionPageCopy.objects.filter(cpts=cpts).delete()
        return
    page_id, path = found
    AdhesionPageCopy.objects.update_or_create(cpts=cpts, defaults={"page_id": page_id, "path": path})


def adhesion_page_copy_withdraw(cpts: CPTS) -> None:
    AdhesionPageCopy.objects.filter(cpts=cpts).delete()


def adhesion_page_copy_drift(cpts: CPTS) -> list[str]:
    found = live_adhesion_page()
    copied = AdhesionPageCopy.objects.filter(cpts=cpts).values_list("page_id", "path").first()
    if found == copied:
        return []

    def said(page: tuple[int, str] | None) -> str:
        return f"la page {page[0]} à {page[1]}" if page else "aucune"

    return [f"page d'adhésion : {said(found)} ici, {said(copied)} dans la copie du réseau"]


def connect() -> None:
    model = adhesion_page_model()
    if model is None:
        return

    def refresh(*args) -> None:
        adhesion_page_copy_refresh()

    page_copies_follow(
        model, name="access.adhesion_page", publish=refresh, withdraw=refresh, privacy_follow=refresh
    )
