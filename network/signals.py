"""Receivers of the network app: they only call a service."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from tenants.models import CPTS

from .coverage import coverage_sync


@receiver(post_save, sender=CPTS, dispatch_uid="network.coverage_stage")
def coverage_follows_stage(sender, instance: CPTS, created: bool, update_fields=None, **kwargs) -> None:
    """A CPTS's stage decides which coverage definitions count it: a change moves every counter."""
    if created or (update_fields is not None and "stage" not in update_fields):
        return
    coverage_sync(cpts_id=instance.pk)
