"""Reads on the CPTS registry (public schema)."""

import json

from django.db.models import Prefetch, QuerySet

from .models import CPTS, Domain


def cpts_list() -> QuerySet[CPTS]:
    """Every CPTS with its domains, primary first, in one extra query."""
    return CPTS.objects.prefetch_related(
        Prefetch("domains", queryset=Domain.objects.order_by("-is_primary", "domain"))
    ).order_by("name")


def current_cpts() -> CPTS | None:
    """The CPTS whose schema is active, whether set by a request or by schema_context."""
    from django.db import connection

    tenant = connection.tenant
    if isinstance(tenant, CPTS):
        return tenant
    return CPTS.objects.filter(schema_name=connection.schema_name).first()


def cpts_content_summary(cpts: CPTS) -> dict:
    """What a CPTS holds, in plain data two installs can compare (an export checked after import)."""
    import hashlib
    from pathlib import Path

    from django.conf import settings
    from django_tenants.utils import schema_context

    from content.models import Association, InternshipOfferPage, Mandate, TerritoryCommune
    from prevention.models import CampaignPage

    with schema_context(cpts.schema_name):
        from wagtail.models import Page

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
