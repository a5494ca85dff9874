from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Réseau et fédération")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A stage change moves the coverage counters of every definition (network.coverage).
        from . import signals  # noqa: F401
