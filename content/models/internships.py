"""Internship offers of a CPTS, published as pages of its site (CPTS schema).

    HomePage
    └── InternshipIndexPage ("Stages", one)
        └── InternshipOfferPage …

Publishing, unpublishing or deleting an offer updates the network's listing
(search.services) in the same transaction; an offer past its end date is
"expired" without anyone touching it.
"""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from content.blocks import RICH_TEXT_FEATURES
from content.forms import CPTSPageForm
from network.models import Commune
from tenants.no_patient_data import validate_no_nir
from tenants.services import public_url
from tenants.vocabulary import Discipline, HostStructure, StudyLevel

from .pages import CPTSPage
from .territory import TerritoryCommune
from .visibility import viewable_by


def semester_dates(code: str) -> tuple[datetime.date, datetime.date]:
    """Dates of an internship semester: "2026-11" is November 2026 to April 2027, "2027-05" May to October."""
    year, month = (int(part) for part in code.split("-"))
    if month == 11:
        return datetime.date(year, 11, 1), datetime.date(year + 1, 4, 30)
    if month == 5:
        return datetime.date(year, 5, 1), datetime.date(year, 10, 31)
    raise ValueError(code)


def semester_choices(today: datetime.date | None = None) -> list[tuple[str, str]]:
    """The current semester and the next four, as offered in the admin."""
    today = today or timezone.localdate()
    year = today.year - 1
    choices = []
    while len(choices) < 5:
        for month in (5, 11):
            start, end = semester_dates(f"{year}-{month:02d}")
            if end >= today and len(choices) < 5:
                season = _("été") if month == 5 else _("hiver")
                label = f"{_('Semestre d’')}{season} {start:%m/%Y} – {end:%m/%Y}"
                choices.append((f"{year}-{month:02d}", label))
        year += 1
    return choices


# The network's search links to an offer with its own query string under this parameter, so that
# the offer can link back to the same results (the search is on the federation's host).
SEARCH_BACK_PARAMETER = "recherche"
SEARCH_PARAMETERS = (
    "q", "discipline", "level", "region", "department", "cpts", "housing", "near", "within",
    "start", "end", "sort", "page",
)


def search_back_url(query_string: str) -> str:
    """The students' search with the query it came from; only its own parameters are kept."""
    if not query_string or not settings.FEDERATION_HOSTS:
        return ""
    received = QueryDict(query_string[:1000])
    kept = QueryDict(mutable=True)
    for name in SEARCH_PARAMETERS:
        if received.get(name):
            kept[name] = received[name][:300]
    encoded = kept.urlencode()
    return public_url(settings.FEDERATION_HOSTS[0], f"/stages/?{encoded}" if encoded else "/stages/")


class InternshipIndexPage(CPTSPage):
    """The "Stages" section of a CPTS site: its open offers."""

    introduction = models.TextField(_("chapô"), blank=True, validators=[validate_no_nir])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.InternshipOfferPage"]
    max_count = 1

    class Meta:
        verbose_name = _("stages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        offers = viewable_by(InternshipOfferPage.objects.live().child_of(self), request).select_related(
            "commune"
        )
        context["offers"] = offers.filter(filled=False, end_date__gte=timezone.localdate()).order_by(
            "start_date"
        )
        return context


