"""``{% application_form page %}``: the « Candidater » form on an offer's page (content's template)."""

from django import template

from ..forms import ApplicationForm
from ..views import privacy_url

register = template.Library()


@register.inclusion_tag("applications/form.html", takes_context=True)
def application_form(context, page) -> dict:
    # A form posted back with errors is in the context (applications.views); else an empty one.
    form = context.get("application_form") or ApplicationForm(privacy_url=privacy_url(page))
    return {"form": form, "page": page, "csrf_token": context.get("csrf_token")}
