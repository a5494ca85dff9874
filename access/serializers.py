"""« Trouver ma CPTS »: its parameters and its answer, for the API and the page alike."""

from __future__ import annotations

from rest_framework import serializers

from .selectors import MAX_QUERY_LENGTH, MatchedBy, Status


class FindMyCPTSParamsSerializer(serializers.Serializer):
    """``q`` or ``commune``; empty, too long or malformed is a 400 naming the parameter."""

    q = serializers.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text="Une commune : son nom (accents, majuscules, tirets et petites fautes sans "
        "importance ; « Metz (57) » pour un département), son code postal ou son code INSEE.",
    )
    commune = serializers.RegexField(
        r"^(?:\d{5}|2[ABab]\d{3})$",
        required=False,
        help_text="Code INSEE exact d'une commune : le choix fait parmi plusieurs réponses.",
    )

    @classmethod
    def from_query(cls, query) -> FindMyCPTSParamsSerializer:
        return cls(data={name: query[name] for name in ("q", "commune") if name in query})

    def validate(self, attrs: dict) -> dict:
        if not attrs.get("q") and not attrs.get("commune"):
            raise serializers.ValidationError({"q": "Indiquez une commune, un code postal ou un code INSEE."})
        return attrs


class CPTSAnswerSerializer(serializers.Serializer):
    short_name = serializers.CharField()
    name = serializers.CharField()
    stage = serializers.CharField(help_text="idea, letter_of_intent, health_project_validated ou aci_signed.")
    stage_label = serializers.CharField(help_text="L'étape, en français.")
    site_url = serializers.URLField(allow_null=True)
    adhesion_url = serializers.URLField(
        allow_null=True,
        help_text="La page « Adhésion » de la CPTS, pour un professionnel ; null si elle n'en publie pas.",
    )
    unscheduled_care_url = serializers.URLField(
        allow_null=True,
        help_text="La page « Soins non programmés » de la CPTS (numéros, lieux et horaires quand son "
        "médecin est fermé) ; null si elle n'en publie pas.",
    )


class NearbyCPTSSerializer(serializers.Serializer):
    short_name = serializers.CharField()
    name = serializers.CharField()
    stage = serializers.CharField()
    stage_label = serializers.CharField()
    site_url = serializers.URLField(allow_null=True)


class FallbackSerializer(serializers.Serializer):
    ars_name = serializers.CharField(allow_null=True, help_text="L'agence régionale de santé de la région.")
    ars_url = serializers.URLField(allow_null=True)
    department_cpts = NearbyCPTSSerializer(
        many=True, help_text="Les CPTS du réseau dont le territoire touche le département."
    )


class CommuneAnswerSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Code INSEE.")
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=["commune", "arrondissement"])
    department = serializers.CharField()
    department_name = serializers.CharField()
    region = serializers.CharField()
    postal_codes = serializers.ListField(child=serializers.CharField())
    matched_by = serializers.ChoiceField(
        choices=[
            MatchedBy.INSEE_CODE,
            MatchedBy.POSTAL_CODE,
            MatchedBy.FORMER_CODE,
            MatchedBy.NAME,
            MatchedBy.FORMER_NAME,
            MatchedBy.SUGGESTION,
            MatchedBy.ARRONDISSEMENT,
        ]
    )
    note = serializers.CharField(help_text="Comment la commune a été lue, si ce n'est par son nom actuel.")
    cpts = CPTSAnswerSerializer(
        many=True,
        help_text="Chaque CPTS dont le territoire couvre la commune (plusieurs s'ils se chevauchent).",
    )
    fallback = FallbackSerializer(
        allow_null=True, help_text="Pour une commune d'aucune CPTS : qui contacter."
    )


class FindMyCPTSSerializer(serializers.Serializer):
    query = serializers.CharField()
    status = serializers.ChoiceField(
        choices=[Status.FOUND, Status.SEVERAL, Status.SUGGESTIONS, Status.NONE],
        help_text="found : une commune ; several : plusieurs (un code postal, un nom partagé), à choisir ; "
        "suggestions : aucune commune de ce nom, les plus proches ; none : rien trouvé.",
    )
    communes = CommuneAnswerSerializer(many=True)
