"""A CPTS's prevention campaigns, published as pages of its site (CPTS schema)."""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from content.blocks import RICH_TEXT_FEATURES
from content.models.pages import CPTSPage
from content.models.visibility import viewable_by
from tenants.no_patient_data import validate_no_nir
from tenants.vocabulary import Profession

from .blocks import ActionsBlock, IndicatorsBlock
from .forms import CampaignPageForm
from .selectors import campaign_communes_map


class CampaignIndexPage(CPTSPage):
    """The "Prévention" section of a CPTS site."""

    introduction = models.TextField(_("chapô"), blank=True, validators=[validate_no_nir])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["prevention.CampaignPage"]
    max_count = 1

    class Meta:
        verbose_name = _("prévention")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = viewable_by(CampaignPage.objects.live().child_of(self), request)
        context["campaigns"] = campaigns.order_by("-start")
        return context


class CampaignPage(CPTSPage):
    class Status(models.TextChoices):
        PLANNED = "planned", _("prévue")
        RUNNING = "running", _("en cours")
        FINISHED = "finished", _("terminée")

    class Sex(models.TextChoices):
        ALL = "all", _("tous")
        FEMALE = "female", _("femmes")
        MALE = "male", _("hommes")

    theme = models.ForeignKey(
        "network.PreventionTheme", verbose_name=_("thème"), on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("résumé"), validators=[validate_no_nir])
    body = RichTextField(
        _("présentation"), blank=True, features=RICH_TEXT_FEATURES, validators=[validate_no_nir]
    )
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"))
    status = models.CharField(_("état"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    age_min = models.PositiveSmallIntegerField(_("âge minimum"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("âge maximum"), null=True, blank=True)
    sex = models.CharField(_("sexe"), max_length=8, choices=Sex.choices, default=Sex.ALL)
    risk_condition = models.CharField(
        _("facteur de risque"),
        max_length=200,
        blank=True,
        validators=[validate_no_nir],
        help_text=_("Ex. 10 médicaments ou plus, diabète. Une population, jamais une personne."),
    )
    target_description = models.CharField(
        _("population cible (précisions)"), max_length=300, blank=True, validators=[validate_no_nir]
    )
    whole_territory = models.BooleanField(_("tout le territoire"), default=True)
    communes = ParentalManyToManyField(
        "network.Commune",
        verbose_name=_("communes concernées"),
        blank=True,
        related_name="+",
        help_text=_("Si la campagne ne couvre qu'une partie du territoire."),
    )
    partners = models.TextField(_("partenaires"), blank=True, validators=[validate_no_nir])
    professions = ArrayField(
        models.CharField(max_length=32, choices=Profession.choices),
        verbose_name=_("professions impliquées"),
        default=list,
        blank=True,
    )
    actions = StreamField(ActionsBlock(), blank=True, verbose_name=_("actions"))
    indicators = StreamField(IndicatorsBlock(), blank=True, verbose_name=_("indicateurs"))
    # The kit lives in the public schema, this page in a CPTS's: no database
    # constraint across schemas, and deleting a kit leaves the campaign (now the
    # CPTS's own) untouched instead of cascading into tables the public schema
    # does not have. A dangling kit_id only means "no update will be offered".
    kit = models.ForeignKey(
        "network.CampaignKit",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        editable=False,
    )
    kit_version = models.PositiveIntegerField(null=True, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("status")], _("période")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max"), FieldPanel("sex")]),
                FieldPanel("risk_condition"),
                FieldPanel("target_description"),
            ],
            _("population cible"),
        ),
        MultiFieldPanel([FieldPanel("whole_territory"), FieldPanel("communes")], _("périmètre")),
        FieldPanel("partners"),
        FieldPanel("professions"),
        FieldPanel("actions"),
        FieldPanel("indicators"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    api_fields = [
        APIField("theme_code"),
        APIField("summary"),
        APIField("body"),
        APIField("start"),
        APIField("end"),
        APIField("status"),
        APIField("age_min"),
        APIField("age_max"),
        APIField("sex"),
        APIField("risk_condition"),
        APIField("target_description"),
        APIField("whole_territory"),
        APIField("commune_codes"),
        APIField("partners"),
        APIField("professions"),
        APIField("actions"),
        APIField("indicators"),
    ]
    parent_page_types = ["prevention.CampaignIndexPage"]
    subpage_types: list[str] = []
    base_form_class = CampaignPageForm

    class Meta:
        verbose_name = _("campagne de prévention")
        verbose_name_plural = _("campagnes de prévention")

    def clean_fields(self, exclude=None):
        # The kit is set by adoption, never typed, and may have been deleted by
        # the federation since: its existence is not the editor's problem.
        super().clean_fields(exclude={*(exclude or ()), "kit"})

    @property
    def age_band(self) -> str:
        """As people write it: « 50–74 ans », « 65 ans et plus », « jusqu'à 16 ans »; empty for all ages."""
        if self.age_min is None and self.age_max is None:
            return ""
        if self.age_max is None:
            return f"{self.age_min} ans et plus"
        if not self.age_min:
            return f"jusqu'à {self.age_max} ans"
        return f"{self.age_min}–{self.age_max} ans"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["communes_map"] = campaign_communes_map(self)
        return context

    @property
    def theme_code(self) -> str:
        return self.theme_id

    @property
    def commune_codes(self) -> list[str]:
        return [] if self.whole_territory else [c.code for c in self.communes.all()]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("La campagne finit avant de commencer.")
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            errors["age_max"] = _("L'âge maximum est inférieur à l'âge minimum.")
        if errors:
            raise ValidationError(errors)
