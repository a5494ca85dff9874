"""``{% application_form page %}``: the « Candidater » form on an offer's page (content's template).

The form lives at the offer's address with ``?candidater`` (``{% application_form_url page %}``):
its CSRF token sets a cookie, and an answer that sets one is never kept
(``tenants.response_cache``). The offer's page itself, a quarter of what visitors
ask of a CPTS, is then kept like any other.
"""

from urllib.parse import urlencode, urlsplit

from django import template

from content.models.internships import SEARCH_BACK_PARAMETER, search_back_url

from ..forms import ApplicationForm
from ..views import privacy_url

register = template.Library()


FORM_PARAMETER = "candidater"


def _search_back(context) -> str:
    """The search the student came from (only its own parameters, as search_back_url keeps them)."""
    request = context.get("request")
    raw = request.GET.get(SEARCH_BACK_PARAMETER, "") if request is not None else ""
    return urlsplit(search_back_url(raw)).query


@register.simple_tag(takes_context=True)
def application_form_url(context, page) -> str:
    """The address of the offer's form, the search the student came from riding along."""
    back = _search_back(context)
    query = urlencode({FORM_PARAMETER: "", **({SEARCH_BACK_PARAMETER: back} if back else {})})
    return f"{page.url}?{query}#candidater"


@register.inclusion_tag("applications/form.html", takes_context=True)
def application_form(context, page) -> dict:
    # A form posted back with errors is in the context (applications.views); else an empty one.
    form = context.get("application_form") or ApplicationForm(privacy_url=privacy_url(page))
    # The search the student came from rides along, so the answer still links back to it.
    back = _search_back(context)
    action = f"{page.url}?{urlencode({SEARCH_BACK_PARAMETER: back})}" if back else page.url
    return {"form": form, "page": page, "action": action, "csrf_token": context.get("csrf_token")}
