from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionConfig(AppConfig):
    name = "prevention"
    verbose_name = _("Prévention")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tenants.public_copies import PublicCopy, public_copy_register

        from . import signals
        from .services import campaign_copies_drift, campaign_copies_rebuild, campaign_copies_withdraw

        signals.connect()
        # Campaign pages show the federation's themes (tenants.schema_versions).
        from network.prevention import PreventionTheme
        from tenants.schema_versions import site_public_reads_register

        site_public_reads_register(PreventionTheme)
        public_copy_register(
            PublicCopy(
                "campaign copies",
                rebuild=campaign_copies_rebuild,
                withdraw=campaign_copies_withdraw,
                drift=campaign_copies_drift,
            )
        )
