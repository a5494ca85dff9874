"""Hostile kits, campaigns that name foreign communes, deleted kits, CSV cells read as formulas."""

import datetime
import json

from django.db import connection

from content.models import HomePage
from content.services import page_publish, territory_add_communes
from network.prevention import CampaignKit, NetworkCampaign
from prevention.models import CampaignIndexPage, CampaignPage
from prevention.services import kit_adopt, kit_update_offer
from tests.conftest import login
from tests.prevention.test_campaigns import campaign, publish

HOSTILE_BODY = (
    '<p>Dépistage<img src=x onerror="alert(1)"><script>alert(2)</script>'
    '<a href="javascript:alert(3)">ici</a> <a href="https://www.e-cancer.fr/">INCa</a></p>'
)


def _kit_form(**overrides) -> dict:
    data = {
        "theme": "breast_screening",
        "title": "Octobre rose",
        "summary": "Kit",
        "body": HOSTILE_BODY,
        "suggested_indicators": "[]",
        "materials": json.dumps([{"title": "Affiche", "url": "https://example.org/a.pdf"}]),
        "is_published": "on",
    }
    return {**data, **overrides}


def test_a_hostile_kit_is_cleaned_in_the_federation_admin(federation_staff_client):
    response = federation_staff_client.post("/admin/network/campaignkit/add/", _kit_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    body = CampaignKit.objects.get().body
    for bad in ("onerror", "<script", "javascript:", "<img"):
        assert bad not in body, body
    assert '<a href="https://www.e-cancer.fr/">INCa</a>' in body


def test_a_javascript_material_is_refused_in_french(federation_staff_client):
    materials = json.dumps([{"title": "Affiche", "url": "javascript:alert(1)"}])
    response = federation_staff_client.post("/admin/network/campaignkit/add/", _kit_form(materials=materials))
    assert response.status_code == 200
    assert "Lien refusé" in response.content.decode()
    assert not CampaignKit.objects.exists()


def test_adoption_cleans_what_an_older_kit_stored(alpha, alpha_client):
    kit = CampaignKit.objects.create(
        theme_id="breast_screening", title="Ancien", summary="…", is_published=True
    )
    # Stored before cleaning existed: written straight to the table.
    CampaignKit.objects.filter(pk=kit.pk).update(
        body=HOSTILE_BODY, materials=[{"title": "Piège", "url": "javascript:alert(4)"}]
    )
    login(alpha_client, alpha)
    response = alpha_client.post(f"/admin/prevention/kits/{kit.pk}/adopt/")
    assert response.status_code == 302
    with alpha.context():
        page = CampaignPage.objects.get()
        draft = page.get_latest_revision_as_object()
        assert "onerror" not in draft.body and "javascript:" not in draft.body and "<script" not in draft.body
        assert all("javascript" not in str(block.value) for block in draft.actions)
        preview = alpha_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert "alert(1)" not in preview.content.decode()


def test_a_kit_can_be_deleted_once_adopted(alpha, federation_staff_client):
    kit = CampaignKit.objects.create(
        theme_id="osteoporosis", title="Ostéoporose", summary="…", is_published=True
    )
    with alpha.context():
        adopted = kit_adopt(kit=kit)
    connection.set_schema_to_public()
    response = federation_staff_client.post(f"/admin/network/campaignkit/{kit.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not CampaignKit.objects.exists()
    with alpha.context():
        page = CampaignPage.objects.get(pk=adopted.pk)
        assert kit_update_offer(page=page) is None
        page.save_revision().publish()  # its public copy no longer names the kit
    connection.set_schema_to_public()
    assert NetworkCampaign.objects.get(page_id=adopted.pk).kit_id is None


def _campaign_form(index_pk: int, **overrides) -> dict:
    data = {
        "title": "Chutes",
        "slug": "chutes",
        "theme": "osteoporosis",
        "summary": "Prévention des chutes",
        "start": "2026-01-01",
        "end": "2026-02-01",
        "status": "planned",
        "sex": "all",
        "partners": "",
        "risk_condition": "",
        "target_description": "",
        "actions-count": "0",
        "indicators-count": "0",
        "action-publish": "action-publish",
    }
    return {**data, **overrides}


def test_a_campaign_naming_a_foreign_commune_is_refused_before_any_write(alpha, alpha_client):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        index = page_publish(parent=HomePage.objects.get(), page=CampaignIndexPage(title="Prévention"))
    connection.set_schema_to_public()
    login(alpha_client, alpha)
    response = alpha_client.post(
        f"/admin/pages/add/prevention/campaignpage/{index.pk}/",
        _campaign_form(index.pk, communes=["57463", "54395"]),  # Nancy is not Alpha's
    )
    assert response.status_code == 200
    assert "54395" in response.content.decode() or "Nancy" in response.content.decode()
    with alpha.context():
        assert not CampaignPage.objects.exists()
    assert not NetworkCampaign.objects.exists()
    # The same form with Alpha's own commune publishes: the refusal above can fail.
    response = alpha_client.post(
        f"/admin/pages/add/prevention/campaignpage/{index.pk}/", _campaign_form(index.pk, communes=["57463"])
    )
    assert response.status_code == 302
    with alpha.context():
        assert CampaignPage.objects.live().get().commune_codes == ["57463"]
    assert NetworkCampaign.objects.count() == 1


def test_the_campaign_form_offers_the_territory_communes_only(alpha, alpha_client):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463", "57751"])
        index = page_publish(parent=HomePage.objects.get(), page=CampaignIndexPage(title="Prévention"))
    connection.set_schema_to_public()
    login(alpha_client, alpha)
    page = alpha_client.get(f"/admin/pages/add/prevention/campaignpage/{index.pk}/").content.decode()
    assert 'value="57463"' in page and 'value="57751"' in page
    assert 'value="54395"' not in page
    assert len(page) < 500_000


def test_network_csv_cells_are_never_formulas(alpha, federation_client):
    publish(alpha, campaign(title='=HYPERLINK("https://evil.test","Cliquez")', target_description="+33 1 2"))
    body = federation_client.get("/api/network/campaigns/", {"format": "csv"}).content.decode("utf-8-sig")
    row = body.splitlines()[1]
    assert "'=HYPERLINK" in row and "'+33 1 2" not in row or "'+33" in row
    assert ";=HYPERLINK" not in row and not row.startswith("=")


def test_contact_form_export_cells_are_never_formulas(alpha, alpha_client):
    from wagtail.contrib.forms.models import FormSubmission

    from content.models.pages import ContactFormField, ContactPage

    with alpha.context():
        contact = ContactPage(title="Contact", slug="contact")
        HomePage.objects.get().add_child(instance=contact)
        ContactFormField.objects.create(page=contact, label="Message", field_type="singleline")
        FormSubmission.objects.create(page=contact, form_data={"message": "=1+2"})
        FormSubmission.objects.create(page=contact, form_data={"message": "-12"})
    connection.set_schema_to_public()
    login(alpha_client, alpha)
    response = alpha_client.get(f"/admin/forms/submissions/{contact.pk}/", {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "'=1+2" in body
    assert ",-12" in body or "\n-12" in body


def test_future_aci_signature_is_refused_and_signature_sets_the_stage(alpha, alpha_client):
    login(alpha_client, alpha)
    future = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    response = alpha_client.post("/admin/aci/", {"aci_signed_on": "2999-01-01", "frontend_origins": ""})
    assert response.status_code == 200
    assert "Date à venir" in response.content.decode()
    response = alpha_client.post("/admin/aci/", {"aci_signed_on": future, "frontend_origins": ""})
    assert "Date à venir" in response.content.decode()
    alpha.cpts.refresh_from_db()
    assert alpha.cpts.aci_signed_on is None
    response = alpha_client.post("/admin/aci/", {"aci_signed_on": "2024-04-22", "frontend_origins": ""})
    assert response.status_code == 302
    alpha.cpts.refresh_from_db()
    assert alpha.cpts.stage == "aci_signed"
