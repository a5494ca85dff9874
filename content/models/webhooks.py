"""Webhooks of a CPTS's site: its front end is told when a page changes (the CPTS's schema)."""

import secrets

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.webhook_addresses import webhook_url_problem


class PageEvent(models.TextChoices):
    PUBLISHED = "page.published", _("page publiée")
    UNPUBLISHED = "page.unpublished", _("page dépubliée")
    MOVED = "page.moved", _("page déplacée")
    DELETED = "page.deleted", _("page supprimée")


def new_secret() -> str:
    return secrets.token_hex(32)


def validate_webhook_url(value: str) -> None:
    """http(s) to a public server only; the check at each send (content.webhook_addresses) is the guard."""
    problem = webhook_url_problem(value)
    if problem:
        raise ValidationError(problem, code="webhook_address")


class WebhookEndpoint(models.Model):
    """An address of the CPTS's front end that receives signed page events."""

    name = models.CharField(_("nom"), max_length=100)
    url = models.URLField(
        _("adresse"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_(
            "Adresse publique du front-end, en https:// de préférence : les adresses locales ou "
            "privées sont refusées et les redirections ne sont pas suivies."
        ),
    )
    secret = models.CharField(
        _("secret"),
        max_length=64,
        default=new_secret,
        help_text=_("Clé HMAC-SHA256 de la signature X-CPTS-Signature ; à recopier dans le front-end."),
    )
    events = ArrayField(
        models.CharField(max_length=32, choices=PageEvent.choices),
        verbose_name=_("événements"),
        default=list,
        help_text=_("Séparés par des virgules ; vide : tous."),
        blank=True,
    )
    active = models.BooleanField(_("actif"), default=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str) -> bool:
        return self.active and (not self.events or event in self.events)


class WebhookDelivery(models.Model):
    """One event for one endpoint: written with the change, sent later, kept as the log."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("événement"), max_length=32, choices=PageEvent.choices)
    payload = models.JSONField(_("contenu"))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    next_attempt_at = models.DateTimeField(_("prochain essai"), db_index=True)
    delivered_at = models.DateTimeField(_("livré le"), null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(_("dernier code HTTP"), null=True, blank=True)
    last_error = models.CharField(_("dernière erreur"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("envoi de webhook")
        verbose_name_plural = _("envois de webhooks")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["delivered_at", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"
