"""The public contact form's defences: a honeypot, rate limits, size limits.

Every CPTS site has a contact form on the open internet. Before a post is
validated or stored:

- a hidden field that people never see and robots fill in (the honeypot)
  refuses the post;
- django-ratelimit counts posts per client address and per CPTS in the cache;
  its keys go through the cache's ``make_key``, so each CPTS counts its own;
- every text field is capped (``MAX_FIELD_CHARS``).

The message goes to the address the CPTS set on its page (``to_address``),
never to one a visitor typed, and submissions stay in the CPTS's schema where
its admin lists, exports and deletes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

HONEYPOT_FIELD = "site_web"
MAX_FIELD_CHARS = 5_000
RATE_PER_ADDRESS = "5/10m"
RATE_PER_CPTS = "100/h"


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str


def contact_post_refusal(request: HttpRequest, data=None) -> Refusal | None:
    """Why this post must not be taken, or None. Counts the post against both limits.

    ``data`` is the posted fields when they are not form-encoded (the API's JSON).
    """
    if (request.POST if data is None else data).get(HONEYPOT_FIELD):
        return Refusal(400, _("Message refusé : un champ réservé aux robots a été rempli."))
    if is_ratelimited(request, group="contact:address", key="ip", rate=RATE_PER_ADDRESS, increment=True):
        return Refusal(
            429, _("Trop de messages envoyés depuis votre connexion : réessayez dans quelques minutes.")
        )
    # One key for every post: the cache's make_key prefixes it with the CPTS's schema.
    if is_ratelimited(
        request, group="contact:cpts", key=lambda group, request: "all", rate=RATE_PER_CPTS, increment=True
    ):
        return Refusal(
            429, _("Le formulaire reçoit trop de messages en ce moment : réessayez dans une heure.")
        )
    return None


def harden_contact_form(form: forms.Form) -> forms.Form:
    """Add the honeypot and cap every text field (Wagtail's multi-line fields have no limit)."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and not field.max_length:
            field.max_length = MAX_FIELD_CHARS
            field.validators.append(MaxLengthValidator(MAX_FIELD_CHARS))
            field.widget.attrs["maxlength"] = str(MAX_FIELD_CHARS)
    form.fields[HONEYPOT_FIELD] = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    return form
