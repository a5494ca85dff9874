"""« Candidater »: a student applies on an offer's page or through the API; the offer's contact
receives it by e-mail with the CV, the coordinator follows it in the admin, it is purged after
its retention."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from applications.forms import CV_MAX_BYTES
from applications.limits import RATE_PER_ADDRESS
from applications.models import InternshipApplication
from applications.services import applications_purge
from cpts_network.periodic import internship_applications_purge
from tests.conftest import login

from .conftest import PDF, application_data

pytestmark = pytest.mark.django_db(transaction=False)


def stored(tenant) -> list[InternshipApplication]:
    with tenant.context():
        found = list(InternshipApplication.objects.all())
    connection.set_schema_to_public()
    return found


def cv(content: bytes = PDF, name: str = "cv.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_offer_page_shows_its_facts_the_form_and_a_way_back_to_the_search(offer, alpha_client):
    searched = "?recherche=q%3Dmedcine%2Bgenerale%26evil%3D1"
    # The offer's own page links to its form, which lives at ?candidater: the page sets no cookie
    # (no CSRF token), so it is kept for the next visitors like any page.
    plain = alpha_client.get(offer.path_url + searched)
    assert not plain.cookies and 'name="full_name"' not in plain.content.decode()
    assert "?candidater=&amp;recherche=q%3Dmedcine%2Bgenerale#candidater" in plain.content.decode()
    page = alpha_client.get(offer.path_url + searched + "&candidater").content.decode()
    for fact in [
        "du 1er mai 2027 au 31 octobre 2027",
        "26 semaines",
        "MSP des Coteaux",
        "Médecin généraliste, maître de stage universitaire",
        "Logement</dt><dd>proposé",
        "Rémunération d&#x27;interne",
        "Médecine générale",
    ]:
        assert fact in page, fact
    assert '<dl class="offer-facts">' in page
    assert 'name="full_name"' in page and 'enctype="multipart/form-data"' in page
    assert "aucune information de santé" in page
    # Back to the search with the query kept, and only the search's own parameters.
    assert "/stages/?q=medcine+generale" in page and "evil" not in page


def test_a_student_applies_the_contact_gets_the_cv_and_the_student_an_acknowledgement(
    offer, alpha, alpha_client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = alpha_client.post(offer.path_url, {**application_data(), "cv": cv()})
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "Candidature envoyée" in response.content.decode()
    (application,) = stored(alpha)
    assert application.status == "received" and application.offer_title == "Médecine générale en MSP"
    assert application.retain_until == datetime.date(2028, 10, 31)
    assert application.cv.name.startswith(f"{alpha.schema_name}/applications/")

    mails = {m.to[0]: m for m in smtp_server.wait_for(2)}
    contact = mails["stages@msp.test"]
    assert "Camille Exemple (fictif)" in contact.body and "DES de médecine générale" in contact.body
    assert "/admin/candidatures/edit/" in contact.body
    ((name, content_type, data),) = contact.attachments()
    assert content_type == "application/pdf" and data == PDF
    student = mails["camille@etudiant.test"]
    assert "bien reçu votre candidature" in student.body and "1er mai 2027" in student.body


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (cv(b"GIF89a not a pdf", "cv.pdf"), "doit être un fichier PDF"),
        (cv(PDF + b"0" * CV_MAX_BYTES), "dépasse 2 Mo"),
        (cv(PDF.replace(b"/Type", b"/JavaScript /Type")), "contenu actif"),
    ],
)
def test_a_bad_cv_is_refused_in_french_and_the_rest_is_kept(offer, alpha, alpha_client, upload, message):
    response = alpha_client.post(offer.path_url, {**application_data(), "cv": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    # What was typed is still there, nothing is stored.
    assert 'value="Camille Exemple (fictif)"' in page and "découvrir l&#x27;exercice coordonné" in page
    assert stored(alpha) == []


def test_missing_fields_and_no_consent_are_named_in_french(offer, alpha, alpha_client):
    response = alpha_client.post(offer.path_url, application_data(consent="", email="pas-un-courriel"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "La candidature n'est pas envoyée" in page
    assert "Saisissez une adresse e-mail valide" in page and "Ce champ est obligatoire" in page
    assert stored(alpha) == []


def test_a_message_with_a_social_security_number_is_refused(offer, alpha, alpha_client):
    response = alpha_client.post(offer.path_url, application_data(message="Mon NIR 1 85 05 78 006 084 36"))
    assert response.status_code == 400 and "sécurité sociale" in response.content.decode()
    assert stored(alpha) == []


def test_applications_beyond_the_limit_are_refused(offer, alpha, alpha_client):
    limit = int(RATE_PER_ADDRESS.split("/")[0])
    answers = [alpha_client.post(offer.path_url, application_data()).status_code for _ in range(limit + 1)]
    assert answers == [200] * limit + [429]
    assert len(stored(alpha)) == limit


def test_a_filled_offer_takes_no_application(offer, alpha, alpha_client):
    with alpha.context():
        offer.filled = True
        offer.save_revision().publish()
    connection.set_schema_to_public()
    assert 'name="full_name"' not in alpha_client.get(offer.path_url + "?candidater").content.decode()
    assert alpha_client.post(offer.path_url, application_data()).status_code == 409
    assert stored(alpha) == []


@pytest.mark.parametrize("restriction", ["login", "password"])
def test_a_private_offer_asks_a_post_for_what_it_asks_a_get_and_keeps_nothing(
    offer, alpha, alpha_client, beta_client, restriction
):
    """A POST used to be answered before Wagtail's view restriction: offer shown, application kept."""
    from wagtail.models import PageViewRestriction

    with alpha.context():
        PageViewRestriction.objects.create(page=offer, restriction_type=restriction, password="bureau")
    connection.set_schema_to_public()
    shown = alpha_client.get(offer.path_url)
    posted = alpha_client.post(offer.path_url, application_data())
    assert posted.status_code == shown.status_code
    assert posted.get("Location") == shown.get("Location")
    for answer in (shown, posted):
        assert "MSP des Coteaux" not in answer.content.decode()
    # The API's way in, and another CPTS's host with this offer's id, are refused as well.
    api = f"/api/v2/internships/{offer.pk}/applications/"
    assert alpha_client.post(api, application_data()).status_code == 404
    assert beta_client.post(api, application_data()).status_code == 404
    assert stored(alpha) == []

    if restriction == "login":
        login(alpha_client, alpha)
        assert alpha_client.post(offer.path_url, application_data()).status_code == 200
        assert len(stored(alpha)) == 1


