"""The federation's ACI route under /api/network/ (added by ``cpts_network.urls_api``)."""

from django.urls import path

from .aci_apis import AciYearsApi

urlpatterns = [path("aci/", AciYearsApi.as_view(), name="aci-years")]
