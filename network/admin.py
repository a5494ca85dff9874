from django.contrib import admin

from tenants.audit import audit_record
from tenants.models import AuditEntry

from .funding import FundingGrid, FundingLine
from .models import ReferenceDataset
from .prevention import CampaignKit, PreventionTheme


class AuditedAdmin(admin.ModelAdmin):
    """A federation edit that changes what every CPTS is offered or owed goes to the network's journal."""

    saved_action: str
    deleted_action: str

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # after the inlines: the whole edit
        verb = "modifié" if change else "créé"
        audit_record(
            action=self.saved_action, summary=f"{form.instance} ({verb}).", data={"id": form.instance.pk}
        )

    def delete_model(self, request, obj):
        audit_record(action=self.deleted_action, summary=f"{obj} (supprimé).", data={"id": obj.pk})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit_record(action=self.deleted_action, summary=f"{obj} (supprimé).", data={"id": obj.pk})
        super().delete_queryset(request, queryset)


@admin.register(ReferenceDataset)
class ReferenceDatasetAdmin(admin.ModelAdmin):
    list_display = ["source", "version", "edition", "licence", "loaded_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FundingLineInline(admin.TabularInline):
    model = FundingLine
    extra = 0


@admin.register(FundingGrid)
class FundingGridAdmin(AuditedAdmin):
    saved_action = AuditEntry.Action.FUNDING_GRID_SAVED
    deleted_action = AuditEntry.Action.FUNDING_GRID_DELETED
    list_display = ["name", "valid_from", "is_partial"]
    inlines = [FundingLineInline]


@admin.register(PreventionTheme)
class PreventionThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "national_month", "sort_order"]


@admin.register(CampaignKit)
class CampaignKitAdmin(AuditedAdmin):
    saved_action = AuditEntry.Action.KIT_SAVED
    deleted_action = AuditEntry.Action.KIT_DELETED
    list_display = ["title", "theme", "version", "is_published", "updated_at"]
    list_filter = ["theme", "is_published"]
    readonly_fields = ["version"]
