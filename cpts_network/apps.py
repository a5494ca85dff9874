from django.apps import AppConfig


class CPTSNetworkConfig(AppConfig):
    name = "cpts_network"
    verbose_name = "Réseau des CPTS"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the integration checks
