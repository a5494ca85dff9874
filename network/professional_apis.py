"""``/api/network/professionals/``: « Trouver un professionnel » across the network, from the public copy."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from tenants.vocabulary import Profession

from .professionals import Language
from .selectors.professionals import ProfessionalFilters, network_professionals


class ProfessionalFiltersSerializer(serializers.Serializer):
    profession = serializers.ChoiceField(choices=Profession.choices, required=False)
    department = serializers.RegexField(r"^(\d{2,3}|2[AB])$", required=False, help_text="Code INSEE.")
    commune = serializers.RegexField(r"^(\d{5}|2[AB]\d{3})$", required=False, help_text="Code INSEE.")
    language = serializers.ChoiceField(
        choices=Language.choices, required=False, help_text="Langue parlée en plus du français (ISO 639-1)."
    )
    new_patients = serializers.BooleanField(
        required=False,
        help_text="`true` : seulement ceux qui acceptent de nouveaux patients, réponse confirmée dans le "
        "délai (`CPTS_NEW_PATIENTS_DAYS`, 90 jours par défaut).",
    )
    step_free = serializers.BooleanField(
        required=False, help_text="`true` : seulement un lieu d'exercice accessible de plain-pied (PMR)."
    )


class ProfessionalCPTSSerializer(serializers.Serializer):
    short_name = serializers.CharField()
    name = serializers.CharField()
    host = serializers.CharField(source="primary_host", allow_null=True)


class NetworkProfessionalSerializer(serializers.Serializer):
    """What the member's CPTS page shows of them, never more: no e-mail, RPPS or address."""

    name = serializers.CharField()
    kind = serializers.CharField()
    profession = serializers.CharField()
    profession_label = serializers.CharField()
    structure = serializers.CharField()
    commune = serializers.CharField(source="commune_id")
    commune_name = serializers.CharField(source="commune.name")
    department = serializers.CharField(source="commune.department_id")
    contact = serializers.CharField(help_text="Le contact choisi par le professionnel, jamais un e-mail.")
    accepts_new_patients = serializers.BooleanField(
        source="new_patients",
        allow_null=True,
        help_text="Déclaré par le professionnel ; `null` s'il ne l'a pas dit ou pas confirmé depuis "
        "plus de `CPTS_NEW_PATIENTS_DAYS` jours.",
    )
    new_patients_confirmed_on = serializers.SerializerMethodField()
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=Language.choices),
        help_text="Langues parlées en plus du français, codes ISO 639-1.",
    )
    step_free_access = serializers.BooleanField(allow_null=True)
    cpts = ProfessionalCPTSSerializer()

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_new_patients_confirmed_on(self, row):
        return row.new_patients_confirmed_on.isoformat() if row.new_patients is not None else None


class ProfessionalsPagination(LimitOffsetPagination):
    default_limit = 100
    max_limit = 500


@extend_schema(
    summary="Trouver un professionnel dans le réseau",
    description="Les adhérents des CPTS du réseau qui ont accepté de figurer dans l'annuaire de leur "
    "CPTS, tels que sa page les montre (copie publique tenue à jour à chaque changement). Par "
    "profession, département, commune, langue, accès PMR et « accepte de nouveaux patients ». "
    "Paginé (`limit`, `offset`).",
    tags=["accès aux soins"],
    parameters=[ProfessionalFiltersSerializer],
    responses=NetworkProfessionalSerializer(many=True),
)
class NetworkProfessionalsApi(APIView):
    renderer_classes = [JSONRenderer]

    def get(self, request):
        params = ProfessionalFiltersSerializer(data={k: v for k, v in request.query_params.items() if v})
        params.is_valid(raise_exception=True)
        paginator = ProfessionalsPagination()
        rows = paginator.paginate_queryset(
            network_professionals(ProfessionalFilters(**params.validated_data)), request, view=self
        )
        return paginator.get_paginated_response(NetworkProfessionalSerializer(rows, many=True).data)
