"""Load the demo network: a federation account and three CPTS with their sites.

Idempotent: a CPTS that already exists is left as it is (with whatever was
edited since), so running ``make demo`` again creates no duplicates.
"""

import json
import logging
import time
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django_tenants.utils import schema_context
from wagtail.models import Site

from content.services import home_page_update, standard_page_publish, territory_add_communes
from content.services.pages import public_port
from cpts_network.demo.aci import demo_aci_load
from cpts_network.demo.identity import demo_identity_load
from cpts_network.demo.internships import demo_offer_details_load
from cpts_network.demo.members import demo_members_load
from cpts_network.demo.observatory import demo_observatory_load, demo_observatory_region_load
from cpts_network.demo.professionals import demo_professionals_load
from cpts_network.demo.region import demo_region_fill
from cpts_network.demo.sites import (
    demo_campaigns_load,
    demo_internships_load,
    demo_site_load,
    territory_report,
)
from cpts_network.demo.syndication import demo_federation_posts_load, demo_subscriptions_load
from cpts_network.demo.team import demo_team_accounts, demo_team_load
from cpts_network.demo.unscheduled_care import demo_unscheduled_care_load
from network.prevention import CampaignKit
from network.resolution import Status, resolve_communes
from network.second_factor import second_factor_enrol, second_factor_status
from tenants.models import CPTS
from tenants.services import cpts_create, cpts_update, public_url

# Fixture keys that fill the site, not the CPTS's record.
NOT_CPTS_FIELDS = {"introduction", "pages", "territory", "site", "territory_announced", "demo_notice"}
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "demo_network.json"


