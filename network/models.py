"""Reference data and the network's view of territories (public schema).

Regions, departments and communes come from INSEE's official geography (see
``load_reference_data``). ``TerritoryClaim`` is the public projection of every
CPTS's territory, written in the same transaction as the territory itself, so
the federation's figures are one SQL query away and never loop over schemas.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("région")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departments")

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("département")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CommuneKind(models.TextChoices):
    COMMUNE = "commune", _("commune")
    # Paris, Lyon and Marseille are split into municipal arrondissements; a
    # CPTS of Paris 13e claims the arrondissement, not the whole city.
    ARRONDISSEMENT = "arrondissement", _("arrondissement municipal")


class Commune(models.Model):
    """A current commune, or a municipal arrondissement of Paris, Lyon or Marseille."""

    code = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    # Lower case, no accents, "saint" spelt out: what name matching compares.
    search_name = models.CharField(max_length=100, db_index=True)
    kind = models.CharField(max_length=16, choices=CommuneKind.choices, default=CommuneKind.COMMUNE)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="communes")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="communes")
    population = models.PositiveIntegerField(_("population municipale"), default=0)
    postal_codes = ArrayField(models.CharField(max_length=5), default=list, blank=True)
    # The city an arrondissement belongs to.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="arrondissements"
    )
    # False once a newer reference file no longer lists it (merged away): kept,
    # so that no territory loses a commune silently.
    is_current = models.BooleanField(default=True)
    # A population unit: a commune without arrondissements, or an arrondissement.
    is_unit = models.BooleanField(default=True)
    # How many CPTS cover this unit; kept by network.coverage in the transaction
    # that changes a territory, so coverage figures are a scan of this table.
    # One counter per coverage definition (network.coverage.Definition): any
    # stage, health project validated or later, ACI signed.
    cover_count = models.PositiveIntegerField(default=0)
    cover_count_project = models.PositiveIntegerField(default=0, db_default=0)
    cover_count_aci = models.PositiveIntegerField(default=0, db_default=0)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("commune")
        ordering = ["code"]
        indexes = [
            models.Index(fields=["department", "kind"]),
            models.Index(fields=["cover_count", "-population"], name="commune_cover_population"),
            models.Index(fields=["cover_count_project", "-population"], name="commune_cover_project_pop"),
            models.Index(fields=["cover_count_aci", "-population"], name="commune_cover_aci_population"),
            # A postal code's communes (« Trouver ma CPTS », commune_find): no scan of 35,000 rows.
            GinIndex(fields=["postal_codes"], name="commune_postal_codes"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class CommuneUnit(models.Model):
    """Which population units a commune stands for: itself, or a city's arrondissements.

    A unit is a commune, except Paris, Lyon and Marseille whose units are their
    municipal arrondissements. Built with the reference data, so coverage
    queries join claims to units on equality instead of deriving them.
    """

    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+")

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [models.UniqueConstraint(fields=["commune", "unit"], name="unique_commune_unit")]
        indexes = [models.Index(fields=["unit", "commune"])]

    def __str__(self) -> str:
        return f"{self.commune_id} → {self.unit_id}"


class CommuneAlias(models.Model):
    """Another name or code that leads to a current commune.

    Communes déléguées and associées keep their own name and code within a
    commune nouvelle; a merged commune's old code still appears in exports.
    """

    class Kind(models.TextChoices):
        DELEGATED = "delegated", _("commune déléguée")
        ASSOCIATED = "associated", _("commune associée")
        FORMER_CODE = "former", _("ancien code")

    code = models.CharField(max_length=5, db_index=True)
    name = models.CharField(max_length=100, blank=True)
    search_name = models.CharField(max_length=100, blank=True, db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="aliases")

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["code", "kind", "commune"], name="unique_commune_alias")
        ]

    def __str__(self) -> str:
        return f"{self.name or self.code} → {self.commune_id}"


class UnitClaim(models.Model):
    """The population units a CPTS covers: its claims expanded through CommuneUnit."""

    cpts = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="unit_claims")
    unit = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="unit_claims")
    # The CPTS's stage when this claim was counted: a stage change moves the
    # counters of every definition by comparing it with the new one.
    stage = models.CharField(max_length=32, default="idea")

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cpts", "unit"], name="unique_unit_claim")]
        indexes = [models.Index(fields=["unit", "cpts"])]

    def __str__(self) -> str:
        return f"{self.cpts_id} → {self.unit_id}"


class ReferenceDataset(models.Model):
    """Which edition of the reference data is loaded, for the README and the API."""

    source = models.CharField(max_length=200)
    version = models.CharField(max_length=20)
    edition = models.PositiveSmallIntegerField()
    licence = models.CharField(max_length=200)
    loaded_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("référentiel chargé")
        verbose_name_plural = _("référentiels chargés")

    def __str__(self) -> str:
        return f"{self.source} {self.version}"


class TerritoryClaim(models.Model):
    """A CPTS claims a commune: the public copy of its territory.

    Written only by ``content.territory`` services, in the transaction that
    changes the CPTS's own territory rows; ``check_public_copies`` reports
    any drift between the two.
    """

    cpts = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="claims")
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="claims")

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cpts", "commune"], name="unique_territory_claim")]
        indexes = [models.Index(fields=["commune", "cpts"])]

    def __str__(self) -> str:
        return f"{self.cpts_id} → {self.commune_id}"


class MemberCount(models.Model):
    """Accepted members of a CPTS in one profession: the public copy of its member records.

    Written by ``members.counts`` in the transaction of each decision or
    erasure, rebuilt with the other copies; the federation reads counts here,
    never a member.
    """

    cpts = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="member_counts")
    profession = models.CharField(max_length=32)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cpts", "profession"], name="one_member_count_per_profession")
        ]

    def __str__(self) -> str:
        return f"{self.cpts_id} · {self.profession} : {self.count}"


# Funding grids and the features' public copies live in their own modules; imported here so
# Django sees the models.
from .aci_years import AciYearCopy  # noqa: E402, F401
from .funding import FundingGrid, FundingLine  # noqa: E402, F401
from .observatory import IndicatorDefinition, SharedIndicatorValue  # noqa: E402, F401
from .prevention import CampaignKit, NetworkCampaign, PreventionTheme  # noqa: E402, F401
from .professionals import PublicProfessional  # noqa: E402, F401
