"""A CPTS's own data endpoints beside Wagtail's page API (its host, its schema)."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from network.selectors import funding_for_cpts

from .selectors import aci_missions, governance, territory_summary
from .serializers import FundingSerializer, GovernanceSerializer, MissionSerializer, TerritorySerializer


@extend_schema(summary="Territoire de la CPTS", tags=["CPTS"], responses=TerritorySerializer)
class TerritoryApi(APIView):
    def get(self, request):
        return Response(TerritorySerializer(territory_summary(cpts=request.tenant)).data)


@extend_schema(
    summary="Gouvernance : association, bureau, collèges, coordination",
    tags=["CPTS"],
    responses=GovernanceSerializer,
)
class GovernanceApi(APIView):
    def get(self, request):
        return Response(GovernanceSerializer(governance()).data)


@extend_schema(
    summary="Missions ACI et leurs indicateurs", tags=["CPTS"], responses=MissionSerializer(many=True)
)
class MissionsApi(APIView):
    def get(self, request):
        return Response(MissionSerializer(aci_missions(cpts=request.tenant), many=True).data)


@extend_schema(summary="Financement ACI maximal de l'année", tags=["CPTS"], responses=FundingSerializer)
class FundingApi(APIView):
    def get(self, request):
        summary = territory_summary(cpts=request.tenant)
        estimate = funding_for_cpts(cpts=request.tenant, tier=summary.tier)
        if estimate is None:
            raise NotFound("Pas de contrat ACI signé : aucun financement à calculer.")
        return Response(FundingSerializer(estimate).data)
