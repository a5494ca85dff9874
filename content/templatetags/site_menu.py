"""The theme's menu, from the selector the site API serves (content.selectors.headless)."""

from django import template

from content.selectors.headless import site_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu_items(context) -> list[dict]:
    return site_menu(context["page"].get_site())
