from django import forms
from django.utils.translation import gettext_lazy as _

from .roles import ROLES


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne"))
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=[(role.name, f"{role.name} — {role.description}") for role in ROLES],
        widget=forms.RadioSelect,
    )
