"""The network's HTTP API (public schema): thin views over selectors."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics

from tenants.selectors import cpts_list

from .serializers import CPTSDirectoryEntrySerializer


@extend_schema(summary="Annuaire des CPTS du réseau", tags=["réseau"])
class CPTSDirectoryApi(generics.ListAPIView):
    serializer_class = CPTSDirectoryEntrySerializer
    pagination_class = None

    def get_queryset(self):
        return cpts_list()
