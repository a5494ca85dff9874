"""The network's HTTP API (public schema): thin views over network.selectors.

Every endpoint also answers ``?format=csv``. Coverage answers follow a stated
definition (``?definition=``, ACI signed by default) and echo it; their
``export.csv`` and ``export.xlsx`` are the files an analyst opens.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from tenants.renderers import CSVRenderer

from .coverage import DEFAULT_DEFINITION, Definition
from .coverage_exports import FORMATS, coverage_export_response
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


class CoverageQuerySerializer(serializers.Serializer):
    """``?definition=``: which CPTS count as covering; an unknown value is a 400 naming the choices."""

    definition = serializers.ChoiceField(
        choices=Definition.choices,
        default=DEFAULT_DEFINITION,
        help_text="CPTS comptées comme couvrant leur territoire : `aci_signed` (ACI signé, par défaut, "
        "ce que compte l'atlas national des CPTS de la DGOS), `health_project` (projet de santé "
        "validé ou ACI signé), `any` (toute étape, dès l'idée). Rappelée dans chaque réponse.",
    )


class DefinedCoverageSerializer(CoverageSerializer):
    definition = serializers.CharField(help_text="La définition de la couverture de tous les chiffres.")
    definition_label = serializers.CharField()


class DefinedFiguresSerializer(CoverageFiguresSerializer):
    definition = serializers.SerializerMethodField()

    def get_definition(self, item) -> str:
        return self.context["definition"]


EXPORT_RESPONSES = {
    (200, "text/csv"): OpenApiTypes.BINARY,
    (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
}
EXTENSION = OpenApiParameter(
    "extension",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=list(FORMATS),
    description="`csv` (séparateur « ; », virgule décimale, UTF-8 avec BOM) ou `xlsx`.",
)


class CoverageApi(NetworkApi):
    def definition(self) -> str:
        query = CoverageQuerySerializer(
            data={"definition": self.request.query_params.get("definition")}
            if "definition" in self.request.query_params
            else {}
        )
        query.is_valid(raise_exception=True)
        return query.validated_data["definition"]

    def coverage(self, code: str | None, definition: str):
        raise NotImplementedError

    def found(self, code: str | None, definition: str):
        try:
            return self.coverage(code, definition)
        except Region.DoesNotExist:
            raise NotFound(f"Région inconnue : {code}.") from None
        except Department.DoesNotExist:
            raise NotFound(f"Département inconnu : {code}.") from None

    def get(self, request, code: str | None = None):
        definition = self.definition()
        coverage = self.found(code, definition)
        if self.wants_csv():
            rows = coverage.children or [coverage.totals]
            return Response(
                DefinedFiguresSerializer(rows, many=True, context={"definition": definition}).data
            )
        return Response(DefinedCoverageSerializer(coverage).data)


COVERAGE_PARAMETERS = [CSV_PARAMETER, CoverageQuerySerializer]


@extend_schema(
    summary="Couverture nationale, par région",
    tags=["couverture"],
    parameters=COVERAGE_PARAMETERS,
    responses=DefinedCoverageSerializer,
)
class NationalCoverageApi(CoverageApi):
    def coverage(self, code, definition):
        return coverage_national(definition=definition)


@extend_schema(
    summary="Couverture d'une région, par département",
    tags=["couverture"],
    parameters=COVERAGE_PARAMETERS,
    responses=DefinedCoverageSerializer,
)
class RegionCoverageApi(CoverageApi):
    def coverage(self, code, definition):
        return coverage_by_region(code, definition=definition)


@extend_schema(
    summary="Couverture d'un département",
    tags=["couverture"],
    parameters=COVERAGE_PARAMETERS,
    responses=DefinedCoverageSerializer,
)
class DepartmentCoverageApi(CoverageApi):
    def get(self, request, code: str):
        if self.wants_csv():
            # A department's CSV lists every commune of it in no CPTS, never cut.
            definition = self.definition()
            try:
                rows = uncovered_in_department(code.upper(), definition=definition)
            except Department.DoesNotExist:
                raise NotFound(f"Département inconnu : {code}.") from None
            return Response(
                [{**row, "definition": definition} for row in CommuneSerializer(rows, many=True).data]
            )
        return super().get(request, code)

    def coverage(self, code, definition):
        return coverage_by_department(code.upper(), definition=definition)


class CoverageExportApi(CoverageApi):
    """The same figures as a file for spreadsheet software: French headers, the definition stated."""

    renderer_classes = [JSONRenderer]  # errors only: the file itself is written by the view

    def get(self, request, extension: str, code: str | None = None):
        if extension not in FORMATS:
            raise NotFound(f"Format inconnu : {extension[:10]} (csv ou xlsx).")
        return coverage_export_response(self.found(code, self.definition()), extension)


def _export_schema(summary: str):
    return extend_schema(
        summary=summary,
        tags=["couverture"],
        parameters=[EXTENSION, CoverageQuerySerializer],
        responses=EXPORT_RESPONSES,
    )


@_export_schema("Export de la couverture nationale (CSV ou xlsx, en-têtes en français)")
class NationalCoverageExportApi(CoverageExportApi):
    coverage = NationalCoverageApi.coverage


@_export_schema("Export de la couverture d'une région (CSV ou xlsx)")
class RegionCoverageExportApi(CoverageExportApi):
    coverage = RegionCoverageApi.coverage


@_export_schema("Export de la couverture d'un département : totaux, CPTS, chevauchements, hors CPTS")
class DepartmentCoverageExportApi(CoverageExportApi):
    coverage = DepartmentCoverageApi.coverage


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
