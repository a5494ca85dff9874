"""The federation's own news and events, in its admin (public schema); CPTS posts are copies, not listed."""

from django.contrib import admin
from django.utils import timezone

from .forms import FederationPostForm
from .models import NetworkPost
from .services import federation_post_delete, federation_post_saved


@admin.register(NetworkPost)
class FederationPostAdmin(admin.ModelAdmin):
    form = FederationPostForm
    list_display = ["title", "kind", "date", "theme", "region_code", "last_published_at"]
    list_filter = ["kind", "theme"]
    search_fields = ["title"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(cpts__isnull=True)

    def save_model(self, request, obj, form, change):
        now = timezone.now()
        if not change:
            obj.first_published_at = now
        obj.last_published_at = now  # the new version subscribers follow
        super().save_model(request, obj, form, change)
        obj.url = request.build_absolute_uri(f"/reseau/{obj.pk}/")
        obj.save(update_fields=["url"])
        federation_post_saved(post=obj, created=not change)

    def delete_model(self, request, obj):
        federation_post_delete(post=obj)

    def delete_queryset(self, request, queryset):
        for post in queryset:
            federation_post_delete(post=post)
