"""The network's API, /api/network/: the federation's routes and the students' search, one namespace."""

from network.urls import urlpatterns as federation_routes
from search.urls import urlpatterns as search_routes

app_name = "network"
urlpatterns = [*federation_routes, *search_routes]
