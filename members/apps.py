from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Adhérents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from content.member_counts import member_counts_source_register
        from tenants.public_copies import PublicCopy, public_copy_register

        from .counts import member_counts_drift, member_counts_publish, member_counts_withdraw
        from .professional_copy import professionals_drift, professionals_publish, professionals_withdraw
        from .selectors import member_counts_by_profession

        member_counts_source_register(member_counts_by_profession)
        public_copy_register(
            PublicCopy(
                "member counts",
                rebuild=member_counts_publish,
                withdraw=member_counts_withdraw,
                drift=member_counts_drift,
            )
        )
        # « Trouver un professionnel » network-wide: the consenting members' public entries.
        public_copy_register(
            PublicCopy(
                "professionals",
                rebuild=professionals_publish,
                withdraw=professionals_withdraw,
                drift=professionals_drift,
            )
        )
