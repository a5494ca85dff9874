"""Rate limits of the « Candidater » form and API: per client address, and per CPTS.

Same mechanism as the contact form (content.contact): django-ratelimit counts
in the shared cache, whose keys carry the CPTS's schema; the honeypot field is
the contact form's. Counted once the form is valid, so a student fixing a typo
five times is not refused.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from content.contact import HONEYPOT_FIELD, Refusal

RATE_PER_ADDRESS = "5/h"
RATE_PER_CPTS = "200/h"


def application_post_refusal(request: HttpRequest, data=None) -> Refusal | None:
    """Why this application must not be taken, or None. Counts it against both limits."""
    if (request.POST if data is None else data).get(HONEYPOT_FIELD):
        return Refusal(400, _("Candidature refusée : un champ réservé aux robots a été rempli."))
    if is_ratelimited(request, group="applications:address", key="ip", rate=RATE_PER_ADDRESS, increment=True):
        return Refusal(
            429, _("Trop de candidatures envoyées depuis votre connexion : réessayez dans une heure.")
        )
    if is_ratelimited(
        request,
        group="applications:cpts",
        key=lambda group, request: "all",
        rate=RATE_PER_CPTS,
        increment=True,
    ):
        return Refusal(429, _("Le site reçoit trop de candidatures en ce moment : réessayez dans une heure."))
    return None
