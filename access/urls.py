"""The API route of « Trouver ma CPTS », under /api/network/ (cpts_network.urls_api)."""

from django.urls import path

from .apis import FindMyCPTSApi

urlpatterns = [path("find-my-cpts/", FindMyCPTSApi.as_view(), name="find-my-cpts")]
