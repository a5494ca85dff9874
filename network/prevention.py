"""Prevention, seen from the federation: themes, campaign kits, and every CPTS's campaigns."""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .safe_html import KIT_RICH_TEXT_FEATURES, is_link_allowed, rich_text_clean


class PreventionTheme(models.Model):
    """A shared taxonomy of prevention themes; the federation may add to it."""

    code = models.SlugField(_("code"), max_length=50, primary_key=True)
    name = models.CharField(_("nom"), max_length=150)
    national_month = models.PositiveSmallIntegerField(
        _("mois national"), null=True, blank=True, help_text=_("Ex. 3 pour Mars bleu, 10 pour Octobre rose.")
    )
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("thème de prévention")
        verbose_name_plural = _("thèmes de prévention")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class CampaignKit(models.Model):
    """A ready-made campaign the federation publishes and CPTS adopt as their own draft."""

    theme = models.ForeignKey(PreventionTheme, on_delete=models.PROTECT, related_name="kits")
    title = models.CharField(_("titre"), max_length=200)
    summary = models.TextField(_("résumé"))
    body = models.TextField(_("texte (HTML)"), blank=True)
    suggested_indicators = models.JSONField(
        _("indicateurs suggérés"),
        default=list,
        blank=True,
        help_text=_('Liste de {"name": …, "unit": "count|percent|people", "definition": …}.'),
    )
    materials = models.JSONField(
        _("supports"), default=list, blank=True, help_text=_('Liste de {"title": …, "url": …}.')
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    is_published = models.BooleanField(_("publié"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("kit de campagne")
        verbose_name_plural = _("kits de campagne")
        ordering = ["theme", "title"]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def save(self, *args, **kwargs):
        # Kits reach CPTS pages: their HTML keeps only what Wagtail's editor accepts.
        self.body = rich_text_clean(self.body, features=KIT_RICH_TEXT_FEATURES)
        # Any edit of a published kit is a new version, offered to CPTS that adopted it.
        if self.pk and CampaignKit.objects.filter(pk=self.pk, is_published=True).exists():
            previous = CampaignKit.objects.get(pk=self.pk)
            if (
                previous.title,
                previous.summary,
                previous.body,
                previous.suggested_indicators,
                previous.materials,
            ) != (self.title, self.summary, self.body, self.suggested_indicators, self.materials):
                self.version = previous.version + 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not isinstance(self.materials, list) or not all(
            isinstance(item, dict) and isinstance(item.get("title"), str) and isinstance(item.get("url"), str)
            for item in self.materials
        ):
            raise ValidationError({"materials": _('Chaque support est {"title": …, "url": …}.')})
        refused = ", ".join(item["url"] for item in self.materials if not is_link_allowed(item["url"]))
        if refused:
            message = _("Lien refusé (%(urls)s) : seuls http://, https:// et mailto: sont acceptés.")
            raise ValidationError({"materials": message % {"urls": refused[:200]}})


class NetworkCampaign(models.Model):
    """The public copy of a published campaign of a CPTS, written when it is published."""

    cpts = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="campaigns")
    page_id = models.PositiveIntegerField()
    theme = models.ForeignKey(PreventionTheme, on_delete=models.PROTECT, related_name="campaigns")
    title = models.CharField(max_length=255)
    status = models.CharField(max_length=16)
    start = models.DateField()
    end = models.DateField()
    url = models.CharField(max_length=500, blank=True)
    target = models.CharField(max_length=300, blank=True)
    professions = ArrayField(models.CharField(max_length=32), default=list, blank=True)
    indicators = models.JSONField(default=list, blank=True)
    kit = models.ForeignKey(CampaignKit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cpts", "page_id"], name="one_copy_per_campaign")]
        indexes = [models.Index(fields=["theme", "start"]), models.Index(fields=["start", "end"])]

    def __str__(self) -> str:
        return self.title
