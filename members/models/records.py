"""Applications and members of a CPTS, and the board's decisions on them.

One ``Membership`` row follows a person or a structure from the application to
membership (or refusal), so a decision never copies data around. What is
stored is what the adhésion form asks, nothing about patients; the README says
why, for how long, and how a member gets or erases it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from network.professionals import Language, language_names, new_patients_shown
from tenants.vocabulary import Profession


class Membership(models.Model):
    class Kind(models.TextChoices):
        PROFESSIONAL = "professional", _("professionnel de santé")
        STRUCTURE = "structure", _("structure (MSP, centre de santé, EHPAD…)")

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente de décision")
        MORE_ASKED = "more_asked", _("informations demandées")
        ACCEPTED = "accepted", _("adhérent")
        REFUSED = "refused", _("refusée")
        ERASED = "erased", _("données effacées")

    kind = models.CharField(_("adhésion en tant que"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("état"), max_length=16, choices=Status.choices, default=Status.PENDING)
    # A professional's name, or the structure's.
    name = models.CharField(_("nom"), max_length=200)
    profession = models.CharField(_("profession"), max_length=32, choices=Profession.choices, blank=True)
    structure = models.CharField(_("structure d'exercice"), max_length=200, blank=True)
    rpps = models.CharField(_("numéro RPPS"), max_length=11, blank=True, db_index=True)
    finess = models.CharField(_("numéro FINESS"), max_length=9, blank=True, db_index=True)
    address = models.CharField(_("adresse d'exercice"), max_length=300)
    commune = models.ForeignKey(
        "network.Commune", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune d'exercice")
    )
    email = models.EmailField(_("e-mail"), db_index=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    # Shown in the directory only with consent, which the member may withdraw at any time.
    directory_consent = models.BooleanField(_("accepte de figurer dans l'annuaire"), default=False)
    directory_contact = models.CharField(
        _("contact affiché dans l'annuaire"), max_length=200, blank=True, help_text=_("Téléphone ou e-mail.")
    )
    # « Trouver un professionnel »: public facts the member declares in the members' area, shown
    # only with the consent above. The new-patients answer goes stale (network.professionals).
    accepts_new_patients = models.BooleanField(_("accepte de nouveaux patients"), null=True, blank=True)
    new_patients_confirmed_on = models.DateField(_("réponse confirmée le"), null=True, blank=True)
    # The confirmation date a reminder was sent for: one reminder per period.
    new_patients_reminded_for = models.DateField(null=True, blank=True, editable=False)
    languages = ArrayField(
        models.CharField(max_length=2, choices=Language.choices),
        verbose_name=_("langues parlées en plus du français"),
        default=list,
        blank=True,
    )
    step_free_access = models.BooleanField(_("lieu d'exercice accessible (PMR)"), null=True, blank=True)
    statutes_version = models.CharField(_("version des statuts acceptée"), max_length=50)
    fee_year = models.PositiveSmallIntegerField(_("cotisation payée pour l'année"), null=True, blank=True)
    applied_at = models.DateTimeField(_("demande reçue le"), auto_now_add=True)
    member_since = models.DateField(_("adhérent depuis le"), null=True, blank=True)
    # The member's own account, in the group that opens the members' area; never an editor.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="membership"
    )

    class Meta:
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")
        ordering = ["-applied_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def in_directory(self) -> bool:
        return self.status == self.Status.ACCEPTED and self.directory_consent

    @property
    def new_patients(self) -> bool | None:
        """The new-patients answer as the public sees it: None if not given or not confirmed lately."""
        return new_patients_shown(self.accepts_new_patients, self.new_patients_confirmed_on)

    @property
    def language_names(self) -> list[str]:
        return language_names(self.languages)


class MembershipDecision(models.Model):
    """Who decided what, when and why: kept when a member's data is erased (the journal stays true)."""

    class Decision(models.TextChoices):
        ACCEPT = "accept", _("acceptée")
        REFUSE = "refuse", _("refusée")
        ASK_MORE = "ask_more", _("informations demandées")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("retrait de l'annuaire")
        ERASE = "erase", _("données personnelles effacées")
        EDIT = "edit", _("fiche corrigée")

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(_("décision"), max_length=20, choices=Decision.choices)
    reason = models.TextField(_("motif ou message"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({self.at:%d/%m/%Y})"
