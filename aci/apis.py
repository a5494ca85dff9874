"""``/api/v2/aci/years/<year>/`` and its report files, on the CPTS's host.

Who reads what:

- the CPTS's team, signed in to its admin (session; any role, ``aci.permissions.may_read``):
  every figure of the latest version, and the report as PDF or spreadsheet;
- anyone else: the published summary (totals, missions, indicators against targets)
  if the CPTS chose to publish it (« Contrat ACI › Exercices »), else a 404; never the
  report files.

The anonymous summary is kept by the response cache like any public answer; a write
to the year bumps the schema's version, so the next reader gets the new figures.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from .admin_views import file_response
from .permissions import may_read
from .report_pdf import report_pdf
from .report_xlsx import report_xlsx
from .selectors import aci_contract, aci_year_get, latest_report, report_figures
from .serializers import AciYearFullSerializer, AciYearSummarySerializer

SUMMARY = set(AciYearSummarySerializer().fields)


def _figures(request, year: int) -> dict:
    aci_year = aci_year_get(year)
    report = latest_report(aci_year) if aci_year else None
    if report is None:
        raise NotFound(f"Pas d'exercice ACI {year}.")
    return report_figures(report, cpts=request.tenant)


class _AciApi(APIView):
    # GET only: a signed-in team member's session reads the full figures (no CSRF at stake).
    authentication_classes = [SessionAuthentication]

    def team(self, request) -> bool:
        return bool(request.user and request.user.is_authenticated and may_read(request.user))


@extend_schema(
    summary="Exercice ACI : indicateurs, actions et financement obtenu",
    description="Résumé publié pour tous si la CPTS le choisit ; tout pour son équipe connectée.",
    tags=["CPTS"],
    responses={200: AciYearFullSerializer, 404: OpenApiResponse(description="Pas d'exercice ou pas publié.")},
)
class AciYearApi(_AciApi):
    def get(self, request, year: int):
        if self.team(request):
            return Response(AciYearFullSerializer(_figures(request, year)).data)
        if not aci_contract().publish_summary:
            raise NotFound("Cette CPTS ne publie pas le résumé de son contrat ACI.")
        figures = _figures(request, year)
        return Response(AciYearSummarySerializer({k: v for k, v in figures.items() if k in SUMMARY}).data)


@extend_schema(
    summary="Rapport annuel ACI en PDF ou en tableur (.xlsx), pour l'équipe connectée",
    tags=["CPTS"],
    responses={(200, "application/pdf"): OpenApiTypes.BINARY, 401: None, 403: None, 404: None},
)
class AciReportFileApi(_AciApi):
    def get(self, request, year: int, extension: str):
        if not (request.user and request.user.is_authenticated):
            raise NotAuthenticated("Le rapport se lit connecté au site de la CPTS.")
        if not self.team(request):
            raise PermissionDenied("Réservé à l'équipe de la CPTS.")
        if extension not in ("pdf", "xlsx"):
            raise NotFound("Formats : pdf ou xlsx.")
        figures = _figures(request, year)
        name = f"rapport-aci-{request.tenant.short_name}-{year}-v{figures['version']}.{extension}"
        if extension == "pdf":
            return file_response(report_pdf(figures), "application/pdf", name)
        return file_response(
            report_xlsx(figures), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name
        )
