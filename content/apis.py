"""A CPTS's own data endpoints beside Wagtail's page API (its host, its schema)."""

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Site

from network.selectors import funding_for_cpts
from tenants.api_errors import error_body

from .contact import contact_post_refusal
from .models.pages import ContactPage
from .selectors import aci_missions, governance, territory_summary
from .selectors.headless import site_redirects, site_settings
from .serializers import (
    FundingSerializer,
    GovernanceSerializer,
    MissionSerializer,
    RedirectSerializer,
    SiteSettingsSerializer,
    TerritorySerializer,
)


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
        return Response(MissionSerializer(aci_missions(cpts=request.tenant), many=True).data)


@extend_schema(summary="Financement ACI maximal de l'année", tags=["CPTS"], responses=FundingSerializer)
class FundingApi(APIView):
    def get(self, request):
        summary = territory_summary(cpts=request.tenant)
        estimate = funding_for_cpts(cpts=request.tenant, tier=summary.tier)
        if estimate is None:
            raise NotFound("Pas de contrat ACI signé : aucun financement à calculer.")
        return Response(FundingSerializer(estimate).data)


def _site(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise NotFound("Aucun site pour cet hôte.")
    return site


@extend_schema(
    summary="Réglages du site : nom, adresse, contact, menu",
    tags=["CPTS"],
    responses=SiteSettingsSerializer,
)
class SiteSettingsApi(APIView):
    def get(self, request):
        return Response(SiteSettingsSerializer(site_settings(cpts=request.tenant, site=_site(request))).data)


@extend_schema(
    summary="Redirections de ce site (à suivre avant de répondre 404)",
    tags=["CPTS"],
    responses=RedirectSerializer(many=True),
)
class RedirectsApi(APIView):
    def get(self, request):
        redirects = site_redirects(cpts=request.tenant, site=_site(request))
        return Response(RedirectSerializer(redirects, many=True).data)


@extend_schema(
    summary="Envoyer le formulaire de contact d'une page (mêmes règles que le formulaire HTML)",
    tags=["CPTS"],
    request={"application/json": {"type": "object", "additionalProperties": {"type": "string"}}},
    responses={201: None, 400: None, 404: None, 429: None},
)
class ContactFormApi(APIView):
    """The contact form of a live, public ContactPage, posted by a front end: the honeypot, the rate
    limits per address and per CPTS, the field caps and the recipient are the HTML form's own."""

    parser_classes = [JSONParser, FormParser]

    def post(self, request, page_id: int):
        page = ContactPage.objects.live().public().filter(pk=page_id).first()
        if page is None:
            raise NotFound("Aucun formulaire de contact publié sous ce numéro.")
        if not isinstance(request.data, dict):
            # A JSON array, string or number: nothing a form can read (once a 500).
            return Response(
                error_body(400, "invalid", "Le corps de la requête doit être un objet JSON."), status=400
            )
        refusal = contact_post_refusal(request._request, data=request.data)
        if refusal is not None:
            code = "throttled" if refusal.status == 429 else "refused"
            return Response(error_body(refusal.status, code, refusal.message), status=refusal.status)
        form = page.get_form(request.data, page=page, user=AnonymousUser())
        if not form.is_valid():
            fields = {
                name: [e["message"] for e in errors] for name, errors in form.errors.get_json_data().items()
            }
            return Response(
                error_body(400, "invalid", "Le formulaire est incomplet ou invalide.", fields), status=400
            )
        page.process_form_submission(form)
        return Response({"status": "received"}, status=201)
