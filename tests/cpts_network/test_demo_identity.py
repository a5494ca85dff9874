"""The demo's identities: a marked fictitious logo, an AA colour, footer data, legal pages rewritten
from them, and Strasbourg's osteoporosis campaign; loading twice changes nothing."""

import pytest
from django.db import connection
from wagtail.images.models import Image

from content.colours import validate_primary_colour
from content.models import LegalPage, SiteIdentity
from cpts_network.demo.identity import IDENTITIES, LOGO_TITLE, OSTEOPOROSIS_TITLE, demo_identity_load
from prevention.models import CampaignPage

pytestmark = pytest.mark.django_db


def test_demo_identity_is_marked_distinct_and_idempotent(alpha, alpha_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert len({data["colour"] for data in IDENTITIES.values()}) == 3
    for data in IDENTITIES.values():
        validate_primary_colour(data["colour"])
    with alpha.context():
        for _ in range(2):
            demo_identity_load(short_name="strasbourg")  # Strasbourg's identity, on Alpha's schema
        identity = SiteIdentity.objects.get()
        assert identity.primary_colour == "#8a1538" and "fictive" in identity.address
        assert Image.objects.filter(title=LOGO_TITLE).count() == 1
        (campaign,) = CampaignPage.objects.filter(title=OSTEOPOROSIS_TITLE)
        assert campaign.theme_id == "osteoporosis" and "fictive" in campaign.summary
        notice = LegalPage.objects.get(kind="notice")
        assert "Hébergeur de démonstration (fictif)" in str(notice.body)
    connection.set_schema_to_public()
    home = alpha_client.get("/").content.decode()
    assert "03 53 01 20 20" in home and "social.example/@cpts-strasbourg-demo" in home
    assert "logo-strasbourg" in home  # favicon and header logo from the demo's mark
    assert "Os solides" in alpha_client.get(campaign.url).content.decode()
