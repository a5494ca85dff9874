from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Site de la CPTS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from axes.signals import user_locked_out
        from django_tenants.signals import post_schema_sync

        from network.coverage import coverage_counts_drift, coverage_rebuild
        from tenants.public_copies import PublicCopy, public_copy_register

        from . import admin_base_url, signals
        from .services.territory import (
            territory_claims_drift,
            territory_claims_rebuild,
            territory_claims_withdraw,
        )
        from .sign_in import record_lockout

        post_schema_sync.connect(signals.provision_site, dispatch_uid="content.provision_site")
        signals.connect_webhooks()
        public_copy_register(
            PublicCopy(
                "territory claims",
                rebuild=lambda cpts: territory_claims_rebuild(cpts=cpts),
                withdraw=territory_claims_withdraw,
                drift=territory_claims_drift,
                # Coverage counters follow from every CPTS's claims.
                totals_drift=lambda: ["compteurs de couverture en écart"] if coverage_counts_drift() else [],
                totals_rebuild=coverage_rebuild,
            )
        )
        # Public tables a CPTS site shows (tenants.schema_versions): the CPTS's
        # own row and domains, its communes and their units, the claims that
        # make overlaps, and the ACI funding grid its funding page applies.
        from network.funding import FundingGrid, FundingLine
        from network.models import Commune, CommuneUnit, TerritoryClaim
        from tenants.models import CPTS, Domain
        from tenants.schema_versions import site_public_reads_register

        site_public_reads_register(
            CPTS, Domain, Commune, CommuneUnit, TerritoryClaim, FundingGrid, FundingLine
        )
        user_locked_out.connect(record_lockout, dispatch_uid="content.record_lockout")
        admin_base_url.install()
