"""A page type's copies kept in step with Wagtail: published, unpublished, deleted, made private.

Features above ``content`` that copy pages into the public schema (search's
offer listings, prevention's campaign copies) hand their three writes here
once; the four Wagtail and Django signals are wired the same way for all.
"""

from collections.abc import Callable

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished


def page_copies_follow(
    model: type[Page],
    *,
    name: str,
    publish: Callable[[Page], object],
    withdraw: Callable[[int], object],
    privacy_follow: Callable[[Page], object],
) -> None:
    """Connect ``model``'s life to its copy: ``publish(page)`` on publication, ``withdraw(page_id)``
    on unpublication or deletion, ``privacy_follow(section)`` when a view restriction is set on
    or lifted from a section. ``name`` keeps the connections unique."""

    def published(sender, instance, **kwargs) -> None:
        publish(instance)

    def withdrawn(sender, instance, **kwargs) -> None:
        withdraw(instance.pk)

    def privacy_changed(sender, instance, **kwargs) -> None:
        section = Page.objects.filter(pk=instance.page_id).first()
        if section is not None:  # None: the section itself is being deleted
            privacy_follow(section)

    # weak=False: the receivers are closures, kept by the signal itself.
    page_published.connect(published, sender=model, weak=False, dispatch_uid=f"{name}.published")
    page_unpublished.connect(withdrawn, sender=model, weak=False, dispatch_uid=f"{name}.unpublished")
    post_delete.connect(withdrawn, sender=model, weak=False, dispatch_uid=f"{name}.deleted")
    for signal, uid in ((post_save, "privacy_set"), (post_delete, "privacy_lifted")):
        signal.connect(privacy_changed, sender=PageViewRestriction, weak=False, dispatch_uid=f"{name}.{uid}")
