"""A subscriber's side (its schema active): network posts taken onto its site, and kept in step.

A post is republished as a page of the subscriber's own news or agenda,
naming its origin. Until the subscriber edits it, the page follows its
source: a new version at the source is published over it, a source withdrawn
takes it down. An edit by a person (a revision with an author) or the page
taken down by the subscriber makes it the subscriber's own, as an adopted
campaign kit is; the source no longer writes to it.

Sources write nothing here: ``republications_sync`` runs in the subscriber's
schema, from its admin (« Synchroniser ») and from ``manage.py
sync_network_posts``, run by the operator's scheduler every few minutes, as
``send_webhooks`` is.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from content.models import HomePage
from content.models.pages import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from content.services.pages import paragraphs
from tenants.models import CPTS
from tenants.selectors import require_schema

from .models import NetworkPost, Republication, Subscription

# News older than this is not offered to a new subscriber.
NEWS_OFFERED_DAYS = 90


class RepublishRefused(Exception):
    """A post that cannot be taken (its own, already taken, withdrawn)."""


def _covered(subscriptions: QuerySet[Subscription] | list[Subscription]) -> Q | None:
    """One filter for every source of ``subscriptions``: posts read in one query, never per schema."""
    condition = None
    for sub in subscriptions:
        if sub.source == Subscription.Source.FEDERATION:
            term = Q(cpts__isnull=True)
        elif sub.source == Subscription.Source.CPTS:
            term = Q(cpts_id=sub.source_cpts_id)
        else:
            term = Q(theme=sub.theme)
        condition = term if condition is None else condition | term
    return condition


def posts_offered(cpts: CPTS, *, automatic_only: bool = False) -> QuerySet[NetworkPost]:
    """Posts of the sources ``cpts`` follows, not its own, not yet taken, still current."""
    subscriptions = Subscription.objects.filter(subscriber=cpts)
    if automatic_only:
        subscriptions = subscriptions.filter(automatic=True)
    condition = _covered(list(subscriptions))
    if condition is None:
        return NetworkPost.objects.none()
    now = timezone.now()
    current = Q(kind=NetworkPost.Kind.EVENT, end__gte=now) | Q(
        kind=NetworkPost.Kind.NEWS,
        date__gte=timezone.localdate() - datetime.timedelta(days=NEWS_OFFERED_DAYS),
    )
    taken = Republication.objects.filter(subscriber=cpts, post__isnull=False).values("post_id")
    return (
        NetworkPost.objects.filter(condition, current)
        .exclude(cpts=cpts)
        .exclude(pk__in=taken)
        .order_by("kind", "date", "pk")
    )


def _index(model: type[Page], title: str, slug: str) -> Page:
    """The subscriber's news or agenda index, created (published) if it has none yet."""
    index = model.objects.first()
    if index is None:
        index = model(title=title, slug=slug, show_in_menus=True)
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def _page_fields(post: NetworkPost) -> dict:
    fields = {
        "title": post.title,
        "theme": post.theme,
        "body": paragraphs(post.body),
        "source_name": post.published_by,
        "source_url": post.url,
    }
    if post.kind == NetworkPost.Kind.EVENT:
        return fields | {
            "start": post.start,
            "end": post.end,
            "place": post.place,
            "registration_url": post.registration_url,
        }
    return fields | {"date": post.date, "introduction": post.summary}


@transaction.atomic
def post_republish(*, post: NetworkPost, cpts: CPTS) -> Page:
    """``post`` becomes a published page of ``cpts``'s site, following its source."""
    require_schema(cpts)
    if post.cpts_id == cpts.pk:
        raise RepublishRefused(_("Cette publication est déjà la vôtre."))
    if Republication.objects.filter(subscriber=cpts, post=post).exists():
        raise RepublishRefused(_("Cette publication est déjà reprise sur votre site."))
    if post.kind == NetworkPost.Kind.EVENT:
        page = EventPage(**_page_fields(post))
        parent = _index(EventIndexPage, _("Agenda"), "agenda")
    else:
        page = NewsArticlePage(**_page_fields(post))
        parent = _index(NewsIndexPage, _("Actualités"), "actualites")
    page.content_type = ContentType.objects.get_for_model(page)
    # Not live until its republication is recorded: the publication below must
    # find it, or the page would be copied back to the network as the subscriber's own.
    page.live = False
    parent.add_child(instance=page)
    Republication.objects.create(
        subscriber=cpts, post=post, page_id=page.pk, synced_version=post.last_published_at
    )
    page.save_revision().publish()
    return page


def _edited_by_subscriber(page: Page) -> bool:
    """A revision with an author (the sync writes none), or the page taken down by the subscriber."""
    return not page.live or page.revisions.exclude(user=None).exists()


@dataclass
class SyncReport:
    republished: int = 0
    updated: int = 0
    taken_down: int = 0
    detached: int = 0


@transaction.atomic
def republications_sync(cpts: CPTS) -> SyncReport:
    """Bring ``cpts``'s site in step with the network (its schema active)."""
    require_schema(cpts)
    report = SyncReport()
    now = timezone.now()
    for post in posts_offered(cpts, automatic_only=True):
        post_republish(post=post, cpts=cpts)
        report.republished += 1
    following = Republication.objects.filter(subscriber=cpts, detached_at__isnull=True).select_related("post")
    pages = Page.objects.in_bulk([r.page_id for r in following])
    for republication in following:
        page = pages.get(republication.page_id)
        if page is None:  # deleted by the subscriber
            republication.delete()
            continue
        page = page.specific
        if _edited_by_subscriber(page):
            republication.detached_at = now
            republication.save(update_fields=["detached_at"])
            report.detached += 1
        elif republication.post is None:  # withdrawn at the source
            page.unpublish()
            republication.detached_at = now
            republication.save(update_fields=["detached_at"])
            report.taken_down += 1
        elif republication.post.last_published_at != republication.synced_version:
            for name, value in _page_fields(republication.post).items():
                setattr(page, name, value)
            page.save_revision().publish()
            republication.synced_version = republication.post.last_published_at
            republication.save(update_fields=["synced_version"])
            report.updated += 1
    return report


def subscription_add(
    *, cpts: CPTS, source: str, source_cpts: CPTS | None = None, theme: str = "", automatic: bool = False
) -> Subscription:
    """``cpts`` follows a source; following it twice changes only whether it is automatic."""
    subscription, _ = Subscription.objects.update_or_create(
        subscriber=cpts,
        source=source,
        source_cpts=source_cpts,
        theme=theme,
        defaults={"automatic": automatic},
    )
    return subscription


def subscription_remove(*, cpts: CPTS, subscription_id: int) -> None:
    """Stop following; pages already taken stay on the site, and stop following their source."""
    subscription = Subscription.objects.get(subscriber=cpts, pk=subscription_id)
    remaining = list(Subscription.objects.filter(subscriber=cpts).exclude(pk=subscription.pk))
    condition = _covered(remaining)
    orphans = Republication.objects.filter(subscriber=cpts, detached_at__isnull=True, post__isnull=False)
    if condition is not None:
        orphans = orphans.exclude(post__in=NetworkPost.objects.filter(condition))
    orphans.update(detached_at=timezone.now())
    subscription.delete()