class Command(BaseCommand):
    help = "Charge le réseau de démonstration (fédération et trois CPTS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--region",
            default="44",
            help="Région remplie de CPTS fictives autour des CPTS de démonstration (44 : Grand Est).",
        )
        parser.add_argument("--no-region", action="store_true", help="Ne crée pas de CPTS fictives.")

    def handle(self, *args, region, no_region, **options):
        self._warn_if_made_for_another_port()
        data = json.loads(FIXTURE.read_text(encoding="utf-8"))
        admin = data["federation_admin"]
        User = get_user_model()
        federation = User.objects.filter(username=admin["username"]).first()
        if federation is None:
            federation = User.objects.create_superuser(admin["username"], admin["email"], admin["password"])
        if second_factor_status(user=federation) is None:
            second_factor_enrol(user=federation)

        for kit in data["kits"]:
            CampaignKit.objects.get_or_create(
                title=kit["title"],
                defaults={
                    **{k: v for k, v in kit.items() if k != "theme"},
                    "theme_id": kit["theme"],
                    "is_published": True,
                },
            )
        for entry in data["cpts"]:
            if CPTS.objects.filter(short_name=entry["short_name"]).exists():
                continue
            fields = {
                k: v
                for k, v in entry.items()
                if k
                not in {"introduction", "pages", "territory", "site", "territory_announced", "demo_notice"}
            }
            fields["aci_optional_missions"] = entry["site"]["optional_missions"]
            for key in [k for k in fields if k.endswith("_on")]:
                fields[key] = date.fromisoformat(fields[key])
            created = cpts_create(**fields)
            cpts_update(cpts=created.cpts, demo_notice=entry["demo_notice"])
            with schema_context(created.cpts.schema_name):
                home = home_page_update(introduction=entry["introduction"])
                for page in entry["pages"]:
                    standard_page_publish(parent=home, title=page["title"], body=page["body"])
                # The territory goes through the same resolver as a coordinator's import.
                lines = resolve_communes(entry["territory"], departments={entry["department_code"]})
                codes = [line.commune.code for line in lines if line.status == Status.RESOLVED]
                territory_add_communes(cpts=created.cpts, codes=codes)
                if "territory_announced" in entry:
                    standard_page_publish(
                        parent=home,
                        title="Territoire",
                        body=territory_report(
                            cpts=created.cpts, lines=lines, announced=entry["territory_announced"]
                        ),
                        territory_map=True,
                    )
                demo_campaigns_load(campaigns=entry["site"]["campaigns"])
                demo_site_load(
                    data=entry["site"], health_project_on=fields.get("health_project_validated_on")
                )
                demo_internships_load(offers=entry["site"].get("internships", []))
                demo_offer_details_load(short_name=entry["short_name"])
                demo_members_load(short_name=entry["short_name"])
                demo_professionals_load(short_name=entry["short_name"])
                demo_team_load(short_name=entry["short_name"])
                demo_identity_load(short_name=entry["short_name"])
                if entry["short_name"] == "metz":  # its places are Metz's (fictitious, marked so)
                    demo_unscheduled_care_load()
                demo_aci_load(short_name=entry["short_name"])
                demo_observatory_load(short_name=entry["short_name"])
            self.stdout.write(f"CPTS « {entry['name']} » créée.")

        posts = demo_federation_posts_load(posts=data["federation_posts"])
        taken = demo_subscriptions_load(subscriptions=data["subscriptions"])
        self.stdout.write(
            f"Réseau : {posts} publication(s) de la fédération, {taken} reprise(s) par les abonnés."
        )

        if not no_region:
            started = time.perf_counter()
            # A line per page Wagtail creates, for a hundred CPTS, would bury the access list.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
            fictitious = demo_region_fill(region_code=region)
            if fictitious:
                shared = demo_observatory_region_load(cpts_list=fictitious)
                self.stdout.write(
                    f"{len(fictitious)} CPTS fictives créées dans la région {region} "
                    f"en {time.perf_counter() - started:.0f} s ; {shared} partagent leurs indicateurs "
                    "2025 avec l'observatoire."
                )
        self._print_access(data)

    def _print_access(self, data):
        admin = data["federation_admin"]
        factor = second_factor_status(user=get_user_model().objects.get(username=admin["username"]))
        codes = " ".join(factor.recovery_codes[:3]) or "aucun restant (manage.py federation_2fa federation)"
        lines = [
            "",
            "Réseau de démonstration prêt :",
            f"  Fédération       {public_url('localhost')}",
            f"    admin          {public_url('localhost', '/admin/')}   "
            f"{admin['username']} / {admin['password']}",
            f"    2e facteur     clé {factor.secret} (application d'authentification)",
            f"                   ou un code de secours : {codes}",
            f"    API            {public_url('localhost', '/api/network/cpts/')}",
            f"    couverture     {public_url('localhost', '/api/network/coverage/departments/57/')}",
            f"    documentation  {public_url('localhost', '/api/network/docs/')}",
            f"    agenda         {public_url('localhost', '/agenda/')}   (iCalendar : /agenda.ics)",
            f"  Étudiants        {public_url('localhost', '/stages/')}",
            f"    API            {public_url('localhost', '/api/network/internships/?q=kine')}",
        ]
        for entry in data["cpts"]:
            cpts = CPTS.objects.filter(short_name=entry["short_name"]).first()
            if cpts is None or not cpts.primary_host:
                continue
            host = cpts.primary_host
            lines += [
                f"  {cpts.name}",
                f"    site           {public_url(host)}",
                f"    admin          {public_url(host, '/admin/')}   "
                f"{entry['coordinator_email']} / {entry['coordinator_password']}",
                *[
                    f"    {role.lower():<15}{email} / {password}"
                    for role, email, password in demo_team_accounts(entry["short_name"])
                ],
                f"    API            {public_url(host, '/api/v2/pages/')}",
                f"    territoire     {public_url(host, '/api/v2/territory/')}",
                f"    stages         {public_url(host, '/stages/')}",
            ]
        self.stdout.write("\n".join(lines))

    def _warn_if_made_for_another_port(self) -> None:
        # The sites and the network's copies keep the port the demo was made for (PUBLIC_PORT then).
        made = CPTS.objects.filter(short_name="metz").first()
        if made is None:
            return
        with schema_context(made.schema_name):
            site = Site.objects.filter(is_default_site=True).first()
        if site is not None and site.port != public_port():
            self.stderr.write(
                f"Le réseau de démonstration a été créé pour le port {site.port} : ses liens y mènent. "
                "Pour le servir sur un autre port, effacez-le (make clean-data) puis relancez "
                "make demo DEMO_ADDRESS=…"
            )
