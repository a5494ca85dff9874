"""The CPTS admin's *Adhésions* menu and its screens."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_views
from .selectors import applications_waiting


@hooks.register("register_admin_urls")
def members_admin_urls():
    return [
        path("members/", admin_views.membership_index, name="members_index"),
        path("members/<int:pk>/", admin_views.membership_detail, name="members_detail"),
        path("members/<int:pk>/edit/", admin_views.membership_edit, name="members_edit"),
        path("members/<int:pk>/decide/", admin_views.membership_decide, name="members_decide"),
        path(
            "members/<int:pk>/leave-directory/",
            admin_views.membership_leave_directory,
            name="members_leave_directory",
        ),
        path("members/<int:pk>/erase/", admin_views.membership_erase, name="members_erase"),
        path(
            "members/<int:pk>/attestation.pdf", admin_views.membership_attestation, name="members_attestation"
        ),
    ]


@hooks.register("register_admin_menu_item")
def members_menu_item():
    return MenuItem(_("Adhésions"), reverse("members_index"), icon_name="group", order=255)


class WaitingApplicationsPanel(Component):
    """« Adhésions à décider » on the admin home, for those who decide them."""

    name = "members_waiting"
    template_name = "members/admin/waiting_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        return {"waiting": applications_waiting().count()}


@hooks.register("construct_homepage_panels")
def members_waiting_panel(request, panels):
    if request.user.has_perm("members.view_membership"):
        panels.append(WaitingApplicationsPanel())
