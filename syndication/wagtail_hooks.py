from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def syndication_admin_urls():
    return [
        path("network/", admin_views.network_index, name="syndication_network"),
        path(
            "network/subscriptions/", admin_views.subscription_add_view, name="syndication_subscription_add"
        ),
        path(
            "network/subscriptions/<int:subscription_id>/remove/",
            admin_views.subscription_remove_view,
            name="syndication_subscription_remove",
        ),
        path(
            "network/posts/<int:post_id>/republish/",
            admin_views.post_republish_view,
            name="syndication_post_republish",
        ),
        path("network/sync/", admin_views.sync_view, name="syndication_sync"),
    ]


@hooks.register("register_admin_menu_item")
def network_menu_item():
    return MenuItem(_("Réseau : actualités"), reverse("syndication_network"), icon_name="globe", order=295)
