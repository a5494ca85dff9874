"""``/api/network/observatory/``: the catalogue and each indicator's rollup, open values only."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from network.models import Department, Region
from network.observatory import IndicatorDefinition

from .selectors import audiences_for, catalogue_with_years, indicator_rollup, latest_year
from .serializers import (
    CatalogueEntrySerializer,
    IndicatorSerializer,
    RollupParamsSerializer,
    RollupSerializer,
)

TAGS = ["observatoire"]


@extend_schema(
    summary="Observatoire : le catalogue national des indicateurs",
    description="Les indicateurs comparables entre CPTS (code, définition, unité, mission, sens, source), "
    "avec les années pour lesquelles des CPTS ont ouvert leurs valeurs.",
    tags=TAGS,
    responses=CatalogueEntrySerializer(many=True),
)
class ObservatoryCatalogueApi(APIView):
    renderer_classes = [JSONRenderer]

    def get(self, request):
        entries = catalogue_with_years(audiences=audiences_for(federation=False))
        return Response(
            [{**IndicatorSerializer(indicator).data, "years": years} for indicator, years in entries]
        )


@extend_schema(
    summary="Observatoire : un indicateur en France, dans une région ou un département",
    description="Pour une année : nombre de CPTS déclarantes, total (indicateurs en nombre), médiane, "
    "quartiles et répartition, par région (France) ou par département (région), et les CPTS une par "
    "une. Seules les valeurs que les CPTS ont choisi d'ouvrir sont comptées. Un chiffre qui "
    "permettrait d'isoler moins de 3 CPTS ou moins de 11 professionnels n'est pas donné : "
    "`hidden_reason` dit pourquoi.",
    tags=TAGS,
    parameters=[
        RollupParamsSerializer,
        OpenApiParameter("code", str, OpenApiParameter.PATH, description="Code du catalogue."),
    ],
    responses=RollupSerializer,
)
class ObservatoryRollupApi(APIView):
    renderer_classes = [JSONRenderer]
    level = "national"

    def get(self, request, code: str, area: str | None = None):
        params = RollupParamsSerializer.from_query(request.query_params)
        params.is_valid(raise_exception=True)
        place = {"region": Region, "department": Department}.get(self.level)
        if not IndicatorDefinition.objects.filter(code=code).exists() or (
            place and not place.objects.filter(code=area).exists()
        ):
            raise Http404
        audiences = audiences_for(federation=False)
        rollup = indicator_rollup(
            code=code,
            year=params.validated_data.get("year") or latest_year(code=code, audiences=audiences),
            audiences=audiences,
            region=area if self.level == "region" else None,
            department=area if self.level == "department" else None,
        )
        return Response(RollupSerializer(rollup).data)
