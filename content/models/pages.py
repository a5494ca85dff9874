"""The pages of a CPTS site and the tree they may form.

    HomePage (one, created with the CPTS)
    ├── StandardPage ── StandardPage …
    ├── HealthProjectPage (one)
    ├── MissionPage (one per ACI mission)
    ├── NewsIndexPage ── NewsArticlePage
    ├── EventIndexPage ── EventPage
    ├── DocumentsPage
    ├── ContactPage (its submissions stay in the CPTS's schema)
    ├── prevention.CampaignIndexPage ── prevention.CampaignPage
    └── InternshipIndexPage ── InternshipOfferPage (content/models/internships.py)

parent_page_types / subpage_types enforce it, so an editor cannot build a
nonsensical tree.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from content.api_fields import SelectorField
from content.blocks import RICH_TEXT_FEATURES, BodyBlock
from content.contact import HONEYPOT_FIELD, contact_post_refusal, harden_contact_form
from content.forms import CPTSFormPageForm, CPTSPageForm
from content.selectors.site import page_key_figures, page_mission_indicators
from tenants.vocabulary import Mission

from .shareable import NetworkShareable
from .visibility import viewable_by


def upcoming(events):
    return events.filter(end__gte=timezone.now()).order_by("start")


class CPTSPage(Page):
    """Every page of a CPTS site: its admin form refuses to save over a colleague's newer save."""

    base_form_class = CPTSPageForm

    class Meta:
        abstract = True


SECTION_PAGES = [
    "content.StandardPage",
    "content.HealthProjectPage",
    "content.MissionPage",
    "content.NewsIndexPage",
    "content.EventIndexPage",
    "content.DocumentsPage",
    "content.ContactPage",
    "prevention.CampaignIndexPage",
    "content.InternshipIndexPage",
    "members.AdhesionPage",
    "members.DirectoryPage",
    "unscheduled_care.UnscheduledCarePage",
    "content.LegalPage",
]


# Figures computed by selectors from other rows (content.api_fields), never stored or typed.
KEY_FIGURES = SelectorField(page_key_figures)
MISSION_INDICATORS = SelectorField(page_mission_indicators)


