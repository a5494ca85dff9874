"""The network's HTTP API (public schema): thin views over network.selectors.

Every endpoint also answers ``?format=csv``.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from tenants.renderers import CSVRenderer

from .members import network_members
from .models import Department, Region
from .selectors import (
    coverage_by_department,
    coverage_by_region,
    coverage_national,
    cpts_directory,
    funding_by_cpts,
    network_campaigns,
    uncovered_in_department,
)
from .serializers import (
    CampaignFiltersSerializer,
    CampaignListingSerializer,
    CommuneSerializer,
    CoverageFiguresSerializer,
    CoverageSerializer,
    CPTSFundingSerializer,
    CPTSSerializer,
    NetworkCampaignSerializer,
    NetworkMembersSerializer,
    PlaceFiltersSerializer,
)

CSV_PARAMETER = OpenApiParameter(
    "format", OpenApiTypes.STR, enum=["json", "csv"], description="`csv` pour un export tableur."
)


class NetworkApi(APIView):
    renderer_classes = [JSONRenderer, CSVRenderer]

    def wants_csv(self) -> bool:
        return self.request.accepted_renderer.format == "csv"


@extend_schema(
    summary="Annuaire des CPTS du réseau",
    tags=["réseau"],
    parameters=[CSV_PARAMETER],
    responses=CPTSSerializer(many=True),
)
class CPTSDirectoryApi(NetworkApi):
    def get(self, request):
        return Response(CPTSSerializer(cpts_directory(), many=True).data)


class CoverageApi(NetworkApi):
    def coverage_response(self, coverage):
        if self.wants_csv():
            rows = coverage.children or [coverage.totals]
            return Response(CoverageFiguresSerializer(rows, many=True).data)
        return Response(CoverageSerializer(coverage).data)


@extend_schema(
    summary="Couverture nationale, par région",
    tags=["couverture"],
    parameters=[CSV_PARAMETER],
    responses=CoverageSerializer,
)
class NationalCoverageApi(CoverageApi):
    def get(self, request):
        return self.coverage_response(coverage_national())


@extend_schema(
    summary="Couverture d'une région, par département",
    tags=["couverture"],
    parameters=[CSV_PARAMETER],
    responses=CoverageSerializer,
)
class RegionCoverageApi(CoverageApi):
    def get(self, request, code: str):
        try:
            return self.coverage_response(coverage_by_region(code))
        except Region.DoesNotExist:
            raise NotFound(f"Région inconnue : {code}.") from None


@extend_schema(
    summary="Couverture d'un département",
    tags=["couverture"],
    parameters=[CSV_PARAMETER],
    responses=CoverageSerializer,
)
class DepartmentCoverageApi(CoverageApi):
    def get(self, request, code: str):
        try:
            if self.wants_csv():
                # A department's export lists every commune of it in no CPTS, never cut.
                return Response(CommuneSerializer(uncovered_in_department(code.upper()), many=True).data)
            return self.coverage_response(coverage_by_department(code.upper()))
        except Department.DoesNotExist:
            raise NotFound(f"Département inconnu : {code}.") from None


@extend_schema(
    summary="Financement ACI maximal de chaque CPTS",
    tags=["financement"],
    parameters=[CSV_PARAMETER],
    responses=CPTSFundingSerializer(many=True),
)
class FundingApi(NetworkApi):
    def get(self, request):
        data = CPTSFundingSerializer(funding_by_cpts(), many=True).data
        if self.wants_csv():
            return Response([{k: v for k, v in row.items() if k != "lines"} for row in data])
        return Response(data)


@extend_schema(
    summary="Campagnes de prévention du réseau",
    tags=["prévention"],
    parameters=[CSV_PARAMETER, CampaignFiltersSerializer],
    responses=CampaignListingSerializer,
)
class CampaignsApi(NetworkApi):
    def get(self, request):
        filters = CampaignFiltersSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        listing = network_campaigns(**filters.validated_data)
        if self.wants_csv():
            rows = NetworkCampaignSerializer(listing.campaigns, many=True).data
            return Response([{k: v for k, v in row.items() if k != "indicators"} for row in rows])
        return Response(CampaignListingSerializer(listing).data)


@extend_schema(
    summary="Adhérents du réseau par CPTS et par profession (effectifs, jamais de personnes)",
    tags=["réseau"],
    parameters=[CSV_PARAMETER, PlaceFiltersSerializer],
    responses=NetworkMembersSerializer,
)
class MembersApi(NetworkApi):
    def get(self, request):
        filters = PlaceFiltersSerializer(
            data={k: v for k, v in request.query_params.items() if k != "format"}
        )
        filters.is_valid(raise_exception=True)
        members = network_members(**filters.validated_data)
        if self.wants_csv():
            return Response(
                [
                    {"cpts": c.short_name, "profession": p, "count": n}
                    for c in members.cpts
                    for p, n in c.by_profession.items()
                ]
            )
        return Response(NetworkMembersSerializer(members).data)
