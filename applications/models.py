"""Applications of students to a CPTS's internship offers, in the CPTS's own schema."""

from __future__ import annotations

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.no_patient_data import validate_no_nir
from tenants.vocabulary import StudyLevel

from .storage import cv_storage

MESSAGE_MAX_CHARS = 1500
MESSAGE_HELP = _(
    "Quelques lignes sur vous et ce que vous attendez du stage. N'y mettez aucune information de santé, "
    "ni sur vous ni sur des patients."
)


def cv_upload_to(instance: InternshipApplication, filename: str) -> str:
    # The student's file name is not kept: it may carry their name twice, or anything.
    return f"applications/{instance.offer_page_id or 0}/cv-{instance.token}.pdf"


class InternshipApplication(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("reçue")
        IN_PROGRESS = "in_progress", _("en cours")
        ACCEPTED = "accepted", _("retenue")
        DECLINED = "declined", _("non retenue")

    # The offer may be deleted; its title and end stay so the application still reads and purges.
    offer_page = models.ForeignKey(
        "content.InternshipOfferPage",
        verbose_name=_("offre"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    offer_title = models.CharField(_("offre"), max_length=255)
    full_name = models.CharField(_("nom et prénom"), max_length=150)
    email = models.EmailField(_("courriel"))
    training = models.CharField(
        _("formation"), max_length=150, help_text=_("Ex. DES de médecine générale, IFSI de Metz.")
    )
    level = models.CharField(_("année ou niveau"), max_length=32, choices=StudyLevel.choices)
    message = models.TextField(
        _("message"),
        blank=True,
        help_text=MESSAGE_HELP,
        validators=[MaxLengthValidator(MESSAGE_MAX_CHARS), validate_no_nir],
    )
    cv = models.FileField(_("CV (PDF)"), storage=cv_storage, upload_to=cv_upload_to, blank=True)
    token = models.CharField(max_length=32, editable=False)
    status = models.CharField(_("statut"), max_length=16, choices=Status.choices, default=Status.RECEIVED)
    submitted_at = models.DateTimeField(_("reçue le"), auto_now_add=True)
    retain_until = models.DateField(
        _("conservée jusqu'au"),
        help_text=_("Puis effacée avec son CV (12 mois après la fin du stage)."),
    )

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["retain_until"], name="application_retention")]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.offer_title}"
