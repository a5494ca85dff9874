"""Output shapes of the network API. The figures come from network.selectors."""

import datetime

from rest_framework import serializers

from tenants.services import public_url

from .models import Department, Region
from .prevention import PreventionTheme


class CPTSSerializer(serializers.Serializer):
    short_name = serializers.CharField()
    name = serializers.CharField()
    stage = serializers.CharField()
    tier = serializers.IntegerField(
        help_text="Taille ACI d'après la population du territoire : 1 (moins de 40 000 habitants), "
        "2 (de 40 000 à 80 000), 3 (de 80 001 à 175 000), 4 (plus de 175 000)."
    )
    population = serializers.IntegerField()
    communes = serializers.IntegerField()
    departments = serializers.ListField(child=serializers.CharField())
    department_code = serializers.CharField(help_text="Département principal.")
    region_code = serializers.CharField()
    site_url = serializers.SerializerMethodField()

    def get_site_url(self, item) -> str | None:
        if item.frontend_url:
            return item.frontend_url
        return public_url(item.host) if item.host else None


class CoverageFiguresSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    population = serializers.IntegerField()
    covered_population = serializers.IntegerField()
    covered_share = serializers.FloatField()
    communes = serializers.IntegerField(
        help_text="Communes : Paris, Lyon et Marseille comptent une fois chacune."
    )
    uncovered_communes = serializers.IntegerField(
        help_text="Communes dont aucune partie n'est dans une CPTS (une ville à arrondissements "
        "en partie couverte n'y est pas)."
    )
    overlapping_communes = serializers.IntegerField(
        help_text="Communes dont une partie est dans deux CPTS ou plus."
    )
    units = serializers.IntegerField(
        help_text="Unités dont les territoires sont faits : les communes, et les 45 arrondissements "
        "de Paris, Lyon et Marseille à la place de ces trois villes."
    )
    uncovered_units = serializers.IntegerField()
    overlapping_units = serializers.IntegerField()


class CommuneSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    population = serializers.IntegerField()
    department = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["commune", "arrondissement"],
        help_text="Un arrondissement de Paris, Lyon ou Marseille, ou une commune.",
    )


class CPTSRefSerializer(serializers.Serializer):
    short_name = serializers.CharField()
    name = serializers.CharField()


class OverlapSerializer(CommuneSerializer):
    cpts = CPTSRefSerializer(many=True)


class CoverageSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=["national", "region", "department"])
    code = serializers.CharField()
    name = serializers.CharField()
    totals = CoverageFiguresSerializer()
    children = CoverageFiguresSerializer(many=True, help_text="Régions (national) ou départements (région).")
    uncovered_communes = CommuneSerializer(
        many=True,
        source="uncovered",
        help_text="Communes hors de toute CPTS, les plus peuplées d'abord : les 100 premières. "
        "`uncovered_communes_complete` dit si la liste est entière ; l'export CSV d'un département "
        "(`?format=csv`) les donne toutes.",
    )
    uncovered_communes_complete = serializers.BooleanField(source="uncovered_complete")
    overlaps = OverlapSerializer(
        many=True,
        help_text="Communes revendiquées par plusieurs CPTS, les plus peuplées d'abord : 200 au plus.",
    )
    overlaps_complete = serializers.BooleanField()
    cpts_by_stage = serializers.DictField(child=serializers.IntegerField())
    cpts_by_tier = serializers.DictField(child=serializers.IntegerField())
    cpts = serializers.SerializerMethodField(
        help_text="CPTS de la région ou du département (vide au niveau national)."
    )

    def get_cpts(self, coverage) -> list[dict]:
        return CPTSSerializer(coverage.cpts, many=True).data if coverage.lists_cpts else []


class FundingLineSerializer(serializers.Serializer):
    item = serializers.CharField()
    label = serializers.CharField()
    fixed = serializers.IntegerField(allow_null=True, help_text="Part fixe, où la grille en distingue une.")
    variable = serializers.IntegerField(
        allow_null=True, help_text="Part variable maximale, selon l'atteinte des indicateurs."
    )
    undivided = serializers.IntegerField(
        allow_null=True,
        help_text="Montant que la grille ne répartit pas en fixe et variable "
        "(fonctionnement, crises sanitaires, grille de 2019).",
    )
    total = serializers.IntegerField(allow_null=True)


