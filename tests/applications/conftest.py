"""An open offer at Alpha with « Candidater », and PDF files to send."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection

from content.models import HomePage, InternshipIndexPage, InternshipOfferPage
from content.services import page_publish, territory_add_communes
from tests.test_browser import browser  # noqa: F401 (Chromium, for test_apply_in_browser.py)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def future(days: int) -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=days)


@pytest.fixture(autouse=True)
def clean_limits(settings, tmp_path):
    caches["default"].clear()  # rate-limit counters live in the cache, not in the rolled-back database
    settings.APPLICATIONS_PRIVATE_ROOT = str(tmp_path / "private")
    yield
    caches["default"].clear()


def general_medicine_offer(**fields) -> InternshipOfferPage:
    """A general-medicine offer at a fictitious MSP whose contact is stages@msp.test; ``fields`` change it."""
    return InternshipOfferPage(
        **{
            "title": "Médecine générale en MSP",
            "slug": "mg-msp",
            "discipline": "general_medicine",
            "level": "intern",
            "host_structure": "msp",
            "host_name": "MSP des Coteaux",
            "commune_id": "57463",
            "supervisor_approved": True,
            "supervisor_role": "Médecin généraliste, maître de stage universitaire",
            "compensation": "Rémunération d'interne",
            "start_date": datetime.date(2027, 5, 1),
            "end_date": datetime.date(2027, 10, 31),
            "housing": True,
            "apply_email": "stages@msp.test",
            **fields,
        }
    )


def offers_index() -> tuple[InternshipIndexPage, bool]:
    """The CPTS's « Stages » section, published if it has none yet; and whether it was."""
    index = InternshipIndexPage.objects.first()
    if index is not None:
        return index, False
    return page_publish(
        parent=HomePage.objects.get(), page=InternshipIndexPage(title="Stages", slug="stages")
    ), True


@pytest.fixture
def offer(alpha):
    """A published general-medicine offer whose contact is stages@msp.test."""
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        page = page_publish(parent=offers_index()[0], page=general_medicine_offer())
        page.path_url = page.url  # read in the CPTS's schema: its site knows the path
    connection.set_schema_to_public()
    return page


def application_data(**fields) -> dict:
    return {
        "full_name": "Camille Exemple (fictif)",
        "email": "camille@etudiant.test",
        "training": "DES de médecine générale",
        "level": "intern",
        "message": "Je souhaite découvrir l'exercice coordonné.",
        "consent": "on",
        **fields,
    }
