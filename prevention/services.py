"""Writes on prevention campaigns: their public copy, and adopting a federation kit."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from content.blocks import RICH_TEXT_FEATURES
from content.models import HomePage
from network.prevention import CampaignKit, NetworkCampaign
from network.safe_html import is_link_allowed, rich_text_clean
from tenants.models import CPTS
from tenants.selectors import active_cpts, require_schema

from .models import CampaignIndexPage, CampaignPage
from .territory_rules import campaign_territory_check


def _target_summary(page: CampaignPage) -> str:
    parts = []
    if page.age_band:
        parts.append(page.age_band)
    if page.sex != CampaignPage.Sex.ALL:
        parts.append(page.get_sex_display())
    if page.risk_condition:
        parts.append(page.risk_condition)
    if page.target_description:
        parts.append(page.target_description)
    return ", ".join(parts)


@transaction.atomic
def campaign_publish_copy(*, page: CampaignPage) -> NetworkCampaign | None:
    """Write (or refresh) the public copy of a live campaign of the current CPTS.

    A private campaign (under a view restriction) has no public copy: it is withdrawn.
    """
    if page.get_view_restrictions().exists():
        campaign_withdraw_copy(page_id=page.pk)
        return None
    indicators = [block.block.get_api_representation(block.value) for block in page.indicators]
    copy, _ = NetworkCampaign.objects.update_or_create(
        cpts_id=active_cpts().pk,
        page_id=page.pk,
        defaults={
            "theme_id": page.theme_id,
            "title": page.title,
            "status": page.status,
            "start": page.start,
            "end": page.end,
            "url": page.full_url or "",
            "target": _target_summary(page)[:300],
            "professions": list(page.professions),
            "indicators": indicators,
            # The kit may have been deleted since adoption (no constraint across schemas).
            "kit_id": CampaignKit.objects.filter(pk=page.kit_id).values_list("pk", flat=True).first(),
        },
    )
    return copy


def campaign_copies_rebuild(cpts: CPTS) -> int:
    """Rewrite the public copies of every live campaign of ``cpts`` (its schema active)."""
    require_schema(cpts)
    NetworkCampaign.objects.filter(cpts_id=cpts.pk).delete()
    pages = CampaignPage.objects.live().public()
    for page in pages:
        campaign_publish_copy(page=page)
    return len(pages)


def campaign_copies_drift(cpts: CPTS) -> list[str]:
    """The CPTS's live, public campaigns against their copies (its schema active)."""
    require_schema(cpts)
    copies = set(NetworkCampaign.objects.filter(cpts_id=cpts.pk).values_list("page_id", flat=True))
    live = set(CampaignPage.objects.live().public().values_list("pk", flat=True))
    problems = []
    if missing := sorted(live - copies):
        problems.append(f"{len(missing)} campagne(s) publiée(s) sans copie : {missing[:10]}")
    if extra := sorted(copies - live):
        problems.append(f"{len(extra)} copie(s) de campagne(s) plus publiée(s) : {extra[:10]}")
    return problems


def campaign_copies_withdraw(cpts: CPTS) -> None:
    """Every copy of ``cpts``'s campaigns leaves the network's listing (an archived CPTS)."""
    NetworkCampaign.objects.filter(cpts_id=cpts.pk).delete()


def campaign_withdraw_copy(*, page_id: int) -> None:
    """A campaign unpublished or deleted leaves the network's listing."""
    NetworkCampaign.objects.filter(cpts_id=active_cpts().pk, page_id=page_id).delete()


@transaction.atomic
def campaign_copies_privacy_follow(*, section: Page) -> int:
    """A view restriction added to or removed from ``section``: its campaigns' copies follow."""
    pages = CampaignPage.objects.live().descendant_of(section, inclusive=True)
    for page in pages:
        campaign_publish_copy(page=page)
    return len(pages)


@transaction.atomic
def kit_adopt(*, kit: CampaignKit) -> CampaignPage:
    """Copy a federation kit into the current CPTS as a draft campaign it can edit."""
    index = CampaignIndexPage.objects.first()
    if index is None:
        index = CampaignIndexPage(title="Prévention", slug="prevention", show_in_menus=True)
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    today = timezone.localdate()
    page = CampaignPage(
        title=kit.title,
        theme=kit.theme,
        summary=kit.summary,
        body=_kit_body(kit),
        start=today,
        end=today.replace(year=today.year + 1),
        live=False,
        indicators=[_indicator_from_kit(item) for item in kit.suggested_indicators],
        actions=_kit_materials(kit),
        kit=kit,
        kit_version=kit.version,
    )
    campaign_territory_check(page, cpts=active_cpts())
    index.add_child(instance=page)
    page.save_revision()
    return page


def kit_update_offer(*, page: CampaignPage) -> CampaignKit | None:
    """The newer version of the kit a campaign came from, if any (offered, never applied alone).

    A kit the federation has since deleted offers nothing: the campaign is the CPTS's own.
    """
    if not page.kit_id:
        return None
    return CampaignKit.objects.filter(pk=page.kit_id, version__gt=page.kit_version or 0).first()


@transaction.atomic
def kit_update_apply(*, page: CampaignPage) -> CampaignPage:
    """Bring the kit's new texts into a new draft; the coordinator reviews and publishes it."""
    kit = kit_update_offer(page=page)
    if kit is None:
        return page
    draft = page.get_latest_revision_as_object()
    draft.title, draft.summary, draft.body = kit.title, kit.summary, _kit_body(kit)
    draft.kit_version = kit.version
    page.kit_version = kit.version
    page.save(update_fields=["kit_version"])
    draft.save_revision()
    return draft


def _kit_body(kit: CampaignKit) -> str:
    """The kit's text under the campaign editor's own rules, whatever was stored before they applied."""
    return rich_text_clean(kit.body, features=RICH_TEXT_FEATURES)


def _kit_materials(kit: CampaignKit) -> list[dict]:
    return [
        {"type": "material", "value": {"title": m["title"], "url": m["url"], "document": None}}
        for m in kit.materials
        if isinstance(m, dict) and is_link_allowed(str(m.get("url", "")))
    ]


def _indicator_from_kit(item: dict) -> dict:
    return {
        "type": "indicator",
        "value": {
            "name": item["name"],
            "definition": item.get("definition", ""),
            "unit": item.get("unit", "count"),
            "baseline": None,
            "target": None,
            "values": [],
        },
    }
