from rest_framework import serializers

from tenants.models import CPTS
from tenants.services import public_url


class CPTSDirectoryEntrySerializer(serializers.ModelSerializer):
    stage_label = serializers.CharField(source="get_stage_display")
    site_url = serializers.SerializerMethodField()

    class Meta:
        model = CPTS
        fields = [
            "short_name",
            "name",
            "stage",
            "stage_label",
            "region_code",
            "department_code",
            "site_url",
        ]

    def get_site_url(self, cpts: CPTS) -> str | None:
        if cpts.frontend_url:
            return cpts.frontend_url
        return public_url(cpts.primary_host) if cpts.primary_host else None
