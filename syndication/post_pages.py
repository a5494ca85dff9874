"""The tenant half of the network's posts: a CPTS's news and event pages (current schema) and their copies.

A live, public news item or event goes to ``NetworkPost`` in the same
transaction as its publication; unpublished, deleted or made private, it
leaves. A page republished from the network is not copied back: the network
already has its source. Wired to Wagtail's signals in ``syndication.signals``.
"""

from __future__ import annotations

import html
import re

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from content.models.pages import EventPage, NewsArticlePage
from tenants.models import CPTS
from tenants.public_copies import versions_drift
from tenants.selectors import active_cpts, require_schema

from .models import NetworkPost, Republication
from .rich_text import travelling_rich_text
from .services import network_post_withdraw, network_post_write, network_posts_replace

SHAREABLE = (NewsArticlePage, EventPage)
# A relative address in the source's HTML ("/actualites/x/", "/media/…") would
# point to the subscriber's own host once republished: made absolute.
RELATIVE_ADDRESS = re.compile(r'(href|src)="/(?!/)')


def plain_text(rich: str, limit: int) -> str:
    return Truncator(" ".join(html.unescape(strip_tags(rich)).split())).chars(limit)


def portable_body(page: NewsArticlePage | EventPage) -> str:
    """The page's body as rich text a page of another CPTS can hold: links absolute, images left out.

    Wagtail's references (page and document links, images) name rows of the
    source's schema; they are expanded to their public addresses, then cleaned
    to the editor's features without documents, as a federation kit is.
    """
    parts = []
    for block in page.body:
        if block.block_type == "paragraph":
            parts.append(expand_db_html(block.value.source))
        elif block.block_type != "image":
            parts.append(str(block.render()))
    site = page.get_site()
    root = site.root_url if site else ""
    absolute = RELATIVE_ADDRESS.sub(lambda m: f'{m.group(1)}="{root}/', "".join(parts))
    return travelling_rich_text(absolute)


def post_fields(page: NewsArticlePage | EventPage, cpts: CPTS) -> dict:
    """A live page in the words of the network's posts."""
    fields = {
        "title": page.title,
        "body": portable_body(page),
        "theme": page.theme,
        "region_code": cpts.region_code,
        "department_code": cpts.department_code,
        "url": page.full_url or "",
        "published_by": cpts.name,
        "first_published_at": page.first_published_at or timezone.now(),
        "last_published_at": page.last_published_at or timezone.now(),
    }
    if isinstance(page, EventPage):
        body_text = plain_text(fields["body"], 1000)
        return fields | {
            "kind": NetworkPost.Kind.EVENT,
            "summary": body_text,
            "date": timezone.localdate(page.start),
            "start": page.start,
            "end": page.end,
            "place": page.place,
            "registration_url": page.registration_url,
        }
    return fields | {
        "kind": NetworkPost.Kind.NEWS,
        "summary": Truncator(page.introduction).chars(1000),
        "date": page.date,
        "start": None,
        "end": None,
        "place": "",
        "registration_url": "",
    }


def is_republication(cpts: CPTS, page_id: int) -> bool:
    return Republication.objects.filter(subscriber=cpts, page_id=page_id).exists()


def page_is_shareable(page: Page, cpts: CPTS) -> bool:
    """Live, public and the CPTS's own: what the network's agenda and subscribers may see."""
    return page.live and not page.get_view_restrictions().exists() and not is_republication(cpts, page.pk)


@transaction.atomic
def network_post_share(*, page: NewsArticlePage | EventPage) -> None:
    cpts = active_cpts()
    if page_is_shareable(page, cpts):
        network_post_write(cpts=cpts, page_id=page.pk, fields=post_fields(page, cpts))
    else:
        network_post_withdraw(cpts=cpts, page_id=page.pk)


def network_post_unshare(*, page_id: int) -> None:
    network_post_withdraw(cpts=active_cpts(), page_id=page_id)


@transaction.atomic
def network_posts_privacy_follow(*, section: Page, model: type[NewsArticlePage | EventPage]) -> int:
    """A view restriction set on or lifted from ``section``: its pages of ``model`` follow."""
    pages = model.objects.live().descendant_of(section, inclusive=True)
    for page in pages:
        network_post_share(page=page)
    return len(pages)


def live_shared_pages(cpts: CPTS) -> list[NewsArticlePage | EventPage]:
    republished = set(Republication.objects.filter(subscriber=cpts).values_list("page_id", flat=True))
    pages = [*NewsArticlePage.objects.live().public(), *EventPage.objects.live().public()]
    return [page for page in pages if page.pk not in republished]


def network_posts_rebuild(cpts: CPTS) -> None:
    """The network's posts of ``cpts`` (its schema active) rewritten from its live pages."""
    require_schema(cpts)
    network_posts_replace(
        cpts=cpts, posts={page.pk: post_fields(page, cpts) for page in live_shared_pages(cpts)}
    )


def network_posts_drift(cpts: CPTS) -> list[str]:
    """The CPTS's live, public news and events against its posts (its schema active)."""
    require_schema(cpts)
    copied = dict(NetworkPost.objects.filter(cpts=cpts).values_list("page_id", "last_published_at"))
    live = {page.pk: page.last_published_at for page in live_shared_pages(cpts)}
    return versions_drift(
        live, copied, items="actualité(s) ou événement(s)", copy="l'agenda et les actualités du réseau"
    )
