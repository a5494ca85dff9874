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


def test_long_texts_are_refused_on_the_field(contact, alpha):
    client = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.4")
    response = client.post("/contact/", {"nom": "A", "message": "x" * (MAX_FIELD_CHARS + 1)})
    assert response.status_code == 200
    assert "caractères" in response.content.decode()
    assert stored(alpha) == 0
