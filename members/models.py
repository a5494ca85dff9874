"""Applications and members of a CPTS, the board's decisions, and the two page types that show them.

One ``Membership`` row follows a person or a structure from the application to
membership (or refusal), so a decision never copies data around. What is
stored is what the adhésion form asks, nothing about patients; the README says
why, for how long, and how a member gets or erases it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField

from content.blocks import RICH_TEXT_FEATURES
from content.models.pages import CPTSPage
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


class AdhesionPage(RoutablePageMixin, CPTSPage):
    """The public adhésion form, with the terms it is accepted under."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    statutes_version = models.CharField(
        _("version des statuts"),
        max_length=50,
        help_text=_("Ex. « statuts du 12 mars 2024 »; gardée avec chaque demande."),
    )
    statutes = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("statuts (document)"),
    )
    fee_amount = models.DecimalField(
        _("cotisation annuelle (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    payment_url = models.URLField(
        _("page de paiement de la cotisation"),
        blank=True,
        help_text=_("Ex. votre page HelloAsso. Aucun paiement ne passe par ce site."),
    )
    board_email = models.EmailField(
        _("e-mail du bureau"), help_text=_("Reçoit chaque demande ; jamais affiché.")
    )

    content_panels = [
        *CPTSPage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("statutes_version"), FieldPanel("statutes")])], _("statuts")
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("fee_amount"), FieldPanel("payment_url")])], _("cotisation")
        ),
        FieldPanel("board_email"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("statutes_version"),
        APIField("fee_amount"),
        APIField("payment_url"),
    ]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "members/adhesion_page.html"

    class Meta:
        verbose_name = _("adhésion")

    # The form and the signed links are members.views; looked up by name, since views import models.
    @path("")
    def application(self, request):
        return import_string("members.views.adhesion_form")(request, self)

    @path("merci/")
    def received(self, request):
        return import_string("members.views.adhesion_received")(request, self)

    @path("mes-donnees/<str:token>/")
    def own_record(self, request, token: str):
        return import_string("members.views.own_record")(request, self, token)

    @path("attestation/<str:token>/")
    def attestation(self, request, token: str):
        return import_string("members.views.attestation")(request, self, token)

    @path("espace/<str:uidb64>/<str:token>/")
    def member_password(self, request, uidb64: str, token: str):
        return import_string("members.views.member_password")(request, self, uidb64, token)

    @path("annuaire/retrait/<str:token>/")
    def leave_directory(self, request, token: str):
        return import_string("members.views.leave_directory")(request, self, token)


class DirectoryPage(CPTSPage):
    """The members who chose to appear, by profession and commune."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*CPTSPage.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "members/directory_page.html"

    class Meta:
        verbose_name = _("annuaire des adhérents")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up by name: the selectors import these models.
        context.update(import_string("members.selectors.directory_context")(request.GET))
        return context
