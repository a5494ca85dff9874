"""Links of the search page that keep the other parameters (filters, sort) as they are."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def with_param(context, name: str, value) -> str:
    """The current query string with ``name`` set to ``value`` (removed if empty), back to page 1."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if value in (None, ""):
        query.pop(name, None)
    else:
        query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_link(context, page: int) -> str:
    query = context["request"].GET.copy()
    query["page"] = page
    return f"?{query.urlencode()}"
