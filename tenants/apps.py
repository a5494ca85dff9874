from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("CPTS du réseau")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from corsheaders.signals import check_request_enabled

        from . import checks  # noqa: F401
        from .cors import allow_cpts_frontend

        check_request_enabled.connect(allow_cpts_frontend, dispatch_uid="tenants.cors")
