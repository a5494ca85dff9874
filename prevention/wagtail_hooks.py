from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def prevention_admin_urls():
    return [
        path("prevention/kits/", views.kit_index, name="prevention_kits"),
        path("prevention/kits/<int:kit_id>/adopt/", views.kit_adopt_view, name="prevention_kit_adopt"),
        path(
            "prevention/campaigns/<int:page_id>/kit-update/",
            views.kit_update_view,
            name="prevention_kit_update",
        ),
    ]


@hooks.register("register_admin_menu_item")
def kits_menu_item():
    return MenuItem(
        _("Kits de prévention"), reverse("prevention_kits"), icon_name="folder-inverse", order=290
    )
