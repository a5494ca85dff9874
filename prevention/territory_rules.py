"""What a campaign may claim of its CPTS's territory: checked by those given the CPTS.

A campaign's communes must be in the territory, and a target counted in
people cannot exceed the territory's population. Both read another schema's
rows (the territory in the CPTS's schema, the population on its public row),
so they are not the page model's business: the admin form checks them with
the active CPTS, and the services that write campaigns (kit adoption) with
the CPTS they are given.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from content.models import TerritoryCommune
from tenants.models import CPTS
from tenants.selectors import require_schema

from .blocks import Unit


def campaign_territory_errors(
    *, cpts: CPTS, whole_territory: bool, communes: Iterable, indicators: Iterable
) -> dict[str, str]:
    """Errors by field name (empty: the campaign fits its territory); the CPTS's schema active."""
    require_schema(cpts)
    errors = {}
    if not whole_territory:
        territory = set(TerritoryCommune.objects.values_list("commune_id", flat=True))
        outside = [commune for commune in communes if commune.code not in territory]
        if outside:
            errors["communes"] = _("Hors du territoire de la CPTS : %(names)s.") % {
                "names": ", ".join(commune.name for commune in outside)
            }
    # Read now, not from the object: the coverage sync keeps it up to date in SQL.
    population = CPTS.objects.filter(pk=cpts.pk).values_list("territory_population", flat=True).first() or 0
    for block in indicators or []:
        value = block.value
        if (
            value["unit"] == Unit.PEOPLE
            and value.get("target")
            and population
            and value["target"] > population
        ):
            errors["indicators"] = _(
                "La cible « %(name)s » (%(target)s personnes) dépasse la population du territoire (%(pop)s)."
            ) % {"name": value["name"], "target": int(value["target"]), "pop": population}
    return errors


def campaign_territory_check(page, *, cpts: CPTS) -> None:
    """Raises the errors of ``campaign_territory_errors`` for a campaign page about to be saved."""
    errors = campaign_territory_errors(
        cpts=cpts,
        whole_territory=page.whole_territory,
        communes=page.communes.all(),
        indicators=page.indicators,
    )
    if errors:
        raise ValidationError(errors)
