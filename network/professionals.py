"""« Trouver un professionnel », seen from the federation: the public copy of every CPTS's directory.

A row per member who consented to their CPTS's public directory, holding
what that CPTS's page shows and nothing more: never an e-mail address (a
contact written as one is left out), never an RPPS number, an address or a
decision. Written by ``members`` in the transaction of each change to a
member (``members.professional_copy``), rebuilt, withdrawn and checked with
the other public copies (``tenants.public_copies``). The federation's page
and API read only this table, never a CPTS's schema.

The words both sides share live here, at the lower layer, so that the CPTS's
page and the network's read the same limits: the languages a member may
declare (ISO 639-1 codes, French names) and for how long a self-declared
« accepte de nouveaux patients » stays shown without being confirmed again.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tenants.vocabulary import Profession

# A self-declared flag goes stale: shown for this many days after its last confirmation.
NEW_PATIENTS_DAYS_DEFAULT = 90
# The member is reminded this many days before it stops being shown.
NEW_PATIENTS_REMINDER_DAYS_DEFAULT = 14


class Language(models.TextChoices):
    """Languages spoken besides French, ISO 639-1 codes: a fixed list, never free text."""

    ENGLISH = "en", _("anglais")
    GERMAN = "de", _("allemand")
    ARABIC = "ar", _("arabe")
    ALBANIAN = "sq", _("albanais")
    CHINESE = "zh", _("chinois")
    SPANISH = "es", _("espagnol")
    ITALIAN = "it", _("italien")
    LUXEMBOURGISH = "lb", _("luxembourgeois")
    DUTCH = "nl", _("néerlandais")
    PERSIAN = "fa", _("persan")
    POLISH = "pl", _("polonais")
    PORTUGUESE = "pt", _("portugais")
    ROMANIAN = "ro", _("roumain")
    RUSSIAN = "ru", _("russe")
    TURKISH = "tr", _("turc")
    UKRAINIAN = "uk", _("ukrainien")
    VIETNAMESE = "vi", _("vietnamien")


def language_names(codes: list[str]) -> list[str]:
    labels = dict(Language.choices)
    return [str(labels[code]) for code in codes if code in labels]


def new_patients_days() -> int:
    """``CPTS_NEW_PATIENTS_DAYS``: days a « nouveaux patients » answer stays shown (90 by default)."""
    return int(getattr(settings, "CPTS_NEW_PATIENTS_DAYS", NEW_PATIENTS_DAYS_DEFAULT))


def new_patients_reminder_days() -> int:
    """``CPTS_NEW_PATIENTS_REMINDER_DAYS``: how long before it goes stale the member is reminded (14)."""
    return int(getattr(settings, "CPTS_NEW_PATIENTS_REMINDER_DAYS", NEW_PATIENTS_REMINDER_DAYS_DEFAULT))


def new_patients_fresh_since(today: date | None = None) -> date:
    """The oldest confirmation date still shown today."""
    return (today or timezone.localdate()) - timedelta(days=new_patients_days())


def new_patients_shown(answer: bool | None, confirmed_on: date | None) -> bool | None:
    """The answer as shown to the public: None when not given, or confirmed too long ago."""
    if answer is None or confirmed_on is None or confirmed_on < new_patients_fresh_since():
        return None
    return answer


class PublicProfessional(models.Model):
    """One consenting member of a CPTS as its directory shows them: the public copy, never more."""

    cpts = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="public_professionals")
    # The member's id in the CPTS's schema: what the copy is rewritten by.
    member_id = models.PositiveBigIntegerField()
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16)
    profession = models.CharField(max_length=32, blank=True)
    structure = models.CharField(max_length=200, blank=True)
    commune = models.ForeignKey("network.Commune", on_delete=models.PROTECT, related_name="+")
    # The contact the member chose, unless it is an e-mail address (never copied).
    contact = models.CharField(max_length=200, blank=True)
    accepts_new_patients = models.BooleanField(null=True)
    new_patients_confirmed_on = models.DateField(null=True)
    languages = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    step_free_access = models.BooleanField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cpts", "member_id"], name="one_public_professional_per_member")
        ]
        indexes = [models.Index(fields=["profession", "commune"], name="public_professional_search")]

    def __str__(self) -> str:
        return f"{self.cpts_id} · {self.name}"

    @property
    def new_patients(self) -> bool | None:
        return new_patients_shown(self.accepts_new_patients, self.new_patients_confirmed_on)

    @property
    def language_names(self) -> list[str]:
        return language_names(self.languages)

    @property
    def profession_label(self) -> str:
        return str(dict(Profession.choices).get(self.profession, ""))
