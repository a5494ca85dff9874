"""What the directory API shows of a member who consented, and its filters."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from network.professionals import Language
from tenants.vocabulary import Profession


class DirectoryFiltersSerializer(serializers.Serializer):
    profession = serializers.ChoiceField(choices=Profession.choices, required=False)
    commune = serializers.RegexField(r"^(\d{5}|2[AB]\d{3})$", required=False, help_text="Code INSEE.")
    new_patients = serializers.BooleanField(
        required=False,
        help_text="`true` : seulement ceux qui acceptent de nouveaux patients, réponse confirmée dans le "
        "délai (`CPTS_NEW_PATIENTS_DAYS`, 90 jours par défaut).",
    )
    language = serializers.ChoiceField(
        choices=Language.choices, required=False, help_text="Langue parlée en plus du français (ISO 639-1)."
    )
    step_free = serializers.BooleanField(
        required=False, help_text="`true` : seulement un lieu d'exercice accessible de plain-pied (PMR)."
    )


class DirectoryMemberSerializer(serializers.Serializer):
    """Only what the member agreed to show: never the e-mail, RPPS, address or decisions."""

    name = serializers.CharField()
    kind = serializers.CharField()
    profession = serializers.CharField()
    profession_label = serializers.CharField(source="get_profession_display")
    structure = serializers.CharField()
    commune = serializers.CharField(source="commune_id")
    commune_name = serializers.CharField(source="commune.name")
    contact = serializers.CharField(source="directory_contact")
    accepts_new_patients = serializers.BooleanField(
        source="new_patients",
        allow_null=True,
        help_text="Déclaré par le professionnel ; `null` s'il ne l'a pas dit ou pas confirmé depuis "
        "plus de `CPTS_NEW_PATIENTS_DAYS` jours.",
    )
    new_patients_confirmed_on = serializers.SerializerMethodField(
        help_text="Date de la dernière confirmation (`null` avec `accepts_new_patients`)."
    )
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=Language.choices),
        help_text="Langues parlées en plus du français, codes ISO 639-1.",
    )
    step_free_access = serializers.BooleanField(
        allow_null=True, help_text="Lieu d'exercice accessible de plain-pied (PMR) ; `null` : non précisé."
    )

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_new_patients_confirmed_on(self, member):
        return member.new_patients_confirmed_on.isoformat() if member.new_patients is not None else None
