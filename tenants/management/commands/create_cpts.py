from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.models import Stage
from tenants.services import DatabaseUnavailableError, cpts_create, public_url


def one_line(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return " ; ".join(f"{field} : {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)


class Command(BaseCommand):
    help = "Crée une CPTS : son schéma, son site, son hôte et le compte de son coordinateur."

    def add_arguments(self, parser):
        parser.add_argument("short_name", help="nom court, utilisé dans l'hôte (ex. metz)")
        parser.add_argument("--name", required=True, help="nom complet de la CPTS")
        parser.add_argument("--region", required=True, help="code INSEE de la région")
        parser.add_argument("--department", required=True, help="code INSEE du département")
        parser.add_argument("--coordinator-email", required=True)
        parser.add_argument("--coordinator-password", default=None)
        parser.add_argument("--stage", default=Stage.IDEA, choices=Stage.values)
        parser.add_argument("--contact-email", default="")

    def handle(self, *args, **options):
        try:
            created = cpts_create(
                name=options["name"],
                short_name=options["short_name"],
                region_code=options["region"],
                department_code=options["department"],
                coordinator_email=options["coordinator_email"],
                coordinator_password=options["coordinator_password"],
                stage=options["stage"],
                contact_email=options["contact_email"],
            )
        except ValidationError as error:
            raise CommandError(one_line(error)) from error
        except DatabaseUnavailableError as error:
            raise CommandError(str(error)) from error
        cpts = created.cpts
        self.stdout.write(self.style.SUCCESS(f"CPTS « {cpts.name} » créée (schéma {cpts.schema_name})."))
        self.stdout.write(f"  site  : {public_url(cpts.primary_host)}")
        self.stdout.write(f"  admin : {public_url(cpts.primary_host, '/admin/')}")
        if created.password_setup_url:
            self.stdout.write(f"  mot de passe du coordinateur à choisir : {created.password_setup_url}")
