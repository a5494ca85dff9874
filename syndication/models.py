"""News and events in the network (public schema): what is published, who follows whom, what was taken.

``NetworkPost`` is written by each CPTS in the same transaction as the
publication of a news or event page in its own schema, and by the
federation directly: the agenda and the subscription screens read it and
never visit a CPTS schema. ``Subscription`` and ``Republication`` belong to
the subscribing CPTS; they live here so that a source's new version finds
its subscribers in one query.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tenants.vocabulary import Mission


class NetworkPost(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("actualité")
        EVENT = "event", _("événement")

    kind = models.CharField(_("type"), max_length=8, choices=Kind.choices)
    # Null: the federation's own post, written in its admin.
    cpts = models.ForeignKey(
        "tenants.CPTS", null=True, blank=True, on_delete=models.CASCADE, related_name="network_posts"
    )
    page_id = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(_("titre"), max_length=255)
    summary = models.TextField(_("chapô"), blank=True, help_text=_("Texte simple, 1 000 caractères au plus."))
    # Rich text in Wagtail's database format, cleaned to the editor's features,
    # links made absolute: what a subscriber's page is built from.
    body = models.TextField(_("texte"), blank=True)
    theme = models.CharField(_("thème"), max_length=32, choices=Mission.choices, blank=True)
    region_code = models.CharField(
        _("région"), max_length=3, blank=True, help_text=_("Code INSEE ; vide : tout le réseau.")
    )
    department_code = models.CharField(_("département"), max_length=3, blank=True)
    # News: the date shown. Events: the first day.
    date = models.DateField(_("date"))
    start = models.DateTimeField(_("début"), null=True, blank=True)
    end = models.DateTimeField(_("fin"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=255, blank=True)
    registration_url = models.URLField(_("inscription"), max_length=500, blank=True)
    url = models.URLField(_("adresse de la page"), max_length=500, blank=True)
    published_by = models.CharField(_("publié par"), max_length=255)
    first_published_at = models.DateTimeField(_("première publication"))
    # The version: a subscriber's copy older than this is brought up to date.
    last_published_at = models.DateTimeField(_("dernière publication"))

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("publication du réseau")
        verbose_name_plural = _("publications du réseau")
        constraints = [
            models.UniqueConstraint(
                fields=["cpts", "page_id"], condition=Q(cpts__isnull=False), name="one_post_per_page"
            ),
            models.CheckConstraint(
                condition=Q(kind="news")
                | Q(start__isnull=False, end__isnull=False, end__gte=models.F("start")),
                name="event_has_start_before_end",
            ),
        ]
        indexes = [
            # The agenda, soonest first: read in index order until a page is full,
            # the few events begun earlier and still running filtered on the way.
            models.Index(fields=["kind", "start", "id"], name="network_post_agenda"),
            models.Index(fields=["kind", "-date"], name="network_post_news"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.kind == self.Kind.EVENT:
            if not self.start or not self.end:
                raise ValidationError(_("Un événement a un début et une fin."))
            if self.end < self.start:
                raise ValidationError({"end": _("L'événement finit avant de commencer.")})

    @property
    def is_federation(self) -> bool:
        return self.cpts_id is None


class Subscription(models.Model):
    """A CPTS follows a source: the federation, another CPTS, or a theme whoever publishes."""

    class Source(models.TextChoices):
        FEDERATION = "federation", _("la fédération")
        CPTS = "cpts", _("une CPTS")
        THEME = "theme", _("un thème")

    subscriber = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="subscriptions")
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    source_cpts = models.ForeignKey(
        "tenants.CPTS",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscribers",
        verbose_name=_("CPTS suivie"),
    )
    theme = models.CharField(_("thème"), max_length=32, choices=Mission.choices, blank=True)
    automatic = models.BooleanField(
        _("reprendre automatiquement"),
        default=False,
        help_text=_("Sinon, chaque publication est proposée et vous choisissez de la reprendre."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("abonnement")
        constraints = [
            models.CheckConstraint(
                condition=Q(source="federation", source_cpts__isnull=True, theme="")
                | Q(source="cpts", source_cpts__isnull=False, theme="")
                | Q(source="theme", source_cpts__isnull=True) & ~Q(theme=""),
                name="subscription_source_consistent",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "source", "source_cpts", "theme"],
                nulls_distinct=False,
                name="one_subscription_per_source",
            ),
        ]

    def __str__(self) -> str:
        if self.source == self.Source.CPTS:
            return str(self.source_cpts)
        if self.source == self.Source.THEME:
            return str(self.get_theme_display())
        return str(self.get_source_display())

    def covers(self, post: NetworkPost) -> bool:
        if post.cpts_id == self.subscriber_id:
            return False
        if self.source == self.Source.FEDERATION:
            return post.cpts_id is None
        if self.source == self.Source.CPTS:
            return post.cpts_id == self.source_cpts_id
        return post.theme == self.theme


class Republication(models.Model):
    """A network post taken onto a subscriber's site: the page it became, and whether it still follows."""

    subscriber = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="republications")
    # Null once the source withdrew it: the next sync unpublishes the page.
    post = models.ForeignKey(NetworkPost, null=True, on_delete=models.SET_NULL, related_name="republications")
    page_id = models.PositiveIntegerField()
    synced_version = models.DateTimeField()
    # The subscriber edited the page: it is its own now, the source no longer writes to it.
    detached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "post"], name="one_republication_per_post"),
            models.UniqueConstraint(fields=["subscriber", "page_id"], name="one_republication_per_page"),
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id}:{self.page_id}"

    @property
    def state(self) -> str:
        if self.detached_at is None:
            return str(_("suit sa source"))
        if self.post_id is None:
            return str(_("retirée par sa source"))
        return str(_("modifiée par vous : ne suit plus sa source"))
