"""Writes on prevention campaigns: their public copy, and adopting a federation kit."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from content.models import HomePage
from network.prevention import CampaignKit, NetworkCampaign
from tenants.selectors import current_cpts

from .models import CampaignIndexPage, CampaignPage


def _target_summary(page: CampaignPage) -> str:
    parts = []
    if page.age_min is not None or page.age_max is not None:
        parts.append(f"{page.age_min or 0}–{page.age_max or '…'} ans")
    if page.sex != CampaignPage.Sex.ALL:
        parts.append(page.get_sex_display())
    if page.risk_condition:
        parts.append(page.risk_condition)
    if page.target_description:
        parts.append(page.target_description)
    return ", ".join(parts)


@transaction.atomic
def campaign_publish_copy(*, page: CampaignPage) -> NetworkCampaign:
    """Write (or refresh) the public copy of a live campaign of the current CPTS."""
    indicators = [block.block.get_api_representation(block.value) for block in page.indicators]
    copy, _ = NetworkCampaign.objects.update_or_create(
        cpts_id=current_cpts().pk,
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
            "kit_id": page.kit_id,
        },
    )
    return copy


def campaign_copies_rebuild() -> int:
    """Rewrite the public copies of every live campaign of the current CPTS (a restored CPTS)."""
    NetworkCampaign.objects.filter(cpts_id=current_cpts().pk).delete()
    pages = CampaignPage.objects.live()
    for page in pages:
        campaign_publish_copy(page=page)
    return len(pages)


def campaign_withdraw_copy(*, page_id: int) -> None:
    """A campaign unpublished or deleted leaves the network's listing."""
    NetworkCampaign.objects.filter(cpts_id=current_cpts().pk, page_id=page_id).delete()


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
        body=kit.body,
        start=today,
        end=today.replace(year=today.year + 1),
        live=False,
        indicators=[_indicator_from_kit(item) for item in kit.suggested_indicators],
        actions=[
            {"type": "material", "value": {"title": m["title"], "url": m["url"], "document": None}}
            for m in kit.materials
        ],
        kit=kit,
        kit_version=kit.version,
    )
    index.add_child(instance=page)
    page.save_revision()
    return page


def kit_update_offer(*, page: CampaignPage) -> CampaignKit | None:
    """The newer version of the kit a campaign came from, if any (offered, never applied alone)."""
    if page.kit_id and page.kit.version > (page.kit_version or 0):
        return page.kit
    return None


@transaction.atomic
def kit_update_apply(*, page: CampaignPage) -> CampaignPage:
    """Bring the kit's new texts into a new draft; the coordinator reviews and publishes it."""
    kit = page.kit
    draft = page.get_latest_revision_as_object()
    draft.title, draft.summary, draft.body = kit.title, kit.summary, kit.body
    draft.kit_version = kit.version
    page.kit_version = kit.version
    page.save(update_fields=["kit_version"])
    draft.save_revision()
    return draft


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
