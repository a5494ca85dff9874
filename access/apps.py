from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = _("Accès aux soins")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tenants.public_copies import PublicCopy, public_copy_register

        from .adhesion_pages import (
            adhesion_page_copy_drift,
            adhesion_page_copy_refresh,
            adhesion_page_copy_withdraw,
            connect,
        )

        connect()
        public_copy_register(
            PublicCopy(
                "adhesion pages",
                rebuild=adhesion_page_copy_refresh,
                withdraw=adhesion_page_copy_withdraw,
                drift=adhesion_page_copy_drift,
            )
        )
