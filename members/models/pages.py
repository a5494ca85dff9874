"""The two page types of a CPTS's members: the adhésion form and the directory.

Their routes and context are served by ``members.views`` and
``members.selectors``, imported here: those modules read and write the records
(``members.models.records``), never these pages, so the imports point one way.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField

from content.blocks import RICH_TEXT_FEATURES
from content.models.pages import CPTSPage
from members import directory_views, views
from members.selectors import directory_context


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

    # The form and the signed links: members.views, one function per route.
    @path("")
    def application(self, request):
        return views.adhesion_form(request, self)

    @path("merci/")
    def received(self, request):
        return views.adhesion_received(request, self)

    @path("mes-donnees/<str:token>/")
    def own_record(self, request, token: str):
        return views.own_record(request, self, token)

    @path("attestation/<str:token>/")
    def attestation(self, request, token: str):
        return views.attestation(request, self, token)

    @path("espace/<str:uidb64>/<str:token>/")
    def member_password(self, request, uidb64: str, token: str):
        return views.member_password(request, self, uidb64, token)

    @path("annuaire/retrait/<str:token>/")
    def leave_directory(self, request, token: str):
        return views.leave_directory(request, self, token)

    # The member's directory entry (« Trouver un professionnel »): members.directory_views.
    @path("annuaire/fiche/<str:token>/")
    def directory_entry(self, request, token: str):
        return directory_views.directory_entry_from_link(request, self, token)

    @path("annuaire/ma-fiche/")
    def my_directory_entry(self, request):
        return directory_views.my_directory_entry(request, self)

    @path("annuaire/confirmer/<str:token>/")
    def confirm_new_patients(self, request, token: str):
        return directory_views.confirm_new_patients(request, self, token)


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
        context.update(directory_context(request.GET))
        return context
