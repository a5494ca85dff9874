"""Output shapes of a CPTS's own API endpoints."""

from rest_framework import serializers

from network.serializers import FundingLineSerializer


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


class AssociationSerializer(serializers.Serializer):
    name = serializers.CharField()
    legal_form = serializers.CharField()
    legal_form_label = serializers.CharField(source="get_legal_form_display")
    created_on = serializers.DateField(allow_null=True)
    rna = serializers.CharField()
    siret = serializers.CharField()
    address = serializers.CharField()


class MandateSerializer(serializers.Serializer):
    full_name = serializers.CharField()
    profession = serializers.CharField(source="get_profession_display")
    organisation = serializers.CharField()
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")
    college = serializers.CharField(source="college.name", allow_null=True, default=None)
    start = serializers.DateField()
    end = serializers.DateField(allow_null=True)


class CollegeSerializer(serializers.Serializer):
    name = serializers.CharField(source="college.name")
    seats = serializers.IntegerField(source="college.seats", allow_null=True)
    directors = MandateSerializer(many=True)


class CoordinatorSerializer(serializers.Serializer):
    full_name = serializers.CharField()
    title = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()


class ProfessionCountSerializer(serializers.Serializer):
    profession = serializers.CharField()
    profession_label = serializers.CharField(source="get_profession_display")
    count = serializers.IntegerField()
    as_of = serializers.DateField(help_text="Date des chiffres.")
    source = serializers.CharField(help_text="Où ils ont été publiés (vide : saisis par la CPTS).")


class GovernanceSerializer(serializers.Serializer):
    association = AssociationSerializer(allow_null=True)
    board = MandateSerializer(many=True, help_text="Bureau en exercice.")
    colleges = CollegeSerializer(many=True, help_text="Conseil d'administration par collège.")
    history = MandateSerializer(many=True, help_text="Mandats terminés.")
    coordinators = CoordinatorSerializer(many=True)
    members = ProfessionCountSerializer(many=True)
    supply = ProfessionCountSerializer(many=True, help_text="Offre de soins du territoire.")


class IndicatorValueSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=12, decimal_places=2)


class IndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    mission = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    unit = serializers.CharField()
    target = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    values = IndicatorValueSerializer(many=True)


class MissionSerializer(serializers.Serializer):
    mission = serializers.CharField()
    label = serializers.CharField()
    core = serializers.BooleanField()
    engaged = serializers.BooleanField()
    indicators = IndicatorSerializer(many=True)


class FundingSerializer(serializers.Serializer):
    grid = serializers.CharField()
    tier = serializers.IntegerField()
    contract_year = serializers.IntegerField()
    total = serializers.IntegerField()
    complete = serializers.BooleanField()
    lines = FundingLineSerializer(many=True)


class MenuItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class SiteSettingsSerializer(serializers.Serializer):
    name = serializers.CharField()
    short_name = serializers.CharField()
    url = serializers.CharField()
    contact_email = serializers.EmailField(allow_blank=True)
    demo_notice = serializers.CharField(allow_blank=True)
    home_page_id = serializers.IntegerField()
    menu = MenuItemSerializer(many=True)


class RedirectSerializer(serializers.Serializer):
    old_path = serializers.CharField()
    is_permanent = serializers.BooleanField()
    status = serializers.IntegerField()
    location = serializers.CharField(allow_null=True, help_text="null: the target page is not live")
