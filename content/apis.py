"""A CPTS's own data endpoints, beside Wagtail's page API (its host, its schema)."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from .selectors import territory_summary
from .serializers import TerritorySerializer


@extend_schema(summary="Territoire de la CPTS", tags=["territoire"], responses=TerritorySerializer)
class TerritoryApi(APIView):
    def get(self, request):
        return Response(TerritorySerializer(territory_summary(cpts=request.tenant)).data)
