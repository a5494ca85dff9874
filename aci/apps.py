from django.apps import AppConfig


class AciConfig(AppConfig):
    name = "aci"
    verbose_name = "Contrat ACI"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tenants.public_copies import PublicCopy, public_copy_register

        from .copy import aci_copies_drift, aci_copies_rebuild, aci_copies_withdraw
        from .sharing import shared_values_drift, shared_values_rebuild, shared_values_withdraw

        public_copy_register(
            PublicCopy(
                "aci years", rebuild=aci_copies_rebuild, withdraw=aci_copies_withdraw, drift=aci_copies_drift
            )
        )
        public_copy_register(
            PublicCopy(
                "shared indicators",
                rebuild=shared_values_rebuild,
                withdraw=shared_values_withdraw,
                drift=shared_values_drift,
            )
        )
