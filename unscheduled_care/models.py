"""« Soins non programmés »: one page per CPTS site, under its home page, built from structured data."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from content.api_fields import SelectorField
from content.blocks import RICH_TEXT_FEATURES
from content.models.pages import CPTSPage

from .blocks import PlacesBlock
from .national_numbers import national_data
from .selectors import page_context, page_national_numbers, page_official_tools


class UnscheduledCarePage(CPTSPage):
    """Where to go when one's doctor is closed: the national numbers (shipped data), then the CPTS's places.

    The numbers and the official tools are not fields: they come from
    ``unscheduled_care/data/national_numbers.json``, the same on every site.
    The places are blocks an editor fills, each checked (``blocks.PlaceBlock``).
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Quelques lignes sur l'organisation des soins non programmés du territoire."),
    )
    places = StreamField(
        PlacesBlock(),
        blank=True,
        verbose_name=_("lieux"),
        help_text=_(
            "Maisons médicales de garde, centres de soins non programmés, cabinets participant au SAS."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("places")]
    api_fields = [
        APIField("introduction"),
        APIField("national_numbers", serializer=SelectorField(page_national_numbers)),
        APIField("places"),
        APIField("official_tools", serializer=SelectorField(page_official_tools)),
    ]
    # The site search found the page by its title only: « garde », « urgence », « pharmacie », what a
    # visitor types, are in the national numbers and the places.
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("search_text")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "unscheduled_care/unscheduled_care_page.html"

    class Meta:
        verbose_name = _("soins non programmés")
        verbose_name_plural = _("soins non programmés")

    def search_text(self) -> str:
        """The national numbers' names and uses, then each place's name and town, for the site search."""
        numbers = [f"{number.name} {number.use}" for number in national_data().numbers]
        places = [
            f"{block.value.get('name', '')} {block.value.get('commune', '')}"
            for block in self.places
            if block.block_type == "place"
        ]
        return " ".join([*numbers, *places])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self))
        return context