class CPTSFundingSerializer(serializers.Serializer):
    short_name = serializers.CharField()
    name = serializers.CharField()
    tier = serializers.IntegerField()
    contract_year = serializers.IntegerField(allow_null=True, help_text="Vide sans contrat signé.")
    max_annual_funding = serializers.IntegerField(allow_null=True)
    lines = FundingLineSerializer(many=True)


class PlaceFiltersMixin:
    """``region`` and ``department`` filters of a query serializer: an unknown code is a 400 naming it."""

    def validate_region(self, value: str) -> str:
        if not Region.objects.filter(code=value).exists():
            raise serializers.ValidationError(f"Région inconnue : {value[:20]}.")
        return value

    def validate_department(self, value: str) -> str:
        if not Department.objects.filter(code=value.upper()).exists():
            raise serializers.ValidationError(f"Département inconnu : {value[:20]}.")
        return value.upper()


class PlaceFiltersSerializer(PlaceFiltersMixin, serializers.Serializer):
    """``region`` and ``department`` alone; anything else is a 400 naming it."""

    region = serializers.CharField(required=False, help_text="Code INSEE de la région, ex. 44.")
    department = serializers.CharField(required=False, help_text="Code INSEE du département, ex. 57.")

    def validate(self, attrs):
        unknown = set(self.initial_data) - set(self.fields)
        if unknown:
            raise serializers.ValidationError(dict.fromkeys(sorted(unknown), "Paramètre inconnu."))
        return attrs


class CPTSMembersSerializer(serializers.Serializer):
    cpts = serializers.CharField(source="short_name")
    name = serializers.CharField()
    department = serializers.CharField()
    total = serializers.IntegerField()
    by_profession = serializers.DictField(child=serializers.IntegerField())


class MembersByProfessionSerializer(serializers.Serializer):
    profession = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class NetworkMembersSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Adhérents acceptés, tous CPTS confondus.")
    professions = MembersByProfessionSerializer(many=True)
    cpts = CPTSMembersSerializer(many=True)


class CampaignFiltersSerializer(PlaceFiltersMixin, serializers.Serializer):
    """Query parameters of /api/network/campaigns/; unknown values are a 400 naming the parameter."""

    theme = serializers.CharField(required=False)
    status = serializers.ChoiceField(choices=["planned", "running", "finished"], required=False)
    region = serializers.CharField(required=False)
    department = serializers.CharField(required=False)
    start = serializers.DateField(required=False, help_text="Campagnes en cours à partir de cette date.")
    end = serializers.DateField(required=False, help_text="Campagnes commencées au plus tard à cette date.")
    year = serializers.IntegerField(required=False, min_value=2019, max_value=2100)
    page = serializers.IntegerField(required=False, min_value=1, max_value=10_000, default=1)
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        default=50,
        help_text="50 par défaut, 200 au plus (au-delà, ramené à 200).",
    )

    def validate_theme(self, value):
        if not PreventionTheme.objects.filter(code=value).exists():
            raise serializers.ValidationError(f"Thème inconnu : {value}.")
        return value

    def validate(self, attrs):
        year = attrs.pop("year", None)
        if year:
            attrs["start"] = max(attrs.get("start") or datetime.date(year, 1, 1), datetime.date(year, 1, 1))
            attrs["end"] = min(attrs.get("end") or datetime.date(year, 12, 31), datetime.date(year, 12, 31))
        if attrs.get("start") and attrs.get("end") and attrs["end"] < attrs["start"]:
            raise serializers.ValidationError({"end": "La fin précède le début."})
        return attrs


class NetworkCampaignSerializer(serializers.Serializer):
    cpts = serializers.CharField()
    cpts_name = serializers.CharField()
    population = serializers.IntegerField(help_text="Population du territoire de la CPTS.")
    theme = serializers.CharField()
    theme_name = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    url = serializers.CharField()
    target = serializers.CharField()
    professions = serializers.ListField(child=serializers.CharField())
    indicators = serializers.ListField(child=serializers.DictField())


class CampaignListingSerializer(serializers.Serializer):
    count = serializers.IntegerField(
        help_text="Campagnes correspondant aux filtres, toutes pages confondues."
    )
    page = serializers.IntegerField()
    page_size = serializers.IntegerField(help_text="Taille de page appliquée (plafonnée à 200).")
    cpts_count = serializers.IntegerField()
    population = serializers.IntegerField(help_text="Population cumulée des territoires de ces CPTS.")
    by_theme = serializers.DictField(child=serializers.IntegerField())
    by_month = serializers.DictField(child=serializers.IntegerField())
    campaigns = NetworkCampaignSerializer(many=True)
