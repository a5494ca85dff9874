"""The members' fixtures: a CPTS with an Adhésion and a Directory page, and a valid application."""

import pytest
from django.db import connection

from content.models import HomePage
from content.services import page_publish, territory_add_communes
from members.identifiers import luhn_valid
from members.models import AdhesionPage, DirectoryPage


def with_key(digits: str) -> str:
    """``digits`` followed by the Luhn key that makes the whole number valid (an invented number)."""
    return next(digits + str(key) for key in range(10) if luhn_valid(digits + str(key)))


RPPS = with_key("1000012345")


@pytest.fixture
def site(alpha):
    from django.core.cache import cache

    cache.clear()  # the form's rate limits, shared with the contact form
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463", "57480"])
        home = HomePage.objects.get()
        adhesion = page_publish(
            parent=home,
            page=AdhesionPage(
                title="Adhérer",
                statutes_version="statuts du 1er mars 2026",
                fee_amount=20,
                board_email="bureau@alpha.test",
            ),
        )
        directory = page_publish(parent=home, page=DirectoryPage(title="Annuaire"))
        urls = {"adhesion": adhesion.url, "directory": directory.url}
    connection.set_schema_to_public()
    return urls


def application(**fields) -> dict:
    return {
        "kind": "professional",
        "name": "Camille Exemple (fictif)",
        "profession": "physiotherapist",
        "structure": "Cabinet des Arènes",
        "rpps": RPPS,
        "address": "1 rue d'Exemple",
        "commune": "Montigny-lès-Metz",
        "email": "camille@exemple.test",
        "statutes": "on",
        "directory_consent": "on",
        "directory_contact": "03 00 00 00 00",
        **fields,
    }


def apply(client, site, django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(site["adhesion"], application(**fields))
