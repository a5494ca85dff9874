from django.apps import AppConfig


class AciConfig(AppConfig):
    name = "aci"
    verbose_name = "Contrat ACI"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tenants.public_copies import PublicCopy, public_copy_register

        from .copy import aci_copies_drift, aci_copies_rebuild, aci_copies_withdraw

        public_copy_register(
            PublicCopy(
                "aci years", rebuild=aci_copies_rebuild, withdraw=aci_copies_withdraw, drift=aci_copies_drift
            )
        )
