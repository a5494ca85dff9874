"""The tenant half of the « page links » copies: where a CPTS's live, public page of a given type is.

The federation's host links a commune's CPTS to some of its pages: the
« Adhésion » page for a professional, the « Soins non programmés » page for
anyone whose doctor is closed. Their page types belong to apps beside this one
(``members``, ``unscheduled_care``): each is named by its label and looked up
in Django's registry, never imported. A project without the app has no such
page, and no copy is ever written.

Each ``PageLink`` is one registered public copy (``tenants.public_copies``),
recomputed from the schema's state at each event (publication, unpublication,
deletion, a view restriction set or lifted anywhere), not patched: a CPTS has
at most one live, public page of each type (``max_count = 1``), so that costs
two queries and cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from wagtail.models import Page

from content.page_copies import page_copies_follow
from tenants.models import CPTS
from tenants.public_copies import PublicCopy
from tenants.selectors import current_cpts

from .models import AdhesionPageCopy, PageLinkCopy, UnscheduledCarePageCopy


@dataclass(frozen=True)
class PageLink:
    # The public copy's name (check_public_copies prints it).
    name: str
    # The page type, by its label.
    page_type: str
    copy_model: type[PageLinkCopy]
    # The page in words, for drift reports: « page d'adhésion ».
    said: str

    def page_model(self) -> type[Page] | None:
        try:
            return apps.get_model(self.page_type)
        except LookupError:
            return None

    def live_page(self) -> tuple[int, str] | None:
        """The live page anyone may open (no view restriction on it or above), as (id, path)."""
        model = self.page_model()
        if model is None:
            return None
        page = model.objects.live().public().order_by("path").first()
        parts = page.get_url_parts() if page is not None else None
        if not parts:  # no page, or one outside any Wagtail site: no address to give
            return None
        return page.pk, parts[2]

    def refresh(self, cpts: CPTS | None = None) -> None:
        """Rewrite the copy of ``cpts`` (the current CPTS by default) from its schema."""
        cpts = cpts or current_cpts()
        if cpts is None:  # the template schema, or a single-site install: no network to tell
            return
        found = self.live_page()
        if found is None:
            self.copy_model.objects.filter(cpts=cpts).delete()
            return
        page_id, path = found
        self.copy_model.objects.update_or_create(cpts=cpts, defaults={"page_id": page_id, "path": path})

    def withdraw(self, cpts: CPTS) -> None:
        self.copy_model.objects.filter(cpts=cpts).delete()

    def drift(self, cpts: CPTS) -> list[str]:
        found = self.live_page()
        copied = self.copy_model.objects.filter(cpts=cpts).values_list("page_id", "path").first()
        if found == copied:
            return []

        def said(page: tuple[int, str] | None) -> str:
            return f"la page {page[0]} à {page[1]}" if page else "aucune"

        return [f"{self.said} : {said(found)} ici, {said(copied)} dans la copie du réseau"]

    def connect(self) -> None:
        """Follow the page type's life through Wagtail's signals (nothing without its app)."""
        model = self.page_model()
        if model is None:
            return

        def refresh(*args) -> None:
            self.refresh()

        page_copies_follow(
            model,
            name=f"access.{self.copy_model._meta.model_name}",
            publish=refresh,
            withdraw=refresh,
            privacy_follow=refresh,
        )

    def public_copy(self) -> PublicCopy:
        return PublicCopy(self.name, rebuild=self.refresh, withdraw=self.withdraw, drift=self.drift)


ADHESION = PageLink("adhesion pages", "members.AdhesionPage", AdhesionPageCopy, "page d'adhésion")
UNSCHEDULED_CARE = PageLink(
    "unscheduled care pages",
    "unscheduled_care.UnscheduledCarePage",
    UnscheduledCarePageCopy,
    "page « Soins non programmés »",
)
PAGE_LINKS = [ADHESION, UNSCHEDULED_CARE]
