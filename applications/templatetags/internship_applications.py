"""``{% application_form page %}``: the « Candidater » form on an offer's page (content's template)."""

from urllib.parse import urlencode, urlsplit

from django import template

from content.models.internships import SEARCH_BACK_PARAMETER, search_back_url

from ..forms import ApplicationForm
from ..views import privacy_url

register = template.Library()


@register.inclusion_tag("applications/form.html", takes_context=True)
def application_form(context, page) -> dict:
    # A form posted back with errors is in the context (applications.views); else an empty one.
    form = context.get("application_form") or ApplicationForm(privacy_url=privacy_url(page))
    request = context.get("request")
    # The search the student came from rides along, so the answer still links back to it.
    # Only the search's own parameters (search_back_url keeps those), never what else was sent.
    raw = request.GET.get(SEARCH_BACK_PARAMETER, "") if request is not None else ""
    back = urlsplit(search_back_url(raw)).query
    action = f"{page.url}?{urlencode({SEARCH_BACK_PARAMETER: back})}" if back else page.url
    return {"form": form, "page": page, "action": action, "csrf_token": context.get("csrf_token")}
