from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = _("Actualités et agenda du réseau")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tenants.public_copies import PublicCopy, public_copy_register

        from . import signals
        from .post_pages import network_posts_drift, network_posts_rebuild
        from .services import network_posts_withdraw_cpts

        signals.connect()
        public_copy_register(
            PublicCopy(
                "network posts",
                rebuild=network_posts_rebuild,
                withdraw=network_posts_withdraw_cpts,
                drift=network_posts_drift,
            )
        )
