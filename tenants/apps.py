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

        from . import account_journal

        account_journal.connect()

        from django.db.models.signals import post_delete, post_save, pre_delete

        from .models import CPTS, Domain
        from .routing import forget_cpts, forget_domain

        post_save.connect(forget_domain, sender=Domain, dispatch_uid="tenants.route.domain_saved")
        post_delete.connect(forget_domain, sender=Domain, dispatch_uid="tenants.route.domain_deleted")
        post_save.connect(forget_cpts, sender=CPTS, dispatch_uid="tenants.route.cpts_saved")
        pre_delete.connect(forget_cpts, sender=CPTS, dispatch_uid="tenants.route.cpts_deleted")
