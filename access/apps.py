from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = _("Accès aux soins")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tenants.public_copies import public_copy_register

        from .page_links import PAGE_LINKS

        for link in PAGE_LINKS:
            link.connect()
            public_copy_register(link.public_copy())
