"""The CPTS admin home says what to do, from data, to each role what concerns it."""

import datetime
import re

from django.db import connection

from content.models import HomePage, InternshipIndexPage, MissionIndicator
from content.services import page_publish, territory_add_communes
from members.models import Membership
from team.roles import BOARD, COORDINATION, WRITING
from tests.search.conftest import offer_page
from tests.team.test_roles import person, signed_in


def test_the_home_lists_what_is_due_and_the_board_sees_the_applications(alpha):
    today = datetime.date.today()
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        MissionIndicator.objects.create(
            mission="access_to_care", name="Patients sans médecin traitant orientés"
        )
        index = page_publish(parent=HomePage.objects.get(), page=InternshipIndexPage(title="Stages"))
        page_publish(
            parent=index,
            page=offer_page(
                title="Stage qui se termine bientôt",
                start_date=today - datetime.timedelta(days=60),
                end_date=today + datetime.timedelta(days=10),
            ),
        )
        Membership.objects.create(
            kind="professional",
            name="Camille Exemple (fictif)",
            profession="nurse",
            address="1 rue",
            commune_id="57463",
            email="camille@exemple.test",
            statutes_version="v1",
        )
    connection.set_schema_to_public()

    coordination = signed_in(alpha, person(alpha, COORDINATION)).get("/admin/").content.decode()
    assert "À faire — CPTS Alpha" in coordination
    # The dashboard's title is the CPTS's name, not the install's generic one.
    assert re.search(r'<h1 class="w-h1 w-mt-0">\s*CPTS Alpha\s*</h1>', coordination)
    assert f"Indicateurs ACI à renseigner pour {today.year}" in coordination
    assert "Patients sans médecin traitant orientés" in coordination
    assert "Stage qui se termine bientôt" in coordination
    assert "1 demande attend la décision du bureau." in coordination

    board = signed_in(alpha, person(alpha, BOARD)).get("/admin/").content.decode()
    assert "1 demande attend la décision du bureau." in board
    writer = signed_in(alpha, person(alpha, WRITING)).get("/admin/").content.decode()
    assert "À faire — CPTS Alpha" in writer and "Adhésions à décider" not in writer  # records are the board's
