"""The students' search API route, under /api/network/ (cpts_network.urls_api)."""

from django.urls import path

from .apis import InternshipSearchApi

urlpatterns = [path("internships/", InternshipSearchApi.as_view(), name="internships")]
