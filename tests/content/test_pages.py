"""The page tree a CPTS can build, what its pages show, and their API."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageViewRestriction

from content.models import HomePage, ProfessionCount
from content.models.pages import (
    ContactFormField,
    ContactPage,
    EventIndexPage,
    EventPage,
    MissionPage,
    NewsArticlePage,
    NewsIndexPage,
    StandardPage,
)
from content.services import page_publish, territory_add_communes
from network.models import Commune
from tests.conftest import login


def test_tree_rules_keep_the_site_sensible(alpha):
    with alpha.context():
        home = HomePage.objects.get()
        assert NewsArticlePage not in HomePage.allowed_subpage_models()
        assert set(NewsIndexPage.allowed_subpage_models()) == {NewsArticlePage}
        assert not HomePage.can_create_at(home)  # one home page per site
        with pytest.raises(ValidationError, match="ne peut pas être placée"):
            page_publish(parent=home, page=NewsArticlePage(title="Perdu", date=datetime.date(2026, 1, 1)))


def test_home_page_key_figures_come_from_data(alpha, alpha_client):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463", "57480"])
        ProfessionCount.objects.create(
            kind="members", profession="nurse", count=40, as_of=datetime.date(2026, 1, 1)
        )
        ProfessionCount.objects.create(
            kind="members", profession="pharmacist", count=12, as_of=datetime.date(2026, 1, 1)
        )
        ProfessionCount.objects.create(
            kind="supply", profession="nurse", count=300, as_of=datetime.date(2026, 1, 1)
        )
    connection.set_schema_to_public()
    population = sum(Commune.objects.filter(code__in=["57463", "57480"]).values_list("population", flat=True))
    data = alpha_client.get("/api/v2/pages/", {"type": "content.HomePage", "fields": "key_figures"}).json()
    figures = data["items"][0]["key_figures"]
    assert figures == {"communes": 2, "inhabitants": population, "tier": 3, "member_professionals": 52}
    page = alpha_client.get("/").content.decode()
    assert "52" in page and "communes" in page


def test_event_ending_before_it_starts_is_refused_in_french_by_the_admin(alpha, alpha_client):
    with alpha.context():
        agenda = page_publish(parent=HomePage.objects.get(), page=EventIndexPage(title="Agenda"))
    login(alpha_client, alpha)
    response = alpha_client.post(
        f"/admin/pages/add/content/eventpage/{agenda.pk}/",
        {
            "title": "Formation",
            "slug": "formation",
            "start": "2026-12-10 18:00",
            "end": "2026-12-10 17:00",
            "place": "Metz",
            "registration_url": "",
            "body-count": "0",
        },
    )
    assert response.status_code == 200
    assert "L&#x27;événement finit avant de commencer." in response.content.decode()
    with alpha.context():
        assert not EventPage.objects.exists()


def test_one_page_per_mission(alpha):
    with alpha.context():
        home = HomePage.objects.get()
        page_publish(parent=home, page=MissionPage(title="Prévention", mission="prevention"))
        with pytest.raises(ValidationError, match="déjà sa page"):
            page_publish(parent=home, page=MissionPage(title="Prévention bis", mission="prevention"))


def test_contact_submissions_stay_in_the_cpts_schema(alpha, beta, alpha_client):
    with alpha.context():
        contact = ContactPage(title="Contact", slug="contact")
        contact.form_fields = [
            ContactFormField(label="Nom", field_type="singleline", required=True),
            ContactFormField(label="Message", field_type="multiline", required=True),
        ]
        page_publish(parent=HomePage.objects.get(), page=contact)
    response = alpha_client.post("/contact/", {"nom": "Dr Martin", "message": "Bonjour"})
    assert response.status_code == 200
    with alpha.context():
        assert FormSubmission.objects.count() == 1
    with beta.context():
        assert FormSubmission.objects.count() == 0


def test_pages_listing_costs_the_same_queries_for_3_or_12_articles(alpha, alpha_client):
    with alpha.context():
        news = page_publish(parent=HomePage.objects.get(), page=NewsIndexPage(title="Actualités"))

    def add(n):
        with alpha.context():
            for i in range(n):
                page_publish(
                    parent=news,
                    page=NewsArticlePage(
                        title=f"Article {NewsArticlePage.objects.count()} {i}",
                        date=timezone.localdate(),
                        introduction="…",
                    ),
                )
        connection.set_schema_to_public()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = alpha_client.get(
                "/api/v2/pages/", {"type": "content.NewsArticlePage", "fields": "date,introduction,body"}
            )
            assert response.status_code == 200
        return len(queries)

    add(3)
    few = count()
    add(9)
    assert count() == few


def test_standard_page_body_blocks_decide_their_api_output(alpha, alpha_client):
    with alpha.context():
        page_publish(
            parent=HomePage.objects.get(),
            page=StandardPage(
                title="Nous rejoindre",
                body=[
                    {"type": "paragraph", "value": "<p>Bienvenue</p>"},
                    {
                        "type": "call_to_action",
                        "value": {"text": "Adhérer", "page": None, "url": "https://example.org/adherer"},
                    },
                    {
                        "type": "faq",
                        "value": [{"question": "Qui ?", "answer": "<p>Tous les professionnels.</p>"}],
                    },
                ],
            ),
        )
    item = alpha_client.get("/api/v2/pages/", {"type": "content.StandardPage", "fields": "body"}).json()[
        "items"
    ][0]
    kinds = {block["type"]: block["value"] for block in item["body"]}
    assert kinds["call_to_action"] == {"text": "Adhérer", "url": "https://example.org/adherer"}
    assert kinds["faq"][0]["question"] == "Qui ?"


def test_call_to_action_needs_exactly_one_target():
    from content.blocks import CallToActionBlock

    block = CallToActionBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Go", "page": None, "url": ""}))


def test_public_pages_speak_french_whatever_the_browser_asks(alpha, alpha_client):
    """A French site reads French to an English browser: dates, numbers, labels."""
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463", "57480"])
        agenda = page_publish(parent=HomePage.objects.get(), page=EventIndexPage(title="Agenda"))
        page_publish(
            parent=agenda,
            page=EventPage(
                title="Soirée de formation",
                start=timezone.make_aware(datetime.datetime(2026, 6, 20, 19, 30)),
                end=timezone.make_aware(datetime.datetime(2026, 6, 20, 21, 30)),
                place="Metz",
            ),
        )
    connection.set_schema_to_public()
    population = sum(Commune.objects.filter(code__in=["57463", "57480"]).values_list("population", flat=True))
    english = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
    home = alpha_client.get("/", **english)
    text = home.content.decode()
    assert '<html lang="fr">' in text
    assert f"{population:,}".replace(",", "\u202f") in text or f"{population:,}".replace(",", "\xa0") in text
    assert f"{population:,}" not in text
    event = alpha_client.get("/agenda/soiree-de-formation/", **english).content.decode()
    assert "20 juin 2026" in event and "June" not in event


def test_the_admin_follows_the_editors_own_language(alpha, alpha_client):
    from wagtail.users.models import UserProfile

    login(alpha_client, alpha)
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    assert 'lang="fr"' in alpha_client.get("/admin/", **english).content.decode()
    with alpha.context():
        profile = UserProfile.get_for_user(get_user_model().objects.get(email=alpha.coordinator_email))
        profile.preferred_language = "en"
        profile.save()
    assert 'lang="en"' in alpha_client.get("/admin/").content.decode()


def test_a_listing_reads_the_view_restrictions_once_and_still_hides_a_private_section(alpha, alpha_client):
    with alpha.context():
        home = HomePage.objects.get()
        private = page_publish(parent=home, page=NewsIndexPage(title="Espace réservé"))
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="bureau")
    connection.set_schema_to_public()

    with CaptureQueriesContext(connection) as queries:
        response = alpha_client.get("/api/v2/pages/", {"type": "content.NewsIndexPage"})
    assert response.status_code == 200
    assert "Espace réservé" not in [item["title"] for item in response.json()["items"]]
    restrictions = [q for q in queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]]
    assert len(restrictions) == 1
    assert alpha_client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
