"""Permissions in French in Wagtail's group editor (its formatted_permissions.html, copied in content)."""

from django import template

from network.permission_labels import permission_action as french_action
from network.permission_labels import permission_label as french_label

register = template.Library()


@register.filter
def permission_label(permission) -> str:
    return french_label(permission)


@register.simple_tag
def permission_action(permission) -> str:
    return french_action(permission)
