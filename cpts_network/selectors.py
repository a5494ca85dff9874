"""Reads across the apps of one CPTS."""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django_tenants.utils import schema_context
from wagtail.models import Page

from content.models import Association, InternshipOfferPage, Mandate, TerritoryCommune
from prevention.models import CampaignPage
from tenants.models import CPTS


def cpts_content_summary(cpts: CPTS) -> dict:
    """What a CPTS holds, in plain data two installs can compare (an export checked after import)."""
    with schema_context(cpts.schema_name):
        summary = {
            "pages": sorted(
                (p.url_path, p.title, p.live, p.specific_class.__name__) for p in Page.objects.all()
            ),
            "governance": sorted(
                [("association", a.name) for a in Association.objects.all()]
                + [("mandate", m.full_name, m.role, str(m.start)) for m in Mandate.objects.all()]
            ),
            "territory": sorted(TerritoryCommune.objects.values_list("commune_id", flat=True)),
            "campaigns": sorted(
                (c.title, c.theme_id, str(c.start), c.live) for c in CampaignPage.objects.all()
            ),
            "offers": sorted(
                (o.title, o.discipline, o.commune_id, str(o.start_date), o.live, o.filled)
                for o in InternshipOfferPage.objects.all()
            ),
        }
    media = Path(settings.MEDIA_ROOT) / cpts.schema_name
    summary["media"] = sorted(
        (str(path.relative_to(media)), hashlib.sha256(path.read_bytes()).hexdigest())
        for path in media.rglob("*")
        if path.is_file()
    )
    return json.loads(json.dumps(summary))  # tuples as lists: the same shape after a JSON round trip
