"""The CPTS admin's screens of applications: the list with status and filters (a Wagtail viewset),
and each CV, read through an authenticated view since CVs have no public address.

Only who may view applications (``applications.view_internshipapplication``: the
Coordination role, applications.migrations.0002) opens them; no one adds one by hand.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import InternshipApplication
from .services import ADMIN_PREFIX

VIEW_PERMISSION = "applications.view_internshipapplication"


class ReceivedOnlyPolicy(ModelPermissionPolicy):
    """Applications come from students: the admin follows them up, never creates one."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class ApplicationFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("statut"), choices=InternshipApplication.Status.choices)
    submitted_at = DateFromToRangeFilter(label=_("reçue entre"), widget=DateRangePickerWidget)

    class Meta:
        model = InternshipApplication
        fields = ["status", "offer_title", "level", "submitted_at"]


def cv_link(application: InternshipApplication) -> str:
    if not application.cv:
        return "—"
    return format_html(
        '<a href="{}">{}</a>', reverse("applications_cv", args=[application.pk]), _("CV (PDF)")
    )


class CVColumn(Column):
    """The CV's link in the list: the coordinator reads it without opening the application."""

    def get_value(self, instance):
        return cv_link(instance)


class ApplicationViewSet(ModelViewSet):
    model = InternshipApplication
    icon = "mail"
    menu_label = _("Candidatures")
    add_to_admin_menu = True
    menu_order = 250
    url_prefix = ADMIN_PREFIX
    name = "applications"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "full_name",
        "offer_title",
        "level",
        "status",
        "submitted_at",
        "retain_until",
        CVColumn("cv", label=_("CV")),
    ]
    filterset_class = ApplicationFilterSet
    search_fields = ["full_name", "offer_title", "training"]
    panels = [
        FieldPanel("status"),
        FieldPanel("offer_title", read_only=True),
        FieldPanel("full_name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("training", read_only=True),
        FieldPanel("level", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("submitted_at", read_only=True),
        FieldPanel("retain_until", read_only=True),
    ]
    inspect_view_fields = [
        "offer_title",
        "full_name",
        "email",
        "training",
        "level",
        "message",
        "status",
        "submitted_at",
        "retain_until",
    ]


def application_cv(request: HttpRequest, pk: int) -> FileResponse:
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    application = get_object_or_404(InternshipApplication, pk=pk)
    if not application.cv:
        raise Http404
    response = FileResponse(
        application.cv.open("rb"), content_type="application/pdf", filename=f"cv-{application.pk}.pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
