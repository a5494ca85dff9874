"""Writes on the network's posts (public schema): a CPTS's copies, and the federation's own."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from tenants.audit import audit_record
from tenants.models import CPTS, AuditEntry

from .models import NetworkPost, Republication
from .tasks import republications_follow_withdrawal


@dataclass(frozen=True)
class PostsSync:
    written: int
    withdrawn: int


def network_post_write(*, cpts: CPTS, page_id: int, fields: dict) -> NetworkPost:
    """The copy of one page of ``cpts``, created or brought to its new version."""
    post, _ = NetworkPost.objects.update_or_create(cpts=cpts, page_id=page_id, defaults=fields)
    return post


def network_post_withdraw(*, cpts: CPTS, page_id: int) -> int:
    """A page unpublished, deleted or made private leaves the network, and the sites that took it.

    The sites follow once this commits, through a background task (``syndication.tasks``).
    """
    subscribers = list(
        Republication.objects.filter(post__cpts=cpts, post__page_id=page_id, detached_at__isnull=True)
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    deleted, _ = NetworkPost.objects.filter(cpts=cpts, page_id=page_id).delete()
    if subscribers:
        transaction.on_commit(lambda: republications_follow_withdrawal.enqueue(subscribers))
    return deleted


@transaction.atomic
def network_posts_replace(*, cpts: CPTS, posts: dict[int, dict]) -> PostsSync:
    """The copies of ``cpts`` made exactly ``posts`` (page id → fields): a restore or a repair.

    Copies still listed are updated in place, so their republications keep following them.
    """
    stale = NetworkPost.objects.filter(cpts=cpts).exclude(page_id__in=list(posts))
    withdrawn, _ = stale.delete()
    for page_id, fields in posts.items():
        network_post_write(cpts=cpts, page_id=page_id, fields=fields)
    return PostsSync(written=len(posts), withdrawn=withdrawn)


def network_posts_withdraw_cpts(cpts: CPTS) -> None:
    """Every post of ``cpts`` leaves the network (an archived CPTS)."""
    NetworkPost.objects.filter(cpts=cpts).delete()


def federation_post_saved(*, post: NetworkPost, created: bool) -> None:
    """The federation's journal keeps each of its posts' saves (its admin calls this)."""
    verb = "créée" if created else "modifiée"
    audit_record(
        action=AuditEntry.Action.NETWORK_POST_SAVED,
        summary=f"Publication du réseau « {post.title} » ({verb}).",
        data={"id": post.pk},
    )


def federation_post_delete(*, post: NetworkPost) -> None:
    audit_record(
        action=AuditEntry.Action.NETWORK_POST_DELETED,
        summary=f"Publication du réseau « {post.title} » (supprimée).",
        data={"id": post.pk},
    )
    post.delete()
