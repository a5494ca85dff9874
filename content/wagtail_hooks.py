from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def territory_urls():
    return [
        path("territory/", views.territory_index, name="content_territory"),
        path("territory/add/", views.territory_add, name="content_territory_add"),
        path("territory/remove/", views.territory_remove, name="content_territory_remove"),
        path("territory/import/", views.territory_import, name="content_territory_import"),
    ]


@hooks.register("register_admin_menu_item")
def territory_menu_item():
    return MenuItem(_("Territoire"), reverse("content_territory"), icon_name="site", order=250)
