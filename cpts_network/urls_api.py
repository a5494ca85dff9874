"""The network's API, /api/network/: federation, students' search, agenda and news, « Trouver ma CPTS »."""

from django.urls import path

from access.urls import urlpatterns as access_routes
from network.aci_urls import urlpatterns as aci_routes
from network.professional_apis import NetworkProfessionalsApi
from network.urls import urlpatterns as federation_routes
from observatory.urls import urlpatterns as observatory_routes
from search.urls import urlpatterns as search_routes
from syndication.urls import urlpatterns as syndication_routes

app_name = "network"
urlpatterns = [*federation_routes, *search_routes, *syndication_routes, *access_routes, *observatory_routes]
urlpatterns += [path("professionals/", NetworkProfessionalsApi.as_view(), name="professionals")]
urlpatterns += aci_routes
