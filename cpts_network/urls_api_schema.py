"""The URLs the network's OpenAPI schema documents: the API only, under its real prefix."""

from django.urls import include, path

urlpatterns = [path("api/network/", include("cpts_network.urls_api"))]
