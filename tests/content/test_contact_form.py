"""The contact form on the open internet: honeypot, rate limits, size limits, nothing lost."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from content.contact import HONEYPOT_FIELD, MAX_FIELD_CHARS
from content.models import HomePage
from content.models.pages import ContactFormField, ContactPage
from content.services import page_publish


@pytest.fixture
def contact(alpha, beta):
    caches["default"].clear()  # rate-limit counters live in the cache, not in the rolled-back database
    for tenant in (alpha, beta):
        with tenant.context():
            page = ContactPage(title="Contact", slug="contact", to_address="coordination@cpts.test")
            page.form_fields = [
                ContactFormField(label="Nom", field_type="singleline", required=True),
                ContactFormField(label="Message", field_type="multiline", required=True),
            ]
            page_publish(parent=HomePage.objects.get(), page=page)
    connection.set_schema_to_public()
    yield
    caches["default"].clear()


def stored(tenant) -> int:
    with tenant.context():
        count = FormSubmission.objects.count()
    connection.set_schema_to_public()
    return count


def test_the_honeypot_refuses_and_people_never_see_it(contact, alpha):
    client = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.1")
    page = client.get("/contact/").content.decode()
    assert 'class="field honeypot" aria-hidden="true"' in page
    robot = client.post("/contact/", {"nom": "x", "message": "achetez", HONEYPOT_FIELD: "http://spam.test"})
    assert robot.status_code == 400
    assert "réservé aux robots" in robot.content.decode()
    assert stored(alpha) == 0
    person = client.post("/contact/", {"nom": "Dr Martin", "message": "Bonjour", HONEYPOT_FIELD: ""})
    assert person.status_code == 200
    assert stored(alpha) == 1
    with alpha.context():
        assert HONEYPOT_FIELD not in FormSubmission.objects.get().form_data


def test_posts_beyond_the_limit_are_refused_in_french_per_address_and_per_cpts(contact, alpha, beta):
    client = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.2")
    answers = [client.post("/contact/", {"nom": "A", "message": f"message {i}"}) for i in range(6)]
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    refused = answers[-1].content.decode()
    assert "Trop de messages" in refused and "message 5" in refused  # the text comes back, not lost
    assert stored(alpha) == 5
    # Another address at the same CPTS, and the same address at another CPTS, are not limited.
    assert (
        Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.3")
        .post("/contact/", {"nom": "B", "message": "bonjour"})
        .status_code
        == 200
    )
    assert (
        Client(HTTP_HOST=beta.host, REMOTE_ADDR="203.0.113.2")
        .post("/contact/", {"nom": "C", "message": "bonjour"})
        .status_code
        == 200
    )
    assert stored(beta) == 1


def test_behind_the_proxy_each_visitor_has_their_own_limit_and_cannot_forge_one(contact, alpha, settings):
    settings.CPTS_TRUSTED_PROXIES = 1  # nginx in front: every request comes from 127.0.0.1

    def visitor(address: str, forged: str = "") -> Client:
        forwarded = f"{forged}, {address}" if forged else address
        return Client(HTTP_HOST=alpha.host, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    spammer = [visitor("203.0.113.20", forged=f"10.0.0.{i}") for i in range(6)]
    answers = [c.post("/contact/", {"nom": "A", "message": f"m {i}"}) for i, c in enumerate(spammer)]
    # An address the client writes itself changes nothing: the proxy's entry counts.
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    # Another visitor behind the same proxy is not limited by the first.
    assert visitor("198.51.100.30").post("/contact/", {"nom": "B", "message": "bonjour"}).status_code == 200


def test_long_texts_are_refused_on_the_field(contact, alpha):
    client = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.4")
    response = client.post("/contact/", {"nom": "A", "message": "x" * (MAX_FIELD_CHARS + 1)})
    assert response.status_code == 200
    assert "caractères" in response.content.decode()
    assert stored(alpha) == 0


def contact_page_id(tenant) -> int:
    with tenant.context():
        page_id = ContactPage.objects.get().pk
    connection.set_schema_to_public()
    return page_id


def test_a_front_end_posts_the_contact_form_over_the_api_under_the_same_rules(
    contact, alpha, beta, mailoutbox
):
    from content.contact import RATE_PER_ADDRESS

    client = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.7")
    page_id = contact_page_id(alpha)
    url = f"/api/v2/forms/{page_id}/"
    # The front end draws the form from the page API, which never gives the CPTS's addresses.
    described = client.get(f"/api/v2/pages/{page_id}/").json()
    assert [(f["clean_name"], f["required"]) for f in described["form_fields"]] == [
        ("nom", True),
        ("message", True),
    ]
    assert "coordination@cpts.test" not in str(described)
    message = {"nom": "Une patiente du territoire", "message": "Quels horaires pour la permanence ?"}

    sent = client.post(url, message, content_type="application/json")
    assert sent.status_code == 201 and sent.json() == {"status": "received"}
    assert stored(alpha) == 1 and stored(beta) == 0
    assert [m.to for m in mailoutbox] == [["coordination@cpts.test"]]

    robot = client.post(
        url, {**message, HONEYPOT_FIELD: "http://spam.example"}, content_type="application/json"
    )
    assert robot.status_code == 400 and robot.json()["error"]["code"] == "refused"

    incomplete = client.post(
        url, {"nom": "X", "message": "y" * (MAX_FIELD_CHARS + 1)}, content_type="application/json"
    )
    assert incomplete.status_code == 400
    assert set(incomplete.json()["error"]["fields"]) == {"message"}

    limit = int(RATE_PER_ADDRESS.split("/")[0])
    answers = [client.post(url, message, content_type="application/json").status_code for _ in range(limit)]
    assert answers[-1] == 429
    assert stored(alpha) < 1 + limit  # what the limit refused was not stored


def test_the_api_only_reaches_a_published_contact_page_of_its_own_host(contact, alpha, beta):
    """A page number is read in the host's own schema: Beta's post lands in Beta's form, never in
    Alpha's, and a page that is not a contact form is a JSON 404."""
    other = Client(HTTP_HOST=beta.host, REMOTE_ADDR="203.0.113.8")
    answer = other.post(
        f"/api/v2/forms/{contact_page_id(beta)}/",
        {"nom": "B", "message": "b"},
        content_type="application/json",
    )
    assert answer.status_code == 201
    assert (stored(alpha), stored(beta)) == (0, 1)

    with alpha.context():
        home = HomePage.objects.get().pk
    connection.set_schema_to_public()
    client = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.9")
    missing = client.post(f"/api/v2/forms/{home}/", {"nom": "x"}, content_type="application/json")
    assert missing.status_code == 404 and missing.json()["error"]["status"] == 404
