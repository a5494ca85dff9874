"""``POST /api/v2/internships/<offer>/applications/``: « Candidater » for headless front ends.

The HTML form's rules, not a copy of them: the same form class checks the fields
and the CV, the same limits count, the same service stores and e-mails.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from content.models import InternshipOfferPage
from tenants.api_errors import error_body
from tenants.vocabulary import StudyLevel

from .forms import ApplicationForm
from .limits import application_post_refusal
from .services import application_submit


class ApplicationRequestSerializer(serializers.Serializer):
    """What the API reads (documentation; the form class checks it)."""

    full_name = serializers.CharField(max_length=150)
    email = serializers.EmailField()
    training = serializers.CharField(max_length=150, help_text="Ex. DES de médecine générale.")
    level = serializers.ChoiceField(choices=StudyLevel.choices)
    message = serializers.CharField(
        required=False, max_length=1500, help_text="Facultatif ; aucune information de santé."
    )
    cv = serializers.FileField(required=False, help_text="PDF de 2 Mo au plus (multipart/form-data).")
    consent = serializers.BooleanField(
        help_text="Vrai : la personne accepte le traitement de sa candidature."
    )


class ApplicationReceivedSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="« received ».")
    retain_until = serializers.DateField(help_text="Date après laquelle la candidature est effacée.")


@extend_schema(
    summary="Candidater à une offre de stage (mêmes règles que le formulaire de la page)",
    tags=["stages"],
    request={
        "multipart/form-data": ApplicationRequestSerializer,
        "application/json": ApplicationRequestSerializer,
    },
    responses={
        201: ApplicationReceivedSerializer,
        400: OpenApiResponse(description="Champs invalides : `error.fields` les nomme, en français."),
        404: OpenApiResponse(description="Aucune offre publiée sous ce numéro."),
        409: OpenApiResponse(description="L'offre ne reçoit pas de candidatures en ligne."),
        429: OpenApiResponse(description="Trop de candidatures depuis cette adresse ou pour ce site."),
    },
)
class ApplicationApi(APIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def post(self, request, page_id: int):
        offer = InternshipOfferPage.objects.live().public().filter(pk=page_id).first()
        if offer is None:
            return Response(error_body(404, "not_found", "Aucune offre publiée sous ce numéro."), status=404)
        if not isinstance(request.data, dict) and not hasattr(request.data, "getlist"):
            return Response(
                error_body(400, "invalid", "Le corps de la requête doit être un objet JSON."), status=400
            )
        if not offer.accepts_applications:
            return Response(
                error_body(409, "closed", "Cette offre ne reçoit pas de candidatures en ligne."), status=409
            )
        form = ApplicationForm(request.data, request.FILES)
        if not form.is_valid():
            fields = {
                name: [e["message"] for e in errors] for name, errors in form.errors.get_json_data().items()
            }
            return Response(
                error_body(400, "invalid", "La candidature est incomplète ou invalide.", fields), status=400
            )
        refusal = application_post_refusal(request._request, data=request.data)
        if refusal is not None:
            code = "throttled" if refusal.status == 429 else "refused"
            return Response(error_body(refusal.status, code, refusal.message), status=refusal.status)
        application = application_submit(offer=offer, data=form.cleaned_data, cv=form.cleaned_data.get("cv"))
        return Response({"status": "received", "retain_until": application.retain_until}, status=201)
