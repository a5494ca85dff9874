"""The demo's team at each CPTS: a person per role, a page waiting for the bureau, a page due tomorrow.

Accounts are fictitious (``<role>@<cpts>.demo.cpts.test``) and their passwords
published in the README, like the coordinators'.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from content.models import HomePage, StandardPage
from content.services import paragraphs
from team.roles import BOARD, READING, WRITING

DEMO_ROLES = {WRITING: "redaction", BOARD: "bureau", READING: "lecture"}


def demo_team_accounts(short_name: str) -> list[tuple[str, str, str]]:
    """(role, e-mail, password) of the demo's team at ``short_name``."""
    return [
        (role, f"{slug}@{short_name}.demo.cpts.test", f"demo-{short_name}-{slug}-2026")
        for role, slug in DEMO_ROLES.items()
    ]


def demo_team_load(*, short_name: str) -> None:
    """A person per role, a draft the writer submitted to the bureau, and a page scheduled for tomorrow."""
    User = get_user_model()
    people = {}
    for role, email, password in demo_team_accounts(short_name):
        user = User.objects.filter(username=email).first() or User.objects.create_user(
            username=email, email=email, password=password, first_name=f"{role} (fictif)"
        )
        user.groups.add(Group.objects.get(name=role))
        people[role] = user
    home = HomePage.objects.get()
    writer = people[WRITING]
    waiting = home.add_child(
        instance=StandardPage(
            title="Permanence de soins non programmés : projet (exemple fictif)",
            introduction="Rédigé par la commission accès aux soins, soumis au bureau.",
            body=paragraphs("<p>Projet de texte, à valider par le bureau.</p>"),
            live=False,
            owner=writer,
        )
    )
    waiting.save_revision(user=writer)
    home.get_workflow().start(waiting, writer)
    scheduled = home.add_child(
        instance=StandardPage(
            title="Journée de prévention du 1er avril (exemple fictif)",
            introduction="Publication programmée pour demain.",
            body=paragraphs("<p>Programme de la journée, publié automatiquement demain.</p>"),
            live=False,
            owner=people[BOARD],
        )
    )
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    # Published with a go-live date ahead: Wagtail keeps it scheduled until then, and the periodic
    # jobs' publish_scheduled puts it online (cpts_network.periodic).
    scheduled.save_revision(user=people[BOARD]).publish(user=people[BOARD])
