"""The network agenda's and news' API routes, under /api/network/ (cpts_network.urls_api)."""

from django.urls import path

from .apis import AgendaApi, NewsApi

urlpatterns = [
    path("agenda/", AgendaApi.as_view(), name="agenda"),
    path("news/", NewsApi.as_view(), name="news"),
]
