"""A CPTS's territory: the communes it serves, in its own schema.

Only the choice of communes and local figures are stored here; names and
populations come from the reference data (public schema), so the number of
communes, the population and the ACI tier are always derived, never typed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TerritoryCommune(models.Model):
    commune = models.OneToOneField(
        "network.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    priority_neighbourhood_population = models.PositiveIntegerField(
        _("population en quartiers prioritaires (QPV)"),
        null=True,
        blank=True,
        help_text=_("Facultatif : chiffre local, par exemple issu du contrat de ville."),
    )
    added_at = models.DateTimeField(_("ajoutée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("commune du territoire")
        verbose_name_plural = _("communes du territoire")
        ordering = ["commune__search_name"]

    def __str__(self) -> str:
        return str(self.commune_id)
