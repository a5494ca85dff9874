from django.contrib import admin

from .funding import FundingGrid, FundingLine
from .models import ReferenceDataset
from .prevention import CampaignKit, PreventionTheme


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
class FundingGridAdmin(admin.ModelAdmin):
    list_display = ["name", "valid_from", "is_partial"]
    inlines = [FundingLineInline]


@admin.register(PreventionTheme)
class PreventionThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "national_month", "sort_order"]


@admin.register(CampaignKit)
class CampaignKitAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "version", "is_published", "updated_at"]
    list_filter = ["theme", "is_published"]
    readonly_fields = ["version"]
