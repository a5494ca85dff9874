"""« Trouver ma CPTS » on the federation's host: a form and its answer, server-rendered, no script."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import Status, find_my_cpts
from .serializers import FindMyCPTSParamsSerializer

# The Assurance Maladie's tools for a patient without a médecin traitant (docs/guides/access-to-care.md),
# the same as unscheduled_care/data/national_numbers.json's « official_tools », read on 2026-12-06.
AMELI_URL = "https://www.ameli.fr/assure/remboursements/etre-bien-rembourse/medecin-traitant-parcours-soins-coordonnes"
AMELI_DIRECTORY_URL = "https://annuairesante.ameli.fr/"
AMELI_CONCILIATOR_URL = "https://www.ameli.fr/assure/droits-demarches/reclamation-mediation-voies-de-recours"


def find_my_cpts_page(request: HttpRequest) -> HttpResponse:
    asked = any(request.GET.get(name, "").strip() for name in ("q", "commune"))
    params = FindMyCPTSParamsSerializer.from_query(request.GET)
    valid = params.is_valid() if asked else True
    answer = None
    if asked and valid:
        answer = find_my_cpts(
            query=params.validated_data.get("q", ""), commune=params.validated_data.get("commune", "")
        )
    context = {
        # A commune chosen from a list shows its name in the box.
        "q": request.GET.get("q", "")[:200] or (answer.commune.name if answer and answer.commune else ""),
        "errors": {} if valid else params.errors,
        "answer": answer,
        "Status": Status,
        "ameli_url": AMELI_URL,
        "ameli_directory_url": AMELI_DIRECTORY_URL,
        "ameli_conciliator_url": AMELI_CONCILIATOR_URL,
    }
    return render(request, "access/find_my_cpts.html", context, status=200 if valid else 400)
