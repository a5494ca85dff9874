"""A CPTS site's identity (logo, colour, hero, footer data) and its legal pages.

One ``SiteIdentity`` per Wagtail ``Site``, edited on the admin's *Identité du
site* screen (``content/identity_admin.py``). Images are Wagtail images, so
they pass the same upload rules as every other (``content/uploads.py``:
re-encoded, no SVG). The theme reads the colour through a small stylesheet
served at ``/theme.css?v=<version>`` (``content/identity_views.py``): the
version grows at every save, so browsers may keep the file for a year.

Legal pages (``LegalPage``) are ordinary pages the editor can change; they are
written once from the CPTS's data when the site is made
(``content.services.identity.legal_pages_provision``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from content.blocks import BodyBlock
from content.colours import validate_primary_colour

from .pages import CPTSPage

DEFAULT_PRIMARY_COLOUR = "#000091"


class SiteIdentity(models.Model):
    site = models.OneToOneField("wagtailcore.Site", on_delete=models.CASCADE, related_name="identity")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Image PNG, JPEG ou WebP (pas de SVG), carrée de préférence : elle donne aussi l'icône "
            "de l'onglet (favicon) et l'image des partages sur les réseaux sociaux."
        ),
    )
    primary_colour = models.CharField(
        _("couleur principale"),
        max_length=7,
        default=DEFAULT_PRIMARY_COLOUR,
        validators=[validate_primary_colour],
        help_text=_(
            "Liens, chiffres, boutons et bandeau du site. Format #rrggbb ; une couleur trop claire "
            "pour un texte lisible (contraste WCAG AA de 4,5:1) est refusée."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'accueil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultative : une photo large en tête de la page d'accueil."),
    )
    hero_alt = models.CharField(
        _("texte alternatif de l'image d'accueil"),
        max_length=200,
        blank=True,
        help_text=_("Ce que l'image montre, pour qui ne la voit pas. Vide si elle est décorative."),
    )
    address = models.TextField(_("adresse postale"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    contact_email = models.EmailField(
        _("e-mail affiché"), blank=True, help_text=_("Vide : l'e-mail de contact de la CPTS.")
    )
    linkedin_url = models.URLField(_("page LinkedIn"), blank=True)
    facebook_url = models.URLField(_("page Facebook"), blank=True)
    instagram_url = models.URLField(_("compte Instagram"), blank=True)
    mastodon_url = models.URLField(_("compte Mastodon"), blank=True)
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"),
        max_length=200,
        blank=True,
        help_text=_("Une fonction suffit, ex. « Le président de l'association » (LCEN, art. 6 III)."),
    )
    host_name = models.CharField(
        _("hébergeur"), max_length=200, blank=True, help_text=_("Nom de l'hébergeur du site.")
    )
    host_address = models.TextField(_("adresse de l'hébergeur"), blank=True)
    host_phone = models.CharField(_("téléphone de l'hébergeur"), max_length=30, blank=True)
    # Grows at every save: the stylesheet's address carries it, so browsers keep it safely.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("identité du site")
        verbose_name_plural = _("identité du site")

    def __str__(self) -> str:
        return str(_("Identité de %(site)s")) % {"site": self.site.site_name or self.site.hostname}

    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("Mastodon", self.mastodon_url),
        ]
        return [(name, url) for name, url in links if url]


class LegalPage(CPTSPage):
    """A page French law expects (mentions légales, données personnelles, accessibilité)."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("Mentions légales")
        PRIVACY = "privacy", _("Données personnelles")
        ACCESSIBILITY = "accessibility", _("Accessibilité")

    kind = models.CharField(_("nature"), max_length=16, choices=Kind.choices)
    introduction = models.TextField(_("chapô"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    api_fields = [APIField("kind"), APIField("introduction"), APIField("body")]

    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    template = "content/standard_page.html"

    class Meta:
        verbose_name = _("page légale")
        verbose_name_plural = _("pages légales")

    def clean(self):
        super().clean()
        if LegalPage.objects.filter(kind=self.kind).exclude(pk=self.pk).exists():
            raise ValidationError({"kind": _("Le site a déjà cette page ; modifiez-la.")})
