from django.urls import path

from .apis import CPTSDirectoryApi

app_name = "network"

urlpatterns = [
    path("cpts/", CPTSDirectoryApi.as_view(), name="cpts-directory"),
]
