"""The URLs the network's OpenAPI schema documents: the API only, under its real prefix."""

from django.urls import include, path

from cpts_network import urls_api

urlpatterns = [path("api/network/", include(urls_api))]
