"""The campaign page's admin form: communes offered from, and targets checked against, the territory."""

from django.utils.translation import gettext_lazy as _

from content.forms import CPTSPageForm
from content.models import TerritoryCommune
from network.models import Commune
from tenants.selectors import active_cpts

from .territory_rules import campaign_territory_errors


class CampaignPageForm(CPTSPageForm):
    """Offers the territory's communes only: the full list is 34,920 entries (4.9 MB, 7 s).

    A commune posted from outside the territory is refused on the field, in
    French, before anything is written.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "communes" in self.fields:
            self.fields["communes"].queryset = Commune.objects.filter(
                code__in=TerritoryCommune.objects.values("commune_id")
            ).order_by("name")
            self.fields["communes"].help_text = _(
                "Communes du territoire de la CPTS, si la campagne n'en couvre qu'une partie."
            )

    def clean(self):
        cleaned = super().clean()
        errors = campaign_territory_errors(
            cpts=active_cpts(),
            whole_territory=cleaned.get("whole_territory", True),
            communes=cleaned.get("communes") or [],
            indicators=cleaned.get("indicators") or [],
        )
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)
        return cleaned
