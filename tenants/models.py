"""A CPTS is a tenant: one row here, one PostgreSQL schema with its own site."""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

from tenants.vocabulary import OPTIONAL_MISSIONS

from .addresses import public_url
from .validators import validate_hostname, validate_short_name

DEPARTMENT_CODE_RE = r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$"


class Stage(models.TextChoices):
    IDEA = "idea", _("Idée / pré-projet")
    LETTER_OF_INTENT = "letter_of_intent", _("Lettre d'intention")
    HEALTH_PROJECT_VALIDATED = "health_project_validated", _("Projet de santé validé")
    ACI_SIGNED = "aci_signed", _("ACI signé")


class CPTS(TenantMixin):
    """A Communauté Professionnelle Territoriale de Santé and its schema.

    The schema is created by ``tenants.services.cpts_create`` from a migrated
    template, never by ``save()``: ``auto_create_schema`` is off so that no
    code path can leave a row without its schema, or the reverse.
    """

    auto_create_schema = False
    auto_drop_schema = False

    name = models.CharField(_("nom"), max_length=200)
    short_name = models.CharField(
        _("nom court"),
        max_length=40,
        unique=True,
        validators=[validate_short_name],
        help_text=_("Utilisé dans l'adresse du site : <nom court>.<domaine du réseau>."),
    )
    region_code = models.CharField(_("code région (INSEE)"), max_length=3)
    department_code = models.CharField(
        _("code département (INSEE)"),
        max_length=3,
        help_text=_("Département principal ; un territoire peut en toucher plusieurs."),
    )
    stage = models.CharField(_("étape"), max_length=32, choices=Stage.choices, default=Stage.IDEA)
    letter_of_intent_on = models.DateField(_("lettre d'intention le"), null=True, blank=True)
    health_project_validated_on = models.DateField(_("projet de santé validé le"), null=True, blank=True)
    aci_signed_on = models.DateField(_("ACI signé le"), null=True, blank=True)
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    frontend_url = models.URLField(
        _("site public (front-end)"),
        blank=True,
        help_text=_("Adresse du site public s'il est servi par un front-end séparé."),
    )
    # The ACI contract: the four core missions are always engaged once signed.
    aci_optional_missions = ArrayField(
        models.CharField(max_length=32, choices=[(m.value, m.label) for m in OPTIONAL_MISSIONS]),
        verbose_name=_("missions optionnelles engagées"),
        default=list,
        blank=True,
    )
    frontend_origins = ArrayField(
        models.URLField(),
        verbose_name=_("origines autorisées (CORS)"),
        default=list,
        blank=True,
        help_text=_("Adresses des front-ends qui lisent l'API de la CPTS, ex. https://www.cpts-metz.fr"),
    )
    demo_notice = models.TextField(
        _("avis de démonstration"),
        blank=True,
        help_text=_(
            "Rempli pour une CPTS de démonstration : affiché sur chaque page de son site, "
            "avec les sources de ses faits vrais et leurs dates."
        ),
    )
    # Derived from the territory by network.coverage, never typed by hand.
    territory_population = models.PositiveIntegerField(_("population du territoire"), default=0)
    territory_communes = models.PositiveIntegerField(_("communes du territoire"), default=0)
    territory_departments = ArrayField(
        models.CharField(max_length=3), verbose_name=_("départements touchés"), default=list, blank=True
    )
    territory_regions = ArrayField(models.CharField(max_length=3), default=list, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    # Public-schema rows are not Wagtail content: keep Wagtail's reference
    # index (a tenant-only table) away from them.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("CPTS")
        verbose_name_plural = _("CPTS")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(department_code__regex=DEPARTMENT_CODE_RE),
                name="cpts_department_code_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Milestones are facts of the past, and the stage says what the contract says.

        A signature dated in 2999 would move the contract year (hence the
        funding figures) while the stage said otherwise.
        """

        super().clean()
        today = timezone.localdate()
        errors = {}
        for field in ("letter_of_intent_on", "health_project_validated_on", "aci_signed_on"):
            value = getattr(self, field)
            if value and value > today:
                errors[field] = _(
                    "Date à venir (%(date)s) : une étape se date le jour où elle a eu lieu."
                ) % {"date": value.strftime("%d/%m/%Y")}
        if self.aci_signed_on and self.stage != Stage.ACI_SIGNED:
            errors.setdefault("stage", _("Un contrat ACI signé place la CPTS à l'étape « ACI signé »."))
        if self.stage == Stage.ACI_SIGNED and not self.aci_signed_on:
            errors.setdefault("aci_signed_on", _("L'étape « ACI signé » demande la date de signature."))
        if errors:
            raise ValidationError(errors)

    def contract_year(self, on=None) -> int | None:
        """1 in the year of signature, 2 the next, …; None without a signed contract."""

        if not self.aci_signed_on:
            return None
        on = on or timezone.localdate()
        return max(1, on.year - self.aci_signed_on.year + 1)

    @property
    def of_name(self) -> str:
        """Its name after « de », with the article French puts there: « de la CPTS de Metz et environs »."""
        feminine = self.name.upper().startswith(("CPTS", "COMMUNAUTÉ"))
        return f"de la {self.name}" if feminine else f"de {self.name}"

    @property
    def primary_host(self) -> str | None:
        # Iterating .all() uses a prefetch when the selector made one.
        return next((d.domain for d in self.domains.all() if d.is_primary), None)

    @property
    def site_url(self) -> str | None:
        """Its home page's address, as visitors reach it; None without a primary domain."""
        host = self.primary_host
        return public_url(host) if host else None


class Domain(DomainMixin):
    """A host a CPTS answers on; its primary one is ``<short name>.<base domain>``."""

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("domaine")
        verbose_name_plural = _("domaines")

    def __str__(self) -> str:
        return self.domain

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude=exclude)
        validate_hostname(self.domain)


