"""``/api/v2/members/``: the directory of a CPTS, members who consented only."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from .selectors import directory_members
from .serializers import DirectoryFiltersSerializer, DirectoryMemberSerializer


@extend_schema(
    summary="Trouver un professionnel : l'annuaire des adhérents (ceux qui ont accepté d'y figurer)",
    description="Par profession, commune (code INSEE), langue parlée (ISO 639-1), accès PMR et "
    "« accepte de nouveaux patients » (réponse déclarée par le professionnel, affichée "
    "`CPTS_NEW_PATIENTS_DAYS` jours après sa dernière confirmation). Jamais d'e-mail, de RPPS "
    "ni d'adresse ; un adhérent qui se retire disparaît à la requête suivante.",
    tags=["CPTS"],
    parameters=[DirectoryFiltersSerializer],
    responses=DirectoryMemberSerializer(many=True),
)
class DirectoryApi(APIView):
    def get(self, request):
        filters = DirectoryFiltersSerializer(data={k: v for k, v in request.query_params.items() if v})
        filters.is_valid(raise_exception=True)
        members = directory_members(**filters.validated_data)
        return Response(DirectoryMemberSerializer(members, many=True).data)