class HomePage(CPTSPage):
    """The root of a CPTS site; its key figures are computed, never typed."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Quelques lignes qui présentent la CPTS à un visiteur."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [
        APIField("introduction"),
        APIField("body"),
        APIField("key_figures", serializer=KEY_FIGURES),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGES
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def get_context(self, request, *args, **kwargs):
        from content.selectors.home import home_context  # it reads the page types defined below

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context


class StandardPage(CPTSPage):
    introduction = models.TextField(_("chapô"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [APIField("introduction"), APIField("body")]

    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")


class HealthProjectPage(CPTSPage):
    """The projet de santé: what the CPTS set out to do, with its documents."""

    validated_on = models.DateField(_("validé le"), null=True, blank=True)
    summary = models.TextField(_("résumé"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("validated_on"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("validated_on"), APIField("summary"), APIField("body")]

    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    # Same layout as a standard page: title, lead, body.
    template = "content/standard_page.html"

    class Meta:
        verbose_name = _("projet de santé")
        verbose_name_plural = _("projets de santé")


class MissionPage(CPTSPage):
    """One ACI mission: what the CPTS does for it, and its indicators."""

    mission = models.CharField(_("mission"), max_length=32, choices=Mission.choices)
    summary = models.TextField(_("résumé"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("mission"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("actions", label=_("actions")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    api_fields = [
        APIField("mission"),
        APIField("summary"),
        APIField("body"),
        APIField("actions"),
        APIField("indicators", serializer=MISSION_INDICATORS),
    ]

    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("page de mission")
        verbose_name_plural = _("pages de mission")

    def clean(self):
        super().clean()
        others = MissionPage.objects.filter(mission=self.mission).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"mission": _("Cette mission a déjà sa page.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["indicators"] = MISSION_INDICATORS.selector(self)
        return context


class MissionAction(Orderable):
    page = ParentalKey(MissionPage, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Status(models.TextChoices):
        PLANNED = "planned", _("prévue")
        RUNNING = "running", _("en cours")
        DONE = "done", _("réalisée")

    status = models.CharField(_("état"), max_length=8, choices=Status.choices, default=Status.PLANNED)

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("status")]
    api_fields = [APIField("title"), APIField("description"), APIField("status")]


class NewsIndexPage(CPTSPage):
    introduction = models.TextField(_("chapô"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.NewsArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des actualités")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = NewsArticlePage.objects.live().child_of(self)
        context["articles"] = viewable_by(articles, request).order_by("-date")
        return context


class NewsArticlePage(NetworkShareable, CPTSPage):
    date = models.DateField(_("date"))
    introduction = models.TextField(_("chapô"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))
    # Plain text: whoever signs an article needs no account (an import creates none).
    author = models.CharField(_("auteur"), max_length=255, blank=True)
    tags = ClusterTaggableManager(through="content.NewsArticleTag", blank=True, verbose_name=_("mots-clés"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("theme"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("tags"),
        NetworkShareable.origin_panel,
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [
        APIField("date"),
        APIField("author"),
        APIField("tags"),
        APIField("introduction"),
        APIField("body"),
        *NetworkShareable.network_api_fields,
    ]
    parent_page_types = ["content.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("actualité")


class EventIndexPage(CPTSPage):
    introduction = models.TextField(_("chapô"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = upcoming(viewable_by(EventPage.objects.live().child_of(self), request))
        return context


class EventPage(NetworkShareable, CPTSPage):
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    place = models.CharField(_("lieu"), max_length=255, blank=True)
    registration_url = models.URLField(_("inscription"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("place"),
        FieldPanel("theme"),
        FieldPanel("registration_url"),
        FieldPanel("body"),
        NetworkShareable.origin_panel,
    ]
    search_fields = [*Page.search_fields, index.SearchField("place"), index.SearchField("body")]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("registration_url"),
        APIField("body"),
        *NetworkShareable.network_api_fields,
    ]
    parent_page_types = ["content.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("événement")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("L'événement finit avant de commencer.")})


class DocumentsPage(CPTSPage):
    """Statutes, activity reports, the signed contract…"""

    introduction = models.TextField(_("chapô"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("documents"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    api_fields = [APIField("introduction"), APIField("body")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    template = "content/standard_page.html"

    class Meta:
        verbose_name = _("documents")


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    # What a front end needs to draw the form and post it (clean_name is the posted name).
    api_fields = [
        APIField("clean_name"),
        APIField("label"),
        APIField("field_type"),
        APIField("required"),
        APIField("choices"),
        APIField("default_value"),
        APIField("help_text"),
    ]


class ContactPage(AbstractEmailForm):
    """A contact form; submissions are kept in the CPTS's own schema."""

    base_form_class = CPTSFormPageForm

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(_("message de remerciement"), blank=True)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("champs du formulaire")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            _("e-mail"),
        ),
    ]
    # The form's fields, never its addresses: mail goes to to_address, which stays private.
    api_fields = [APIField("introduction"), APIField("form_fields")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("contact")

    def get_form(self, *args, **kwargs):
        return harden_contact_form(super().get_form(*args, **kwargs))

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)  # never stored nor mailed
        return super().process_form_submission(form)

    def serve(self, request, *args, **kwargs):
        refusal = contact_post_refusal(request) if request.method == "POST" else None
        if refusal is None:
            return super().serve(request, *args, **kwargs)
        # The visitor's text comes back in the form, with the reason.
        form = self.get_form(request.POST, page=self, user=request.user)
        form.add_error(None, refusal.message)
        context = {**self.get_context(request), "form": form}
        return TemplateResponse(request, self.get_template(request), context, status=refusal.status)

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's forms views import models, which are loading now.
        from content.form_exports import ContactSubmissionsListView

        return ContactSubmissionsListView
