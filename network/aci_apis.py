"""``/api/network/aci/``: each CPTS's ACI year — report status and funding totals — from the public copy.

Readers: anyone sees each CPTS's report status, version, dates, tier and maximum
funding (the maximum is public already, ``/api/network/funding/``); the amounts
earned are shown where the CPTS publishes its summary, and to the federation's
staff signed in on the federation host (session), for every CPTS. One query over
``network.AciYearCopy``; no CPTS schema is visited.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.response import Response
from rest_framework.views import APIView

from .aci_years import AciYearCopy
from .selectors.funding import earned_funding_by_cpts


class AciYearCopySerializer(serializers.Serializer):
    cpts = serializers.CharField(source="cpts.short_name")
    name = serializers.CharField(source="cpts.name")
    year = serializers.IntegerField()
    version = serializers.IntegerField(help_text="Version du rapport (une correction en crée une nouvelle).")
    status = serializers.CharField(
        help_text="`draft` (brouillon), `transmitted` (transmis), `validated` (validé)."
    )
    transmitted_at = serializers.DateTimeField(allow_null=True)
    validated_at = serializers.DateTimeField(allow_null=True)
    grid = serializers.CharField()
    tier = serializers.IntegerField()
    maximum = serializers.DecimalField(max_digits=12, decimal_places=2)
    earned = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        allow_null=True,
        help_text="Null si la CPTS ne publie pas son résumé (sauf fédération).",
    )
    fixed = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    variable = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    variable_max = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    indicators_missing = serializers.IntegerField()
    published = serializers.BooleanField()


class YearQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(
        required=False,
        min_value=2019,
        max_value=2100,
        help_text="Un exercice ; par défaut le dernier de chaque CPTS.",
    )


HIDDEN = ("earned", "fixed", "variable", "variable_max")


@extend_schema(
    summary="Exercices ACI des CPTS : état du rapport et financement obtenu",
    tags=["réseau"],
    parameters=[OpenApiParameter("year", OpenApiTypes.INT, required=False)],
    responses=AciYearCopySerializer(many=True),
)
class AciYearsApi(APIView):
    # Reads only; a session lets the federation's staff see every CPTS's amounts (GET: no CSRF at stake).
    authentication_classes = [SessionAuthentication]

    def get(self, request):
        query = YearQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        staff = bool(request.user and request.user.is_active and request.user.is_staff)
        rows = earned_funding_by_cpts(year=query.validated_data.get("year"))
        # Shaped by hand, not by the serializer (which documents it): 1,000 rows in a few milliseconds.
        return Response([_row(row, hide=not (staff or row["published"])) for row in rows])


def _row(row: dict, *, hide: bool) -> dict:
    shaped = {"cpts": row["cpts_short_name"], "name": row["cpts_name"]}
    for name in AciYearCopy.COPIED:
        value = row[name]
        if hide and name in HIDDEN:
            value = None
        elif isinstance(value, Decimal):
            value = str(value)
        elif isinstance(value, datetime.datetime):
            value = value.isoformat()
        shaped[name] = value
    return shaped
