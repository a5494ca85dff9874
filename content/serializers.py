from rest_framework import serializers


class TerritoryCommuneSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    department = serializers.CharField()
    population = serializers.IntegerField()
    postal_codes = serializers.ListField(child=serializers.CharField())
    priority_neighbourhood_population = serializers.IntegerField(allow_null=True)
    shared_with = serializers.ListField(
        child=serializers.CharField(), help_text="Autres CPTS qui la revendiquent."
    )


class TerritorySerializer(serializers.Serializer):
    commune_count = serializers.IntegerField()
    population = serializers.IntegerField()
    tier = serializers.IntegerField()
    departments = serializers.ListField(child=serializers.CharField())
    communes = TerritoryCommuneSerializer(many=True)
