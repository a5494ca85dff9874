"""The network agenda and news: every CPTS's published events and news in one listing, and as iCalendar."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from content.models import HomePage
from content.models.pages import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from content.services import page_publish
from syndication.models import NetworkPost
from tests.conftest import login


def in_days(days: int, hour: int = 18) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone())


def publish_event(tenant, **fields) -> EventPage:
    base = {
        "title": "Soirée pluriprofessionnelle : parcours insuffisance cardiaque",
        "start": in_days(10),
        "end": in_days(10, 21),
        "place": "Salle des fêtes (exemple fictif)",
        "theme": "care_pathways",
        "body": [
            {"type": "paragraph", "value": '<p>Inscription <a href="https://example.org/i">ici</a>.</p>'}
        ],
    }
    with tenant.context():
        index = EventIndexPage.objects.first() or page_publish(
            parent=HomePage.objects.get(), page=EventIndexPage(title="Agenda")
        )
        page = page_publish(parent=index, page=EventPage(**{**base, **fields}))
    connection.set_schema_to_public()
    return page


def publish_news(tenant, **fields) -> NewsArticlePage:
    base = {"title": "Nouvelle permanence de soins non programmés", "date": timezone.localdate(), "theme": ""}
    with tenant.context():
        index = NewsIndexPage.objects.first() or page_publish(
            parent=HomePage.objects.get(), page=NewsIndexPage(title="Actualités")
        )
        page = page_publish(parent=index, page=NewsArticlePage(introduction="Chapô.", **{**base, **fields}))
    connection.set_schema_to_public()
    return page


def test_an_event_published_by_a_cpts_is_in_the_network_agenda_page_api_and_feed(
    alpha, beta, federation_client
):
    event = publish_event(alpha)
    publish_event(
        beta, title="Journée prévention chutes", theme="prevention", start=in_days(20), end=in_days(20, 20)
    )

    api = federation_client.get("/api/network/agenda/").json()
    titles = [item["title"] for item in api["results"]]
    assert titles == [
        "Soirée pluriprofessionnelle : parcours insuffisance cardiaque",
        "Journée prévention chutes",
    ]
    first = api["results"][0]
    assert first["source"] == "alpha" and first["department"] == "57" and first["theme"] == "care_pathways"
    assert first["url"].startswith(f"http://{alpha.host}") and first["url"].endswith(f"/{event.slug}/")
    # Filters: department, theme, dates.
    assert [
        i["title"] for i in federation_client.get("/api/network/agenda/?department=54").json()["results"]
    ] == ["Journée prévention chutes"]
    assert federation_client.get("/api/network/agenda/?theme=prevention").json()["count"] == 1
    late = (timezone.localdate() + datetime.timedelta(days=15)).isoformat()
    assert federation_client.get(f"/api/network/agenda/?start={late}").json()["count"] == 1

    page = federation_client.get("/agenda/?region=44")
    assert page.status_code == 200
    assert "Soirée pluriprofessionnelle" in page.content.decode() and "CPTS Alpha" in page.content.decode()

    feed = federation_client.get("/agenda.ics?department=57")
    assert feed["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        "Soirée pluriprofessionnelle : parcours insuffisance cardiaque"
    ]
    assert str(events[0]["uid"]) == f"{alpha.schema_name}-{event.pk}@cpts-network"
    assert events[0].decoded("dtstart") == event.start
    # The feed is written once per change of the agenda: a new event is in the next one.
    publish_event(alpha, title="Deuxième soirée", start=in_days(12), end=in_days(12, 21))
    again = Calendar.from_ical(federation_client.get("/agenda.ics?department=57").content)
    assert len(again.walk("VEVENT")) == 2


def test_unpublished_private_and_ended_events_leave_the_agenda(alpha, federation_client):
    kept = publish_event(alpha, title="Gardée")
    gone = publish_event(alpha, title="Dépubliée")
    private = publish_event(alpha, title="Réservée aux adhérents")
    publish_event(alpha, title="Passée", start=in_days(-3), end=in_days(-3, 20))
    with alpha.context():
        EventPage.objects.get(pk=gone.pk).unpublish()
        PageViewRestriction.objects.create(
            page=EventPage.objects.get(pk=private.pk), restriction_type="login"
        )
    connection.set_schema_to_public()
    titles = [i["title"] for i in federation_client.get("/api/network/agenda/").json()["results"]]
    assert titles == ["Gardée"]
    assert NetworkPost.objects.filter(cpts=alpha.cpts, page_id=kept.pk).exists()
    # The ended one is still a post (the news of what happened), only the agenda leaves it out.
    assert NetworkPost.objects.filter(cpts=alpha.cpts, title="Passée").exists()


def test_news_are_listed_newest_first_and_filtered(alpha, beta, federation_client):
    publish_news(alpha, title="Ancienne", date=timezone.localdate() - datetime.timedelta(days=5))
    publish_news(beta, title="Récente", theme="access_to_care")
    api = federation_client.get("/api/network/news/").json()
    assert [i["title"] for i in api["results"]] == ["Récente", "Ancienne"]
    assert api["results"][0]["summary"] == "Chapô."
    assert federation_client.get("/api/network/news/?theme=access_to_care").json()["count"] == 1
    assert federation_client.get("/api/network/news/?cpts=alpha").json()["results"][0]["title"] == "Ancienne"
    assert "Récente" in federation_client.get("/actualites/").content.decode()


def test_bad_filters_get_a_clear_answer(federation_client):
    api = federation_client.get("/api/network/agenda/?department=999&start=demain")
    assert api.status_code == 400
    body = api.json()
    assert "department" in str(body) and "start" in str(body)
    page = federation_client.get("/agenda/?department=999")
    assert page.status_code == 400 and "Département inconnu" in page.content.decode()
    feed = federation_client.get("/agenda.ics?theme=inconnu")
    assert feed.status_code == 400 and "Paramètres refusés" in feed.content.decode()
    assert federation_client.get("/api/network/agenda/?start=2026-05-02&end=2026-05-01").status_code == 400


def test_a_cpts_feed_has_its_own_events_only(alpha, beta, alpha_client):
    publish_event(alpha, title="Chez Alpha")
    publish_event(beta, title="Chez Beta")
    feed = alpha_client.get("/agenda.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(feed.content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Chez Alpha"]
    assert "CPTS Alpha" in str(calendar["x-wr-calname"])


def test_the_federation_writes_its_own_post_cleaned_and_it_is_listed(federation_staff_client):
    response = federation_staff_client.post(
        "/admin/syndication/networkpost/add/",
        {
            "kind": "event",
            "title": "Webinaire régional : réponse aux crises sanitaires (exemple fictif)",
            "published_by": "La fédération",
            "theme": "health_crises",
            "region_code": "44",
            "department_code": "",
            "date": "",
            "start_0": in_days(5).strftime("%d/%m/%Y"),
            "start_1": "18:00",
            "end_0": in_days(5).strftime("%d/%m/%Y"),
            "end_1": "20:00",
            "place": "En ligne",
            "registration_url": "",
            "summary": "Retour d'expérience.",
            "body": '<p onclick="x()">Texte <script>alert(1)</script>'
            '<a href="javascript:alert(1)">lien</a></p>',
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    post = NetworkPost.objects.get(cpts__isnull=True)
    assert "script" not in post.body and "onclick" not in post.body and "javascript" not in post.body
    assert post.url.endswith(f"/reseau/{post.pk}/") and post.date == in_days(5).date()
    shown = federation_staff_client.get(f"/reseau/{post.pk}/")
    assert shown.status_code == 200 and "Webinaire régional" in shown.content.decode()
    listed = federation_staff_client.get("/api/network/agenda/?cpts=federation").json()["results"]
    assert [i["source"] for i in listed] == ["federation"]
    from tenants.models import AuditEntry

    assert AuditEntry.objects.filter(action="network_post.saved").exists()


def test_a_post_drift_is_found_and_repaired(alpha):
    event = publish_event(alpha)
    NetworkPost.objects.filter(cpts=alpha.cpts, page_id=event.pk).delete()
    with pytest.raises(CommandError, match="écart"):
        call_command("check_public_copies", "--cpts", "alpha")
    call_command("check_public_copies", "--cpts", "alpha", "--fix")
    assert NetworkPost.objects.filter(cpts=alpha.cpts, page_id=event.pk).exists()


def test_the_network_screen_of_a_cpts_admin_opens(alpha, alpha_client):
    login(alpha_client, alpha)
    response = alpha_client.get("/admin/network/")
    assert response.status_code == 200
    assert "Suivre une source" in response.content.decode()


def test_a_post_body_travels_with_absolute_links_and_without_rows_of_its_schema(alpha):
    with alpha.context():
        home = HomePage.objects.get()
    connection.set_schema_to_public()
    news = publish_news(
        alpha,
        title="Lien interne",
        body=[
            {
                "type": "paragraph",
                "value": f'<p>Voir <a linktype="page" id="{home.pk}">notre accueil</a> et '
                '<a href="/contact/">le contact</a>.</p>',
            },
            {"type": "quote", "value": {"quote": "Une citation.", "attribution": "Exemple fictif"}},
        ],
    )
    body = NetworkPost.objects.get(cpts=alpha.cpts, page_id=news.pk).body
    assert f'href="http://{alpha.host}/"' in body and f'href="http://{alpha.host}/contact/"' in body
    assert "linktype" not in body and "Une citation." in body
