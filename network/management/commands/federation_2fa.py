"""Give a federation account its second factor, or show where it stands."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from network.second_factor import second_factor_enrol, second_factor_status


class Command(BaseCommand):
    help = (
        "Active la double authentification d'un compte de la fédération : une clé pour une "
        "application d'authentification et dix codes de secours (les anciens cessent de fonctionner)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Identifiant du compte de la fédération.")
        parser.add_argument(
            "--status", action="store_true", help="Affiche la clé et les codes restants, sans rien changer."
        )

    def handle(self, *args, username, status, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Aucun compte « {username} » dans la fédération.")
        factor = second_factor_status(user=user) if status else second_factor_enrol(user=user)
        if factor is None:
            raise CommandError(
                f"« {username} » n'a pas de double authentification : lancez la commande sans --status."
            )
        self.stdout.write(
            "\n".join(
                [
                    f"Double authentification de « {factor.username} » :",
                    f"  clé (à saisir dans l'application)  {factor.secret}",
                    f"  adresse (QR code)                  {factor.uri}",
                    "  codes de secours (usage unique)    " + " ".join(factor.recovery_codes),
                ]
            )
        )
