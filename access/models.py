"""The public copy « Trouver ma CPTS » reads besides the reference data and the coverage."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdhesionPageCopy(models.Model):
    """Where a CPTS's live, public « Adhésion » page is, so the federation's host can link to it.

    Written by ``access.adhesion_pages`` in the transaction that publishes,
    unpublishes, deletes or hides the page (a view restriction), rebuilt and
    withdrawn with the other public copies. A CPTS without a row has no page
    a professional can apply from.
    """

    cpts = models.OneToOneField(
        "tenants.CPTS", on_delete=models.CASCADE, primary_key=True, related_name="adhesion_page_copy"
    )
    page_id = models.PositiveIntegerField()
    # On the CPTS's own host, from its site's root: "/adherer/". The host is
    # read when linking, so a new primary domain needs no new copy.
    path = models.CharField(_("chemin"), max_length=255)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("page d'adhésion (copie publique)")
        verbose_name_plural = _("pages d'adhésion (copies publiques)")

    def __str__(self) -> str:
        return f"{self.cpts_id} → {self.path}"