class InternshipOfferForm(CPTSPageForm):
    """Semesters and communes are offered from today's calendar and the CPTS's territory."""

    semester = forms.ChoiceField(label=_("semestre"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["semester"].choices = [("", _("— dates libres —")), *semester_choices()]
        if "commune" in self.fields:
            self.fields["commune"].queryset = Commune.objects.filter(
                code__in=TerritoryCommune.objects.values("commune_id")
            ).order_by("name")
            self.fields["commune"].help_text = _("Une commune du territoire de la CPTS.")


class InternshipOfferPage(CPTSPage):
    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        PUBLISHED = "published", _("publiée")
        FILLED = "filled", _("pourvue")
        EXPIRED = "expired", _("expirée")

    discipline = models.CharField(_("discipline"), max_length=32, choices=Discipline.choices)
    level = models.CharField(_("niveau d'études"), max_length=32, choices=StudyLevel.choices)
    host_structure = models.CharField(_("lieu de stage"), max_length=32, choices=HostStructure.choices)
    host_name = models.CharField(
        _("nom de la structure"), max_length=200, blank=True, help_text=_("Ex. MSP des Coteaux.")
    )
    commune = models.ForeignKey(
        "network.Commune", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    supervisor_approved = models.BooleanField(
        _("maître de stage universitaire agréé"),
        default=False,
        help_text=_("Le ou la responsable du stage est agréé(e) par l'université."),
    )
    supervisor_role = models.CharField(
        _("encadrement"),
        max_length=200,
        blank=True,
        help_text=_("Qui encadre le stage, par sa fonction, ex. « médecin généraliste, maître de stage »."),
    )
    semester = models.CharField(_("semestre"), max_length=7, blank=True)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    places = models.PositiveSmallIntegerField(
        _("nombre de places"), default=1, validators=[MinValueValidator(1)]
    )
    housing = models.BooleanField(_("logement proposé"), default=False)
    travel_help = models.BooleanField(_("aide au déplacement"), default=False)
    compensation = models.CharField(
        _("indemnisation"),
        max_length=200,
        blank=True,
        help_text=_("Gratification ou rémunération, s'il y en a, ex. « gratification légale »."),
    )
    description = RichTextField(
        _("description"), features=RICH_TEXT_FEATURES, blank=True, validators=[validate_no_nir]
    )
    apply_email = models.EmailField(_("candidater par courriel"), blank=True)
    apply_url = models.URLField(_("candidater en ligne"), max_length=500, blank=True)
    online_applications = models.BooleanField(
        _("formulaire « Candidater »"),
        default=True,
        help_text=_(
            "Les étudiants candidatent sur la page de l'offre (si un courriel est indiqué) ; la "
            "candidature est envoyée à ce courriel et listée dans l'administration (Candidatures)."
        ),
    )
    filled = models.BooleanField(
        _("offre pourvue"),
        default=False,
        help_text=_("Cochez puis publiez : l'offre quitte la recherche des étudiants."),
    )

    base_form_class = InternshipOfferForm
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("discipline"), FieldPanel("level")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("host_structure"), FieldPanel("host_name")]),
                FieldPanel("commune"),
                FieldPanel("supervisor_approved"),
                FieldPanel("supervisor_role"),
            ],
            _("lieu"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("semester"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("places"),
            ],
            _("période"),
            help_text=_("Choisissez un semestre, ou des dates."),
        ),
        FieldRowPanel([FieldPanel("housing"), FieldPanel("travel_help")]),
        FieldPanel("compensation"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("apply_email"), FieldPanel("apply_url"), FieldPanel("online_applications")],
            _("candidater"),
        ),
        FieldPanel("filled"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("host_name"),
        index.SearchField("description"),
        index.FilterField("discipline"),
        index.FilterField("end_date"),
    ]
    api_fields = [
        APIField("status"),
        APIField("discipline"),
        APIField("level"),
        APIField("host_structure"),
        APIField("host_name"),
        APIField("commune_code"),
        APIField("supervisor_approved"),
        APIField("supervisor_role"),
        APIField("semester"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("duration_weeks"),
        APIField("places"),
        APIField("housing"),
        APIField("travel_help"),
        APIField("compensation"),
        APIField("description"),
        APIField("apply_email"),
        APIField("apply_url"),
        APIField("accepts_applications"),
    ]
    parent_page_types = ["content.InternshipIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("offre de stage")
        verbose_name_plural = _("offres de stage")

    @property
    def commune_code(self) -> str:
        return self.commune_id

    @property
    def status(self) -> str:
        if not self.live:
            return self.Status.DRAFT
        if self.filled:
            return self.Status.FILLED
        if self.end_date and self.end_date < timezone.localdate():
            return self.Status.EXPIRED
        return self.Status.PUBLISHED

    @property
    def duration_weeks(self) -> int | None:
        """Whole weeks from the first to the last day (a semester is 26)."""
        if not self.start_date or not self.end_date:
            return None
        return max(1, round(((self.end_date - self.start_date).days + 1) / 7))

    @property
    def accepts_applications(self) -> bool:
        """Open, with an address to send to, and the « Candidater » form wanted (applications app)."""
        return self.status == self.Status.PUBLISHED and self.online_applications and bool(self.apply_email)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["search_back_url"] = search_back_url(request.GET.get(SEARCH_BACK_PARAMETER, ""))
        return context

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    def clean(self):
        super().clean()
        errors = {}
        if self.semester:
            try:
                self.start_date, self.end_date = semester_dates(self.semester)
            except ValueError:
                errors["semester"] = _("Semestre inconnu.")
        if not self.start_date or not self.end_date:
            errors.setdefault("start_date", _("Choisissez un semestre, ou indiquez le début et la fin."))
        elif self.end_date < self.start_date:
            errors["end_date"] = _("La fin du stage précède son début.")
        if not self.apply_email and not self.apply_url:
            errors["apply_email"] = _("Indiquez comment candidater : un courriel ou une adresse web.")
        if self.commune_id and not TerritoryCommune.objects.filter(commune_id=self.commune_id).exists():
            errors["commune"] = _("Cette commune n'est pas dans le territoire de la CPTS.")
        if errors:
            raise ValidationError(errors)
