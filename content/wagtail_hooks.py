"""The CPTS admin's menus (territory, governance, ACI contract, indicators) and its scripts."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from . import identity_admin, journal_views, sign_in_views, views  # noqa: F401 - identity_admin registers hooks
from .admin_dashboard import TodoPanel
from .models import (
    Association,
    College,
    Coordinator,
    Mandate,
    MissionIndicator,
    ProfessionCount,
    WebhookDelivery,
    WebhookEndpoint,
)
from .preview import frontend_preview_url
from .second_factor import second_factor_settings
from .sign_in import ACCOUNTS_PERMISSION, LOCKED, UNLOCKED


@hooks.register("register_admin_urls")
def cpts_admin_urls():
    return [
        path("territory/", views.territory_index, name="content_territory"),
        path("territory/communes/", views.territory_suggestions, name="content_territory_suggestions"),
        path("territory/add/", views.territory_add, name="content_territory_add"),
        path("territory/remove/", views.territory_remove, name="content_territory_remove"),
        path("territory/import/", views.territory_import, name="content_territory_import"),
        path("aci/", views.aci_contract, name="content_aci_contract"),
        path("sign-ins/", sign_in_views.sign_in_index, name="content_sign_ins"),
        path("network-journal/", journal_views.network_journal, name="content_network_journal"),
        path("account/second-factor/", second_factor_settings, name="content_second_factor"),
        path(
            "sign-ins/<int:attempt_id>/unlock/",
            sign_in_views.sign_in_unlock_view,
            name="content_sign_in_unlock",
        ),
    ]


@hooks.register("insert_global_admin_js")
def start_widgets_without_inline_scripts():
    # Deferred: it runs once the page is parsed, after Wagtail's own scripts.
    return format_html('<script src="{}" defer></script>', static("content/admin-start.js"))


@hooks.register("register_settings_menu_item")
def sign_ins_menu_item():
    return AdminOnlyMenuItem(_("Connexions"), reverse("content_sign_ins"), icon_name="lock", order=900)


@hooks.register("register_reports_menu_item")
def network_journal_menu_item():
    return AdminOnlyMenuItem(
        _("Journal du réseau"), reverse("content_network_journal"), icon_name="history", order=900
    )


@hooks.register("register_account_menu_item")
def second_factor_account_item(request):
    return {
        "url": reverse("content_second_factor"),
        "label": _("Double authentification"),
        "help_text": _("Un code de votre téléphone en plus du mot de passe, à la connexion."),
    }


@hooks.register("register_log_actions")
def sign_in_log_actions(actions):
    actions.register_action(LOCKED, _("Connexion bloquée"), _("Connexion bloquée après trop d'échecs"))
    actions.register_action(UNLOCKED, _("Connexion débloquée"), _("Connexion débloquée"))


class AdminOnlyMenuItem(MenuItem):
    """Screens about accounts (sign-ins, the journal): for those who manage accounts (Coordination)."""

    def is_shown(self, request):
        return request.user.has_perm(ACCOUNTS_PERMISSION)


@hooks.register("register_admin_menu_item")
def territory_menu_item():
    return MenuItem(_("Territoire"), reverse("content_territory"), icon_name="site", order=250)


@hooks.register("register_admin_menu_item")
def aci_menu_item():
    return MenuItem(_("Contrat ACI"), reverse("content_aci_contract"), icon_name="doc-full", order=260)


class AssociationAdmin(ModelAdmin):
    model = Association
    menu_label = _("Association")
    menu_icon = "group"
    list_display = ["name", "legal_form", "rna", "siret"]


class CollegeAdmin(ModelAdmin):
    model = College
    menu_label = _("Collèges")
    menu_icon = "list-ul"
    list_display = ["name", "seats", "sort_order"]


class MandateAdmin(ModelAdmin):
    model = Mandate
    menu_label = _("Bureau et conseil")
    menu_icon = "user"
    list_display = ["full_name", "role", "college", "profession", "start", "end"]
    list_filter = ["role", "college", "profession"]
    search_fields = ["full_name", "organisation"]


class CoordinatorAdmin(ModelAdmin):
    model = Coordinator
    menu_label = _("Coordination")
    menu_icon = "mail"
    list_display = ["full_name", "title", "email", "phone"]


class ProfessionCountAdmin(ModelAdmin):
    model = ProfessionCount
    menu_label = _("Effectifs par profession")
    menu_icon = "table"
    list_display = ["kind", "profession", "count", "as_of", "source"]
    list_filter = ["kind"]


class GovernanceGroup(ModelAdminGroup):
    menu_label = _("Gouvernance")
    menu_icon = "group"
    menu_order = 270
    items = (AssociationAdmin, MandateAdmin, CollegeAdmin, CoordinatorAdmin, ProfessionCountAdmin)


class MissionIndicatorAdmin(ModelAdmin):
    model = MissionIndicator
    menu_label = _("Indicateurs ACI")
    menu_icon = "table"
    menu_order = 280
    list_display = ["mission", "name", "unit", "target"]
    list_filter = ["mission"]


class WebhookEndpointAdmin(ModelAdmin):
    model = WebhookEndpoint
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    list_display = ("name", "url", "events", "active")
    add_to_settings_menu = True


class WebhookDeliveryAdmin(ModelAdmin):
    """The log: what was sent where, when, and how it was answered (``send_webhooks --replay``)."""

    model = WebhookDelivery
    menu_label = _("Envois de webhooks")
    menu_icon = "history"
    list_display = ("pk", "event", "endpoint", "created_at", "attempts", "last_status", "delivered_at")
    list_filter = ("event", "endpoint")
    inspect_view_enabled = True
    add_to_settings_menu = True

    def get_permissions_helper_class(self):
        return ReadOnlyPermissions


class ReadOnlyPermissions(PermissionHelper):
    def user_can_create(self, user) -> bool:
        return False

    def user_can_edit_obj(self, user, obj) -> bool:
        return False


modeladmin_register(WebhookEndpointAdmin)
modeladmin_register(WebhookDeliveryAdmin)
modeladmin_register(GovernanceGroup)
modeladmin_register(MissionIndicatorAdmin)


class FrontendPreviewMenuItem(ActionMenuItem):
    """Opens the saved draft on the CPTS's own front end (when it has one)."""

    label = _("Aperçu sur le site public")
    name = "action-frontend-preview"
    icon_name = "view"

    def is_shown(self, context):
        page = context.get("page")
        tenant = getattr(context.get("request"), "tenant", None)
        return bool(page and page.pk and getattr(tenant, "frontend_url", ""))

    def get_url(self, parent_context):
        return frontend_preview_url(
            page=parent_context["page"], frontend_url=parent_context["request"].tenant.frontend_url
        )


@hooks.register("register_page_action_menu_item")
def frontend_preview_menu_item():
    return FrontendPreviewMenuItem(order=60)


@hooks.register("construct_homepage_panels")
def cpts_todo_panel(request, panels):
    panels.append(TodoPanel())