def test_the_api_applies_with_structured_errors(offer, alpha, alpha_client):
    url = f"/api/v2/internships/{offer.pk}/applications/"
    bad = alpha_client.post(url, {**application_data(), "email": "x", "cv": cv(b"nope")})
    assert bad.status_code == 400
    error = bad.json()["error"]
    assert error["code"] == "invalid" and set(error["fields"]) == {"email", "cv"}
    assert "PDF" in error["fields"]["cv"][0]
    ok = alpha_client.post(url, {**application_data(), "consent": True}, content_type="application/json")
    assert ok.status_code == 201 and ok.json() == {"status": "received", "retain_until": "2028-10-31"}
    assert alpha_client.post("/api/v2/internships/999999/applications/", {}).status_code == 404
    assert len(stored(alpha)) == 1


def test_the_coordinator_sees_the_application_filters_it_and_reads_the_cv(offer, alpha, alpha_client):
    alpha_client.post(offer.path_url, {**application_data(), "cv": cv()})
    (application,) = stored(alpha)
    login(alpha_client, alpha)
    listing = alpha_client.get("/admin/candidatures/").content.decode()
    assert "Camille Exemple (fictif)" in listing and "reçue" in listing
    assert "Camille" in alpha_client.get("/admin/candidatures/?status=received").content.decode()
    assert "Camille" not in alpha_client.get("/admin/candidatures/?status=accepted").content.decode()
    edit = alpha_client.post(f"/admin/candidatures/edit/{application.pk}/", {"status": "in_progress"})
    assert edit.status_code == 302
    assert stored(alpha)[0].status == "in_progress"
    pdf = alpha_client.get(f"/admin/candidatures-cv/{application.pk}/")
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content) == PDF
    assert alpha_client.get("/admin/candidatures/add/").status_code in (302, 403, 404)


def test_a_cv_is_not_served_from_the_public_media(offer, alpha, alpha_client, settings):
    alpha_client.post(offer.path_url, {**application_data(), "cv": cv()})
    (application,) = stored(alpha)
    assert not application.cv.path.startswith(str(settings.MEDIA_ROOT))
    assert alpha_client.get(f"/media/{application.cv.name}").status_code == 404


def test_applications_are_purged_with_their_cv_after_their_retention(
    offer, alpha, alpha_client, django_capture_on_commit_callbacks
):
    alpha_client.post(offer.path_url, {**application_data(), "cv": cv()})
    (application,) = stored(alpha)
    path = application.cv.path
    with alpha.context(), django_capture_on_commit_callbacks(execute=True):
        assert applications_purge(today=application.retain_until) == 0  # the last day is kept
        assert applications_purge(today=application.retain_until + datetime.timedelta(days=1)) == 1
    connection.set_schema_to_public()
    assert stored(alpha) == []
    import os

    assert not os.path.exists(path)


def test_the_periodic_job_visits_every_cpts(offer, alpha, alpha_client):
    alpha_client.post(offer.path_url, application_data())
    with alpha.context():
        InternshipApplication.objects.update(retain_until=datetime.date(2000, 1, 1))
    connection.set_schema_to_public()
    assert internship_applications_purge().startswith("1 candidature(s)")
    assert stored(alpha) == []


def test_the_offer_s_facts_are_in_the_cpts_s_page_api(offer, alpha_client):
    fields = "supervisor_role,compensation,duration_weeks,accepts_applications,housing,start_date"
    data = alpha_client.get(f"/api/v2/pages/{offer.pk}/", {"fields": fields}).json()
    assert data["supervisor_role"] == "Médecin généraliste, maître de stage universitaire"
    assert data["compensation"] == "Rémunération d'interne"
    assert (data["duration_weeks"], data["accepts_applications"], data["housing"]) == (26, True, True)
