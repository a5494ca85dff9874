"""The fields a news item or an event needs to travel in the network (``syndication`` reads them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField

from tenants.vocabulary import Mission


class NetworkShareable(models.Model):
    """What lets a news item or an event travel in the network: its theme, and the origin of a republication.

    ``source_name`` and ``source_url`` name the site a page was first published
    on; a page republished from the network (``syndication``) carries them, and
    the page shows them to its readers.
    """

    theme = models.CharField(
        _("thème"),
        max_length=32,
        choices=Mission.choices,
        blank=True,
        help_text=_("Les CPTS abonnées à ce thème le voient passer dans le réseau."),
    )
    source_name = models.CharField(_("publié d'abord par"), max_length=255, blank=True)
    source_url = models.URLField(_("page d'origine"), max_length=500, blank=True)

    origin_panel = MultiFieldPanel(
        [FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Origine"), classname="collapsed"
    )
    network_api_fields = [APIField("theme"), APIField("source_name"), APIField("source_url")]

    class Meta:
        abstract = True
