"""``/api/network/find-my-cpts/``: the CPTS covering a commune, as JSON."""

from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from .selectors import find_my_cpts
from .serializers import FindMyCPTSParamsSerializer, FindMyCPTSSerializer


@extend_schema(
    summary="Trouver ma CPTS : les CPTS qui couvrent une commune",
    description="Une commune par son nom, son code postal ou son code INSEE (`q`), ou par son code "
    "INSEE exact (`commune`). Chaque commune trouvée avec les CPTS dont le territoire la couvre "
    "(plusieurs si les territoires se chevauchent), leur étape, leur site et leur page d'adhésion ; "
    "pour une commune d'aucune CPTS, qui contacter (`fallback`). Aucune donnée n'est gardée.",
    tags=["accès aux soins"],
    parameters=[FindMyCPTSParamsSerializer],
    responses=FindMyCPTSSerializer,
)
class FindMyCPTSApi(APIView):
    renderer_classes = [JSONRenderer]

    def get(self, request):
        params = FindMyCPTSParamsSerializer.from_query(request.query_params)
        params.is_valid(raise_exception=True)
        return Response(
            FindMyCPTSSerializer(
                find_my_cpts(
                    query=params.validated_data.get("q", ""), commune=params.validated_data.get("commune", "")
                )
            ).data
        )
