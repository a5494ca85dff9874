from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche de stages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tenants.public_copies import PublicCopy, public_copy_register

        from . import signals
        from .offer_pages import internship_listings_drift, internship_listings_rebuild
        from .services import listings_withdraw_cpts

        signals.connect()
        public_copy_register(
            PublicCopy(
                "internship listings",
                rebuild=internship_listings_rebuild,
                withdraw=lambda cpts: listings_withdraw_cpts(cpts=cpts),
                drift=internship_listings_drift,
            )
        )
