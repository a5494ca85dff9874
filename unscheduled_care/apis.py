"""``/api/v2/unscheduled-care/``: the CPTS's « Soins non programmés » page as data."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from .selectors import live_unscheduled_care_page, unscheduled_care_facts
from .serializers import UnscheduledCareSerializer


@extend_schema(
    summary="Soins non programmés : numéros nationaux et lieux de la CPTS",
    description="Les numéros nationaux (15, 116 117, 3237, 112, 114) avec leur source, puis les lieux de "
    "soins non programmés de la CPTS : adresse, commune, coordonnées, horaires (jours, heures et en mots), "
    "comment y être reçu, accès de plain-pied ; et les outils officiels pour trouver un médecin traitant. "
    "404 si la CPTS n'a pas publié de page « Soins non programmés ».",
    tags=["CPTS"],
    responses=UnscheduledCareSerializer,
)
class UnscheduledCareApi(APIView):
    def get(self, request):
        page = live_unscheduled_care_page()
        if page is None:
            raise NotFound("Cette CPTS n'a pas publié de page « Soins non programmés ».")
        return Response(UnscheduledCareSerializer(unscheduled_care_facts(page=page)).data)
