"""A page made private leaves every listing of its site for visitors who have not passed its restriction.

The page itself answers with the sign-in form; its title and summary must not be read on the
home page, the news, the agenda, the « Stages » page or the prevention page either. A member
who passed the restriction still finds it where it is listed.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction

from content.models import HomePage, InternshipIndexPage, InternshipOfferPage
from content.models.pages import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from content.services import page_publish, territory_add_communes
from prevention.models import CampaignIndexPage, CampaignPage
from tests.conftest import login

pytestmark = pytest.mark.django_db(transaction=False)

SOON = timezone.now() + datetime.timedelta(days=10)
NEXT_YEAR = datetime.date.today() + datetime.timedelta(days=365)


def offer(title: str, slug: str) -> InternshipOfferPage:
    return InternshipOfferPage(
        title=title,
        slug=slug,
        discipline="general_medicine",
        level="intern",
        host_structure="msp",
        host_name="MSP des Coteaux (fictive)",
        commune_id="57463",
        start_date=NEXT_YEAR,
        end_date=NEXT_YEAR + datetime.timedelta(days=180),
        apply_email="stages@msp.test",
    )


def campaign(title: str, slug: str) -> CampaignPage:
    return CampaignPage(
        title=title,
        slug=slug,
        theme_id="colorectal_screening",
        summary="Tests remis en pharmacie.",
        start=datetime.date.today(),
        end=NEXT_YEAR,
        status="running",
    )


def event(title: str, slug: str) -> EventPage:
    return EventPage(title=title, slug=slug, start=SOON, end=SOON + datetime.timedelta(hours=2), place="Metz")


@pytest.fixture
def site_with_private_pages(alpha):
    """One public and one login-only page in each listed section of Alpha's site."""
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        home = HomePage.objects.get()
        sections = [
            (NewsIndexPage(title="Actualités", slug="actualites"), NewsArticlePage, {"date": SOON.date()}),
            (EventIndexPage(title="Agenda", slug="agenda"), None, {}),
            (InternshipIndexPage(title="Stages", slug="stages"), None, {}),
            (CampaignIndexPage(title="Prévention", slug="prevention"), None, {}),
        ]
        for index, model, fields in sections:
            index = page_publish(parent=home, page=index)
            for visibility in ("ouverte", "réservée"):
                title = f"{index.title} {visibility}"
                slug = f"{index.slug}-{'public' if visibility == 'ouverte' else 'prive'}"
                if isinstance(index, NewsIndexPage):
                    page = model(title=title, slug=slug, **fields)
                elif isinstance(index, EventIndexPage):
                    page = event(title, slug)
                elif isinstance(index, InternshipIndexPage):
                    page = offer(title, slug)
                else:
                    page = campaign(title, slug)
                page = page_publish(parent=index, page=page)
                if visibility == "réservée":
                    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    connection.set_schema_to_public()


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/", "Actualités"),
        ("/", "Agenda"),
        ("/actualites/", "Actualités"),
        ("/agenda/", "Agenda"),
        ("/stages/", "Stages"),
        ("/prevention/", "Prévention"),
    ],
)
def test_a_private_page_is_listed_to_nobody_who_cannot_open_it(
    site_with_private_pages, alpha, alpha_client, path, section
):
    anonymous = alpha_client.get(path)
    assert anonymous.status_code == 200
    assert f"{section} ouverte" in anonymous.content.decode()
    assert f"{section} réservée" not in anonymous.content.decode()

    login(alpha_client, alpha)
    member = alpha_client.get(path)
    assert f"{section} ouverte" in member.content.decode()
    assert f"{section} réservée" in member.content.decode()


def test_a_private_page_opens_to_a_member_only(site_with_private_pages, alpha, alpha_client):
    assert alpha_client.get("/actualites/actualites-prive/").status_code == 302
    login(alpha_client, alpha)
    assert alpha_client.get("/actualites/actualites-prive/").status_code == 200
