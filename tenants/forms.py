from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Stage


class CPTSCreateForm(forms.Form):
    """What the federation types to open a CPTS; cpts_create does the checking."""

    name = forms.CharField(label=_("Nom"), max_length=200)
    short_name = forms.CharField(
        label=_("Nom court"),
        max_length=40,
        help_text=_("Adresse du site : <nom court>.<domaine du réseau>. Ex. : metz"),
    )
    region_code = forms.CharField(label=_("Code région (INSEE)"), max_length=3)
    department_code = forms.CharField(label=_("Code département (INSEE)"), max_length=3)
    stage = forms.ChoiceField(label=_("Étape"), choices=Stage.choices, initial=Stage.IDEA)
    contact_email = forms.EmailField(label=_("E-mail de contact"), required=False)
    coordinator_email = forms.EmailField(
        label=_("E-mail du coordinateur"),
        help_text=_("Son compte est créé sans mot de passe ; un lien lui permet d'en choisir un."),
    )
