"""The federation's admin for the CPTS registry (public schema, Django admin).

Creating a CPTS goes through a form view that calls ``cpts_create``, so the
admin shows the service's own French messages and never half-creates one.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from .audit import audit_csv_response
from .forms import CPTSCreateForm
from .models import CPTS, AuditEntry, CPTSArchive, Domain
from .services import DatabaseUnavailableError, cpts_create, cpts_update


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0
    readonly_fields = ["domain", "is_primary"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CPTS)
class CPTSAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "stage", "region_code", "department_code", "created_at"]
    list_filter = ["stage", "region_code", "department_code"]
    search_fields = ["name", "short_name"]
    readonly_fields = ["short_name", "schema_name", "created_at", "updated_at"]
    exclude = []
    inlines = [DomainInline]

    def get_urls(self):
        return [
            path("add/", self.admin_site.admin_view(self.create_view), name="tenants_cpts_add"),
            *super().get_urls(),
        ]

    def create_view(self, request):
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = CPTSCreateForm(request.POST or None)
        setup_url = None
        if request.method == "POST" and form.is_valid():
            try:
                created = cpts_create(**form.cleaned_data)
            except ValidationError as error:
                _attach_errors(form, error)
            except DatabaseUnavailableError as error:
                form.add_error(None, str(error))
            else:
                setup_url = created.password_setup_url
                messages.success(
                    request,
                    _("CPTS « %(name)s » créée. Lien à transmettre au coordinateur : %(url)s")
                    % {"name": created.cpts.name, "url": setup_url},
                )
                return redirect(reverse("admin:tenants_cpts_change", args=[created.cpts.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Créer une CPTS"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/tenants/cpts/create.html", context)

    def save_model(self, request, obj, form, change):
        cpts_update(cpts=obj, **{field: form.cleaned_data[field] for field in form.changed_data})


def _attach_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@admin.register(CPTSArchive)
class CPTSArchiveAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "archived_at", "dump_path"]
    readonly_fields = [f.name for f in CPTSArchive._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The network's journal: read, filter, search, export; never edited."""

    list_display = ["at", "action", "cpts", "actor", "summary"]
    list_filter = ["action", "at"]
    search_fields = ["cpts", "actor", "summary"]
    date_hierarchy = "at"
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Exporter en CSV les entrées choisies"))
    def export_csv(self, request, queryset):
        return audit_csv_response(queryset, filename="journal-reseau.csv")
