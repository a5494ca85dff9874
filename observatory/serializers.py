"""The observatory's parameters and answers, for the API and the pages alike."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class RollupParamsSerializer(serializers.Serializer):
    """``year`` (« annee » on the pages): absent means the latest year with values."""

    year = serializers.IntegerField(
        required=False,
        min_value=2019,
        max_value=2100,
        help_text="Année (exercice) ; par défaut la dernière année publiée.",
        error_messages={"invalid": "Indiquez une année en chiffres, par exemple 2025."},
    )

    @classmethod
    def from_query(cls, query, *, year_name: str = "year") -> RollupParamsSerializer:
        return cls(data={"year": query[year_name]} if query.get(year_name) else {})


class AreaFiguresSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=["national", "region", "department"])
    code = serializers.CharField(help_text="FR, ou le code INSEE de la région ou du département.")
    name = serializers.CharField()
    reporting = serializers.IntegerField(help_text="Nombre de CPTS ayant ouvert leur valeur.")
    total = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, help_text="Somme (indicateurs en nombre)."
    )
    median = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    first_quartile = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    third_quartile = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    hidden_reason = serializers.CharField(
        help_text="Vide si les chiffres sont publiés ; sinon pourquoi ils ne le sont pas."
    )


class CPTSValueSerializer(serializers.Serializer):
    short_name = serializers.CharField()
    name = serializers.CharField()
    region_code = serializers.CharField()
    department_code = serializers.CharField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    hidden_reason = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    mission = serializers.CharField()
    mission_label = serializers.CharField(source="get_mission_display")
    label = serializers.CharField()
    definition = serializers.CharField()
    unit = serializers.CharField(help_text="count, percent ou days.")
    better = serializers.CharField(help_text="higher ou lower : le sens dans lequel c'est mieux.")
    source = serializers.CharField()


class HistogramBarSerializer(serializers.Serializer):
    range = serializers.CharField(help_text="Tranche de valeurs.")
    cpts = serializers.IntegerField(help_text="Nombre de CPTS dans la tranche.")


class RollupSerializer(serializers.Serializer):
    indicator = IndicatorSerializer()
    year = serializers.IntegerField()
    years = serializers.ListField(child=serializers.IntegerField(), help_text="Années publiées.")
    area = AreaFiguresSerializer()
    parts = AreaFiguresSerializer(many=True, help_text="Régions de la France, départements d'une région.")
    values = CPTSValueSerializer(
        many=True, help_text="Les CPTS une par une (valeurs ouvertes), dans une région ou un département."
    )
    histogram = serializers.SerializerMethodField(help_text="Répartition des CPTS par tranche de valeurs.")

    @extend_schema_field(HistogramBarSerializer(many=True))
    def get_histogram(self, rollup) -> list[dict]:
        return [{"range": label, "cpts": count} for label, count in rollup.histogram]


class CatalogueEntrySerializer(IndicatorSerializer):
    years = serializers.ListField(child=serializers.IntegerField(), help_text="Années publiées.")
