"""The association behind a CPTS: its identity, board, colleges and members.

Professionals appear here in their professional capacity only (name,
profession, organisation). No patient data has a place in these models.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tenants.vocabulary import Profession

rna_validator = RegexValidator(r"^W\d{9}$", _("Le numéro RNA s'écrit W suivi de 9 chiffres."))


def validate_siret(value: str) -> None:
    """14 digits passing the Luhn checksum (INSEE's rule for SIREN/SIRET)."""
    digits = [int(c) for c in value] if value.isdigit() and len(value) == 14 else None
    if digits is None:
        raise ValidationError(_("Le SIRET compte 14 chiffres."))
    total = sum(
        d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(reversed(digits))
    )
    if total % 10:
        raise ValidationError(_("Ce SIRET n'est pas valide (clé de contrôle)."))


class Association(models.Model):
    """The legal entity; one per CPTS."""

    class LegalForm(models.TextChoices):
        LAW_1901 = "law_1901", _("Association loi 1901")
        LOCAL_LAW = "local_law", _("Association de droit local (Alsace-Moselle)")

    name = models.CharField(_("nom"), max_length=200)
    legal_form = models.CharField(_("forme juridique"), max_length=16, choices=LegalForm.choices)
    created_on = models.DateField(_("date de création"), null=True, blank=True)
    rna = models.CharField(
        _("numéro RNA"),
        max_length=10,
        blank=True,
        validators=[rna_validator],
        help_text=_("Associations loi 1901 ; les associations de droit local n'en ont pas."),
    )
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, validators=[validate_siret])
    address = models.TextField(_("adresse du siège"), blank=True)

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("association")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if Association.objects.exclude(pk=self.pk).exists():
            raise ValidationError(_("La CPTS a déjà sa fiche association ; modifiez-la."))


class College(models.Model):
    """A college of the board of directors; each CPTS defines its own."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    seats = models.PositiveSmallIntegerField(_("sièges"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("collège")
        verbose_name_plural = _("collèges")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Mandate(models.Model):
    """A person's term in a role. Ended terms stay: they are the board's history."""

    class Role(models.TextChoices):
        PRESIDENT = "president", _("Président(e)")
        VICE_PRESIDENT = "vice_president", _("Vice-président(e)")
        TREASURER = "treasurer", _("Trésorier(ère)")
        DEPUTY_TREASURER = "deputy_treasurer", _("Trésorier(ère) adjoint(e)")
        SECRETARY = "secretary", _("Secrétaire")
        DEPUTY_SECRETARY = "deputy_secretary", _("Secrétaire adjoint(e)")
        ASSESSOR = "assessor", _("Assesseur")
        DIRECTOR = "director", _("Administrateur(trice)")

    # Roles that one person holds at a time.
    SINGLE_HOLDER_ROLES = (
        Role.PRESIDENT,
        Role.TREASURER,
        Role.DEPUTY_TREASURER,
        Role.SECRETARY,
        Role.DEPUTY_SECRETARY,
    )

    full_name = models.CharField(_("nom et prénom"), max_length=200)
    profession = models.CharField(_("profession"), max_length=32, choices=Profession.choices)
    organisation = models.CharField(_("structure"), max_length=200, blank=True)
    role = models.CharField(_("rôle"), max_length=32, choices=Role.choices)
    college = models.ForeignKey(
        College,
        verbose_name=_("collège"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mandates",
        help_text=_("Pour les membres du conseil d'administration."),
    )
    start = models.DateField(_("début du mandat"))
    end = models.DateField(_("fin du mandat"), null=True, blank=True, help_text=_("Vide : en cours."))

    class Meta:
        verbose_name = _("mandat")
        verbose_name_plural = _("mandats")
        ordering = ["role", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="mandate_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.get_role_display()}"

    @property
    def is_current(self) -> bool:

        return self.end is None or self.end >= timezone.localdate()

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("La fin du mandat précède son début.")})
        if self.role == self.Role.DIRECTOR and not self.college_id:
            raise ValidationError({"college": _("Un administrateur siège dans un collège.")})
        if self.role in self.SINGLE_HOLDER_ROLES and self.start:
            overlapping = (
                Mandate.objects.filter(role=self.role)
                .exclude(pk=self.pk)
                .filter(Q(end__isnull=True) | Q(end__gte=self.start))
            )
            if self.end:
                overlapping = overlapping.filter(start__lte=self.end)
            holder = overlapping.first()
            if holder:
                raise ValidationError(
                    _("%(role)s : ce mandat chevauche celui de %(name)s (depuis le %(start)s).")
                    % {
                        "role": self.get_role_display(),
                        "name": holder.full_name,
                        "start": holder.start.strftime("%d/%m/%Y"),
                    }
                )


class Coordinator(models.Model):
    full_name = models.CharField(_("nom et prénom"), max_length=200)
    title = models.CharField(_("fonction"), max_length=200, default=_("Coordinateur(trice)"))
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("téléphone"), max_length=20, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("coordinateur")
        verbose_name_plural = _("coordinateurs")
        ordering = ["sort_order", "full_name"]

    def __str__(self) -> str:
        return self.full_name


class ProfessionCount(models.Model):
    """How many professionals, by profession: members of the CPTS, or the local supply of care."""

    class Kind(models.TextChoices):
        MEMBERS = "members", _("adhérents de la CPTS")
        SUPPLY = "supply", _("offre de soins du territoire")

    kind = models.CharField(_("type"), max_length=8, choices=Kind.choices)
    profession = models.CharField(_("profession"), max_length=32, choices=Profession.choices)
    count = models.PositiveIntegerField(_("nombre"))
    as_of = models.DateField(_("à la date du"), help_text=_("La date des chiffres, pas celle de la saisie."))
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Où ce chiffre a été publié, ex. « Étude ORSAS 2016, Metz Métropole »."),
    )

    class Meta:
        verbose_name = _("effectif par profession")
        verbose_name_plural = _("effectifs par profession")
        ordering = ["kind", "profession"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "profession"], name="one_count_per_profession")
        ]

    def __str__(self) -> str:
        return f"{self.get_profession_display()} : {self.count}"

    def clean(self):
        super().clean()
        # A typed member count overrides the records (content.member_counts): it must say where from.
        if self.kind == self.Kind.MEMBERS and not self.source.strip():
            raise ValidationError(
                {"source": _("Un effectif d'adhérents saisi remplace les adhésions : indiquez sa source.")}
            )
