"""Headless preview tokens, stored in the CPTS's own schema."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PreviewToken(models.Model):
    """A random token that opens one revision of one page, for a limited time.

    Only the token's SHA-256 is stored: a database dump or a leaked
    ``SECRET_KEY`` gives no way to open a draft. The row lives in the CPTS's
    schema, so a token is worthless on any other CPTS's host.
    """

    digest = models.CharField(max_length=64, unique=True)
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField(db_index=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("jeton d'aperçu")
        verbose_name_plural = _("jetons d'aperçu")

    def __str__(self) -> str:
        return f"{self.revision_id} → {self.expires_at:%Y-%m-%d %H:%M}"
