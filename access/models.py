"""The public copies « Trouver ma CPTS » reads besides the reference data and the coverage."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageLinkCopy(models.Model):
    """Where a CPTS's live, public page of one type is, so the federation's host can link to it.

    Written by ``access.page_links`` in the transaction that publishes,
    unpublishes, deletes or hides the page (a view restriction), rebuilt and
    withdrawn with the other public copies. A CPTS without a row has no such
    page anyone may open.
    """

    page_id = models.PositiveIntegerField()
    # On the CPTS's own host, from its site's root: "/adherer/". The host is
    # read when linking, so a new primary domain needs no new copy.
    path = models.CharField(_("chemin"), max_length=255)

    wagtail_reference_index_ignore = True

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.cpts_id} → {self.path}"


class AdhesionPageCopy(PageLinkCopy):
    """The « Adhésion » page (``members.AdhesionPage``): where a professional applies."""

    cpts = models.OneToOneField(
        "tenants.CPTS", on_delete=models.CASCADE, primary_key=True, related_name="adhesion_page_copy"
    )

    class Meta:
        verbose_name = _("page d'adhésion (copie publique)")
        verbose_name_plural = _("pages d'adhésion (copies publiques)")


class UnscheduledCarePageCopy(PageLinkCopy):
    """The « Soins non programmés » page (``unscheduled_care.UnscheduledCarePage``): where to go when
    one's doctor is closed."""

    cpts = models.OneToOneField(
        "tenants.CPTS", on_delete=models.CASCADE, primary_key=True, related_name="unscheduled_care_page_copy"
    )

    class Meta:
        verbose_name = _("page « Soins non programmés » (copie publique)")
        verbose_name_plural = _("pages « Soins non programmés » (copies publiques)")
