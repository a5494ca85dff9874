"""*Importer un site*, in the CPTS admin's settings, for administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def site_import_urls():
    return [path("site-import/", admin_views.site_import_view, name="site_import")]


@hooks.register("register_settings_menu_item")
def site_import_menu_item():
    return AdministratorsMenuItem(
        _("Importer un site"), reverse("site_import"), icon_name="download", order=950
    )
