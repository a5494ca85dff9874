"""A CPTS's own data endpoints beside Wagtail's page API (its host, its schema)."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from network.selectors import funding_for_cpts
from network.vocabulary import CORE_MISSIONS, Mission

from .selectors import governance, mission_indicators, territory_summary
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
        indicators = mission_indicators()
        engaged = set(CORE_MISSIONS) | set(request.tenant.aci_optional_missions)
        missions = [
            {
                "mission": mission.value,
                "label": str(mission.label),
                "core": mission in CORE_MISSIONS,
                "engaged": bool(request.tenant.aci_signed_on) and mission in engaged,
                "indicators": [i for i in indicators if i["mission"] == mission.value],
            }
            for mission in Mission
        ]
        return Response(MissionSerializer(missions, many=True).data)


@extend_schema(summary="Financement ACI maximal de l'année", tags=["CPTS"], responses=FundingSerializer)
class FundingApi(APIView):
    def get(self, request):
        summary = territory_summary(cpts=request.tenant)
        estimate = funding_for_cpts(cpts=request.tenant, tier=summary.tier)
        if estimate is None:
            raise NotFound("Pas de contrat ACI signé : aucun financement à calculer.")
        return Response(FundingSerializer(estimate).data)
