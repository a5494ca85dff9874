"""The CPTS admin's *Équipe* entry (Settings menu), for those who manage accounts."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class ManagersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(["auth.add_user", "auth.change_user"])


@hooks.register("register_admin_urls")
def team_admin_urls():
    return [
        path("team/", views.team_index, name="team_index"),
        path("team/<int:pk>/withdraw/", views.team_withdraw, name="team_withdraw"),
    ]


@hooks.register("register_settings_menu_item")
def team_menu_item():
    return ManagersMenuItem(_("Équipe et rôles"), reverse("team_index"), icon_name="group", order=150)