class CPTSArchive(models.Model):
    """What is left of a CPTS after ``cpts_archive``: where its dump and media went.

    The tenant row and schema are gone (so no command or request can reach a
    half-existing CPTS); this record says how to restore it.
    """

    name = models.CharField(_("nom"), max_length=200)
    short_name = models.CharField(_("nom court"), max_length=40)
    schema_name = models.CharField(_("schéma"), max_length=63)
    domains = models.JSONField(_("domaines"), default=list)
    metadata = models.JSONField(_("fiche"), default=dict)
    dump_path = models.CharField(_("sauvegarde du schéma"), max_length=500)
    media_path = models.CharField(_("archive des médias"), max_length=500, blank=True)
    dump_sha256 = models.CharField(max_length=64)
    archived_at = models.DateTimeField(_("archivée le"), auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("CPTS archivée")
        verbose_name_plural = _("CPTS archivées")
        ordering = ["-archived_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.archived_at:%Y-%m-%d})"


class SchemaTemplate(models.Model):
    """The SQL that recreates the migrated template schema, kept in the database.

    ``migrate_schemas`` refreshes it after migrating the template, so every
    app server creates a CPTS from the same SQL without needing ``pg_dump``.
    """

    fingerprint = models.CharField(max_length=64, unique=True)
    sql = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"template {self.fingerprint[:12]}"


class AuditEntry(models.Model):
    """One thing that changed the network, who did it and when (public schema).

    Written by the services that make the change (``tenants.audit``): CPTS
    created, updated, archived, restored or imported, territories changed,
    kits and funding grids edited, sign-ins locked. Page and governance edits
    stay in each CPTS's own Wagtail history.
    """

    class Action(models.TextChoices):
        CPTS_CREATED = "cpts.created", _("CPTS créée")
        CPTS_UPDATED = "cpts.updated", _("CPTS modifiée")
        CPTS_ARCHIVED = "cpts.archived", _("CPTS archivée")
        CPTS_RESTORED = "cpts.restored", _("CPTS restaurée ou importée")
        TERRITORY_CHANGED = "territory.changed", _("territoire modifié")
        KIT_SAVED = "kit.saved", _("kit de campagne enregistré")
        KIT_DELETED = "kit.deleted", _("kit de campagne supprimé")
        FUNDING_GRID_SAVED = "funding_grid.saved", _("grille de financement enregistrée")
        FUNDING_GRID_DELETED = "funding_grid.deleted", _("grille de financement supprimée")
        SIGN_IN_LOCKED = "sign_in.locked", _("connexion bloquée")
        ACCOUNT_CREATED = "account.created", _("compte créé")
        ROLES_CHANGED = "account.roles", _("rôles d'un compte modifiés")
        NETWORK_POST_SAVED = "network_post.saved", _("publication du réseau enregistrée")
        NETWORK_POST_DELETED = "network_post.deleted", _("publication du réseau supprimée")

    at = models.DateTimeField(_("le"), auto_now_add=True, db_index=True)
    actor = models.CharField(_("par"), max_length=254, blank=True, help_text=_("Compte, ou « commande »."))
    action = models.CharField(_("action"), max_length=32, choices=Action.choices, db_index=True)
    cpts = models.CharField(
        _("CPTS"), max_length=40, blank=True, db_index=True, help_text=_("Nom court ; vide pour le réseau.")
    )
    summary = models.CharField(_("résumé"), max_length=300)
    data = models.JSONField(_("détails"), default=dict, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("journal du réseau")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.cpts}".strip()


class PeriodicJobRun(models.Model):
    """When each periodic job last started and finished (``tenants.periodic``); one row a job."""

    name = models.CharField(_("tâche"), max_length=50, unique=True)
    started_at = models.DateTimeField(_("commencée le"))
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    summary = models.CharField(_("résultat"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("tâche périodique")
        verbose_name_plural = _("tâches périodiques")

    def __str__(self) -> str:
        return self.name
