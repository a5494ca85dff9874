"""The public adhésion form: what it asks, in the order a professional fills it in."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.contact import harden_contact_form
from network.professionals import Language, new_patients_days
from network.resolution import commune_find
from tenants.emails import EmailFormError, email_normalize
from tenants.vocabulary import Profession

from .identifiers import finess_clean, rpps_clean
from .models.records import Membership


def _normal_email(value: str) -> str:
    try:
        return email_normalize(value)
    except EmailFormError as error:
        raise forms.ValidationError(str(error)) from error


class AdhesionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("J'adhère en tant que"), choices=Membership.Kind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Nom et prénom, ou nom de la structure"), max_length=200)
    profession = forms.ChoiceField(
        label=_("Profession"), choices=[("", "—"), *Profession.choices], required=False
    )
    structure = forms.CharField(label=_("Structure d'exercice (facultatif)"), max_length=200, required=False)
    rpps = forms.CharField(
        label=_("Numéro RPPS"),
        max_length=20,
        required=False,
        help_text=_("11 chiffres, pour un professionnel."),
    )
    finess = forms.CharField(
        label=_("Numéro FINESS"),
        max_length=20,
        required=False,
        help_text=_("9 caractères, pour une structure."),
    )
    address = forms.CharField(label=_("Adresse d'exercice"), max_length=300)
    commune = forms.CharField(
        label=_("Commune d'exercice"),
        max_length=100,
        help_text=_("Son nom, son code postal ou son code INSEE."),
    )
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Téléphone (facultatif)"), max_length=30, required=False)
    statutes = forms.BooleanField(label=_("J'ai lu et j'accepte les statuts de la CPTS"))
    directory_consent = forms.BooleanField(
        label=_(
            "J'accepte de figurer dans l'annuaire public des adhérents "
            "(vous pourrez vous en retirer à tout moment)"
        ),
        required=False,
    )
    directory_contact = forms.CharField(
        label=_("Contact à afficher dans l'annuaire (facultatif)"), max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        harden_contact_form(self)

    def clean_email(self) -> str:
        return _normal_email(self.cleaned_data["email"])

    def clean_rpps(self) -> str:
        value = self.cleaned_data["rpps"].strip()
        return rpps_clean(value) if value else ""

    def clean_finess(self) -> str:
        value = self.cleaned_data["finess"].strip()
        return finess_clean(value) if value else ""

    def clean(self) -> dict:
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Membership.Kind.PROFESSIONAL:
            if not cleaned.get("profession"):
                self.add_error("profession", _("Indiquez votre profession."))
            if not cleaned.get("rpps") and "rpps" not in self.errors:
                self.add_error("rpps", _("Le numéro RPPS d'un professionnel est demandé."))
        if kind == Membership.Kind.STRUCTURE and not cleaned.get("finess") and "finess" not in self.errors:
            self.add_error("finess", _("Le numéro FINESS d'une structure est demandé."))
        return cleaned


class MembershipEditForm(forms.ModelForm):
    """What the board corrects at a member's request, and the year of the fee paid."""

    commune = forms.CharField(
        label=_("Commune d'exercice"), max_length=100, help_text=_("Nom, code postal ou code INSEE.")
    )

    class Meta:
        model = Membership
        fields = [
            "name",
            "profession",
            "structure",
            "address",
            "commune",
            "email",
            "phone",
            "directory_contact",
            "fee_year",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["commune"] = self.instance.commune_id

    def clean_email(self) -> str:
        return _normal_email(self.cleaned_data["email"])

    def clean_commune(self):
        commune = commune_find(self.cleaned_data["commune"])
        if commune is None:
            raise forms.ValidationError(_("Commune inconnue."))
        return commune

    def clean_fee_year(self):
        year = self.cleaned_data["fee_year"]
        if year is not None and not 2000 <= year <= timezone.localdate().year + 1:
            raise forms.ValidationError(_("Une année entre 2000 et l'an prochain."))
        return year


YES_NO_UNSAID = [("", _("je ne le précise pas")), ("yes", _("oui")), ("no", _("non"))]


def _yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class DirectoryEntryForm(forms.Form):
    """What a member declares for « Trouver un professionnel »: public facts, chosen from lists only."""

    accepts_new_patients = forms.ChoiceField(
        label=_("J'accepte de nouveaux patients"),
        choices=YES_NO_UNSAID,
        required=False,
        widget=forms.RadioSelect,
    )
    languages = forms.MultipleChoiceField(
        label=_("Langues parlées en plus du français"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    step_free_access = forms.ChoiceField(
        label=_("Mon lieu d'exercice est accessible de plain-pied (PMR)"),
        choices=YES_NO_UNSAID,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, membership: Membership, **kwargs):
        def said(value: bool | None) -> str:
            return "" if value is None else ("yes" if value else "no")

        kwargs.setdefault(
            "initial",
            {
                "accepts_new_patients": said(membership.accepts_new_patients),
                "languages": membership.languages,
                "step_free_access": said(membership.step_free_access),
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["accepts_new_patients"].help_text = _(
            "Votre réponse s'affiche %(days)s jours après votre dernière confirmation, puis disparaît ; "
            "nous vous écrivons avant pour la confirmer en un clic."
        ) % {"days": new_patients_days()}

    def entry(self) -> dict:
        """The cleaned answers, as ``directory_entry_update`` takes them."""
        return {
            "accepts_new_patients": _yes_no(self.cleaned_data["accepts_new_patients"]),
            "languages": self.cleaned_data["languages"],
            "step_free_access": _yes_no(self.cleaned_data["step_free_access"]),
        }
