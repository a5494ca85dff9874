"""The CPTS admin's *Adhésions* menu and its screens."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


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
