"""The « Candidater » form posted on an offer's page (routed by an ``on_serve_page`` hook).

Thin: the form checks, ``application_submit`` writes. On a refusal the offer's
page is shown again with the form as the student filled it (the CV must be
chosen again: browsers never refill a file input) and a French message.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

from content.models import InternshipOfferPage
from content.models.internships import SEARCH_BACK_PARAMETER, search_back_url

from .forms import ApplicationForm
from .limits import application_post_refusal
from .services import application_submit

PRIVACY_SLUG = "donnees-personnelles"


def privacy_url(offer: Page) -> str | None:
    """The CPTS's « Données personnelles » page, if its site has one at /donnees-personnelles/."""
    site = offer.get_site()
    if site is None:
        return None
    page = site.root_page.get_children().live().filter(slug=PRIVACY_SLUG).first()
    return page.url if page else None


def application_post(request: HttpRequest, offer: InternshipOfferPage) -> HttpResponse:
    form = ApplicationForm(request.POST, request.FILES, privacy_url=privacy_url(offer))
    status = 400
    if not offer.accepts_applications:
        form.add_error(None, "Cette offre ne reçoit plus de candidatures.")
        status = 409
    elif form.is_valid():
        refusal = application_post_refusal(request)
        if refusal is not None:
            form.add_error(None, refusal.message)
            status = refusal.status
        else:
            try:
                application = application_submit(
                    offer=offer, data=form.cleaned_data, cv=form.cleaned_data.get("cv")
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                back = search_back_url(request.GET.get(SEARCH_BACK_PARAMETER, ""))
                return TemplateResponse(
                    request,
                    "applications/received.html",
                    {"page": offer, "application": application, "search_back_url": back},
                )
    context = {**offer.get_context(request), "application_form": form}
    return TemplateResponse(request, offer.get_template(request), context, status=status)
