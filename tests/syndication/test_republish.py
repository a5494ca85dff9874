"""Subscriptions: a CPTS takes others' posts onto its site; they follow their source until edited."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client

from content.models.pages import EventPage, NewsArticlePage
from syndication.models import NetworkPost, Republication, Subscription
from tests.conftest import login
from tests.syndication.test_network_agenda import in_days, publish_event, publish_news


def subscribe(client: Client, tenant, **fields) -> None:
    login(client, tenant)
    response = client.post("/admin/network/subscriptions/", fields)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_automatic_subscription_republishes_follows_then_lets_go_once_edited(alpha, beta, beta_client):
    event = publish_event(alpha, title="Formation AVK (exemple fictif)")
    subscribe(beta_client, beta, source="cpts", source_cpts=alpha.cpts.pk, automatic="on")

    with beta.context():
        copy = EventPage.objects.get(title="Formation AVK (exemple fictif)")
        assert (
            copy.live
            and copy.source_name == "CPTS Alpha"
            and copy.source_url.startswith(f"http://{alpha.host}")
        )
        assert copy.start == event.start
        path = copy.relative_url(copy.get_site())
    connection.set_schema_to_public()
    # Shown on the subscriber's site, naming its origin; not copied back into the network.
    shown = beta_client.get(path)
    assert shown.status_code == 200 and "Publié d'abord par" in shown.content.decode()
    assert not NetworkPost.objects.filter(cpts=beta.cpts).exists()
    assert NetworkPost.objects.filter(cpts=alpha.cpts, page_id=event.pk).count() == 1

    # An edit at the source follows, at the next sync.
    with alpha.context():
        source = EventPage.objects.get(pk=event.pk)
        source.title, source.place = "Formation AVK, nouvelle date", "Maison de santé (exemple fictif)"
        source.save_revision().publish()
    connection.set_schema_to_public()
    call_command("sync_network_posts")
    with beta.context():
        copy = EventPage.objects.get(pk=copy.pk)
        assert (copy.title, copy.place) == (
            "Formation AVK, nouvelle date",
            "Maison de santé (exemple fictif)",
        )
        # The subscriber edits it: it is its own now.
        copy.title = "Formation AVK : notre version"
        coordinator = get_user_model().objects.get(email=beta.coordinator_email)
        copy.save_revision(user=coordinator).publish(user=coordinator)
    connection.set_schema_to_public()
    with alpha.context():
        source = EventPage.objects.get(pk=event.pk)
        source.title = "Formation AVK, troisième version"
        source.save_revision().publish()
    connection.set_schema_to_public()
    call_command("sync_network_posts")
    with beta.context():
        assert EventPage.objects.get(pk=copy.pk).title == "Formation AVK : notre version"
    connection.set_schema_to_public()
    assert Republication.objects.get(subscriber=beta.cpts).detached_at is not None


def test_a_post_withdrawn_at_its_source_is_taken_down_at_the_subscriber(alpha, beta, beta_client):
    news = publish_news(alpha, title="Campagne de vaccination")
    subscribe(beta_client, beta, source="cpts", source_cpts=alpha.cpts.pk, automatic="on")
    with alpha.context():
        NewsArticlePage.objects.get(pk=news.pk).unpublish()
    connection.set_schema_to_public()
    call_command("sync_network_posts", "--cpts", "beta")
    with beta.context():
        assert not NewsArticlePage.objects.get(title="Campagne de vaccination").live


def test_a_post_made_private_at_its_source_leaves_the_subscriber_s_site_at_once(
    alpha, beta, beta_client, django_capture_on_commit_callbacks
):
    """No wait for the periodic sync: a page its author withdrew is nowhere public (the task, on commit)."""
    from wagtail.models import PageViewRestriction

    event = publish_event(alpha, title="Soirée réservée (exemple fictif)")
    subscribe(beta_client, beta, source="cpts", source_cpts=alpha.cpts.pk, automatic="on")
    with beta.context():
        copy = EventPage.objects.get(title="Soirée réservée (exemple fictif)")
        path = copy.relative_url(copy.get_site())
    connection.set_schema_to_public()
    assert beta_client.get(path).status_code == 200

    with alpha.context(), django_capture_on_commit_callbacks(execute=True):
        source = EventPage.objects.get(pk=event.pk)
        PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    connection.set_schema_to_public()
    assert not NetworkPost.objects.filter(cpts=alpha.cpts, page_id=event.pk).exists()
    assert beta_client.get(path).status_code == 404
    assert Republication.objects.get(subscriber=beta.cpts).detached_at is not None


def test_a_chosen_subscription_offers_each_post_and_takes_it_on_request(alpha, beta, beta_client):
    publish_event(alpha, title="Réunion parcours diabète", theme="care_pathways")
    publish_event(alpha, title="Réunion sans thème", theme="")
    subscribe(beta_client, beta, source="theme", theme="care_pathways")
    with beta.context():
        assert not EventPage.objects.exists()  # offered, not taken
    connection.set_schema_to_public()
    screen = beta_client.get("/admin/network/").content.decode()
    assert "Réunion parcours diabète" in screen and "Réunion sans thème" not in screen

    offered = NetworkPost.objects.get(title="Réunion parcours diabète")
    other = NetworkPost.objects.get(title="Réunion sans thème")
    # A post of a source not followed cannot be taken by guessing its number.
    assert beta_client.post(f"/admin/network/posts/{other.pk}/republish/").status_code == 404
    assert beta_client.post(f"/admin/network/posts/{offered.pk}/republish/").status_code == 302
    assert beta_client.post(f"/admin/network/posts/{offered.pk}/republish/").status_code == 404  # taken once
    with beta.context():
        assert list(EventPage.objects.values_list("title", flat=True)) == ["Réunion parcours diabète"]


def test_a_federation_subscription_takes_the_federation_posts_only(alpha, beta, beta_client):
    federation_post = NetworkPost.objects.create(
        kind="event",
        title="Assemblée régionale (exemple fictif)",
        published_by="La fédération",
        date=in_days(3).date(),
        start=in_days(3),
        end=in_days(3, 20),
        body="<p>Ordre du jour.</p>",
        url="http://localhost/reseau/1/",
        first_published_at=in_days(-1),
        last_published_at=in_days(-1),
    )
    publish_event(alpha, title="Événement d'Alpha")
    subscribe(beta_client, beta, source="federation", automatic="on")
    with beta.context():
        page = EventPage.objects.get()
        assert page.title == federation_post.title and page.source_name == "La fédération"
        assert "Ordre du jour." in str(page.body)
    connection.set_schema_to_public()
    # The federation edits its post (its admin moves the version forward): the page follows.
    federation_post.title = "Assemblée régionale, salle changée (exemple fictif)"
    federation_post.last_published_at = in_days(0)
    federation_post.save()
    call_command("sync_network_posts", "--cpts", "beta")
    with beta.context():
        assert EventPage.objects.get(pk=page.pk).title == federation_post.title


def test_bad_subscription_input_is_refused_in_french_and_nothing_saved(beta, beta_client):
    login(beta_client, beta)
    response = beta_client.post("/admin/network/subscriptions/", {"source": "cpts"})
    assert response.status_code == 400 and "Choisissez la CPTS à suivre." in response.content.decode()
    own = beta_client.post("/admin/network/subscriptions/", {"source": "cpts", "source_cpts": beta.cpts.pk})
    assert own.status_code == 400
    assert not Subscription.objects.filter(subscriber=beta.cpts).exists()


def test_a_visitor_or_another_cpts_cannot_manage_subscriptions(alpha, beta, beta_client, alpha_client):
    anonymous = Client(HTTP_HOST=beta.host).post("/admin/network/subscriptions/", {"source": "federation"})
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    subscribe(beta_client, beta, source="federation")
    subscription = Subscription.objects.get(subscriber=beta.cpts)
    login(alpha_client, alpha)
    assert alpha_client.post(f"/admin/network/subscriptions/{subscription.pk}/remove/").status_code == 404
    assert Subscription.objects.filter(pk=subscription.pk).exists()
