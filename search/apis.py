"""``/api/network/internships/``: the students' search, as JSON (or CSV)."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from network.apis import CSV_PARAMETER, NetworkApi

from .selectors import internship_search
from .serializers import (
    InternshipHitSerializer,
    InternshipResultsSerializer,
    InternshipSearchParamsSerializer,
)


@extend_schema(
    summary="Offres de stage de tout le réseau",
    description="Recherche plein texte en français, filtres, compteurs par filtre et tri. "
    "Les offres pourvues ou terminées n'apparaissent pas.",
    tags=["stages"],
    parameters=[CSV_PARAMETER, InternshipSearchParamsSerializer],
    responses=InternshipResultsSerializer,
)
class InternshipSearchApi(NetworkApi):
    def get(self, request):
        params = InternshipSearchParamsSerializer.from_query(request.query_params)
        params.is_valid(raise_exception=True)
        results = internship_search(**params.validated_data)
        if self.wants_csv():
            return Response(InternshipHitSerializer(results.hits, many=True).data)
        return Response(InternshipResultsSerializer(results).data)
