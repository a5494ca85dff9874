"""The answer of ``/api/v2/unscheduled-care/``: the same facts as the page, for its OpenAPI schema."""

from rest_framework import serializers

from .hours import SCHEMA_DAYS
from .places import ACCESS_CHOICES, KIND_CHOICES


class NationalNumberSerializer(serializers.Serializer):
    number = serializers.CharField(help_text="Le numéro, tel qu'il se compose : « 15 », « 116 117 ».")
    name = serializers.CharField()
    use = serializers.CharField(help_text="Quand l'appeler.")
    hours = serializers.CharField()
    cost = serializers.CharField()
    source = serializers.URLField(help_text="La page officielle où il a été relu.")
    read_on = serializers.DateField(help_text="La date de cette lecture.")


class HoursSerializer(serializers.Serializer):
    days = serializers.ListField(child=serializers.ChoiceField(choices=list(SCHEMA_DAYS)))
    opens = serializers.CharField(help_text="HH:MM")
    closes = serializers.CharField(help_text="HH:MM ; 00:00 est minuit, la fin de la journée.")
    words = serializers.CharField(help_text="« du lundi au vendredi, de 20 h à minuit »")


class AccessSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=[code for code, _label in ACCESS_CHOICES])
    label = serializers.CharField()


class PlaceSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=[code for code, _label in KIND_CHOICES])
    kind_label = serializers.CharField()
    schema_type = serializers.CharField(help_text="Son type schema.org (MedicalClinic, Physician).")
    street_address = serializers.CharField()
    postal_code = serializers.CharField()
    commune_code = serializers.CharField(help_text="Code INSEE de la commune, du territoire de la CPTS.")
    commune_name = serializers.CharField()
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()
    hours = HoursSerializer(many=True)
    hours_exceptions = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    access = AccessSerializer(many=True, help_text="Comment y être reçu.")
    step_free = serializers.BooleanField(help_text="Accès de plain-pied.")


class OfficialToolSerializer(serializers.Serializer):
    name = serializers.CharField()
    use = serializers.CharField()
    url = serializers.URLField()


class PageRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    path = serializers.CharField(allow_null=True, help_text="Son chemin sur le site de la CPTS.")


class UnscheduledCareSerializer(serializers.Serializer):
    page = PageRefSerializer()
    national_numbers = NationalNumberSerializer(many=True)
    numbers_read_on = serializers.DateField()
    places = PlaceSerializer(many=True)
    official_tools = OfficialToolSerializer(
        many=True, help_text="Pour trouver un médecin traitant : la CPTS ne tient aucune liste de patients."
    )
