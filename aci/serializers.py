"""Shapes of ``/api/v2/aci/years/<year>/``, documented for OpenAPI (the data is ``year_figures``)."""

from rest_framework import serializers

MONEY = {"max_digits": 12, "decimal_places": 2, "coerce_to_string": True}


class IndicatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    unit = serializers.CharField()
    target = serializers.DecimalField(allow_null=True, **MONEY)
    value = serializers.DecimalField(allow_null=True, **MONEY)
    share = serializers.CharField(allow_null=True, help_text="Part payée de son poids, en %.")
    trend = serializers.ListField(child=serializers.ListField(), help_text="[[année, valeur], …]")


class FullIndicatorSerializer(IndicatorSerializer):
    baseline = serializers.DecimalField(**MONEY)
    weight = serializers.DecimalField(**MONEY)
    levels = serializers.ListField(child=serializers.ListField())
    source = serializers.CharField()
    counted = serializers.BooleanField()


class MissionSerializer(serializers.Serializer):
    mission = serializers.CharField()
    label = serializers.CharField()
    maximum = serializers.DecimalField(**MONEY)
    earned = serializers.DecimalField(**MONEY)
    fixed_max = serializers.DecimalField(**MONEY)
    fixed = serializers.DecimalField(**MONEY)
    variable_max = serializers.DecimalField(**MONEY)
    variable = serializers.DecimalField(**MONEY)
    achievement = serializers.CharField(allow_null=True)
    indicators = IndicatorSerializer(many=True)


class FullMissionSerializer(MissionSerializer):
    actions = serializers.ListField(child=serializers.DictField())
    indicators = FullIndicatorSerializer(many=True)


class TotalsSerializer(serializers.Serializer):
    maximum = serializers.DecimalField(**MONEY)
    earned = serializers.DecimalField(**MONEY)
    fixed = serializers.DecimalField(**MONEY)
    variable = serializers.DecimalField(**MONEY)
    variable_max = serializers.DecimalField(**MONEY)
    advance = serializers.DecimalField(**MONEY)


class AciYearSummarySerializer(serializers.Serializer):
    """What anyone reads when the CPTS publishes its summary."""

    cpts = serializers.CharField()
    year = serializers.IntegerField()
    grid = serializers.CharField()
    tier = serializers.IntegerField()
    population = serializers.IntegerField()
    version = serializers.IntegerField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    totals = TotalsSerializer()
    missions = MissionSerializer(many=True)


class AciYearFullSerializer(AciYearSummarySerializer):
    """What the team reads (signed in): every figure of the report, and what is missing."""

    contract_year = serializers.IntegerField(allow_null=True)
    signed_on = serializers.DateField(allow_null=True)
    communes = serializers.IntegerField()
    departments = serializers.ListField(child=serializers.CharField())
    members = serializers.ListField(child=serializers.DictField())
    payment_rule = serializers.CharField()
    proration = serializers.CharField()
    serious_crisis = serializers.BooleanField()
    transmitted_at = serializers.DateTimeField(allow_null=True)
    transmitted_by = serializers.CharField()
    validated_at = serializers.DateTimeField(allow_null=True)
    review_reference = serializers.CharField()
    missing = serializers.ListField(child=serializers.CharField())
    missions = FullMissionSerializer(many=True)
