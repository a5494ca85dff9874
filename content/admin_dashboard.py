"""The CPTS admin home's « À faire » panel (Wagtail's ``construct_homepage_panels``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wagtail.admin.ui.components import Component

from .selectors.dashboard import dashboard_todo


class TodoPanel(Component):
    name = "cpts_todo"
    template_name = "content/admin/todo_panel.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        request = parent_context["request"]
        return {
            "cpts": request.tenant,
            "todo": dashboard_todo(),
            "may_edit_indicators": request.user.has_perm("content.change_indicatorvalue"),
        }
