"""What each imported item became: re-importing the same export updates it, never duplicates it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string


class ImportedItem(models.Model):
    """One item of an export (a page, a post, an attachment) and the object it became."""

    source = models.CharField(_("site d'origine"), max_length=255)
    key = models.CharField(_("identifiant d'origine"), max_length=255)
    checksum = models.CharField(max_length=64)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE)
    image = models.ForeignKey(get_image_model_string(), null=True, blank=True, on_delete=models.CASCADE)
    document = models.ForeignKey(get_document_model_string(), null=True, blank=True, on_delete=models.CASCADE)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("élément importé")
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="imported_item_once")]

    def __str__(self) -> str:
        return f"{self.source} {self.key}"

    @property
    def target(self):
        return self.page or self.image or self.document
