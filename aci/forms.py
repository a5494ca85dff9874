"""Forms of the ACI year's admin screens."""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AciAction, AciContract, AciIndicatorYear, AciYear


class ContractForm(forms.ModelForm):
    class Meta:
        model = AciContract
        fields = ["payment_rule", "first_year", "publish_summary"]


class OpenYearForm(forms.Form):
    year = forms.IntegerField(label=_("Exercice à ouvrir"), min_value=2019, max_value=2100)


class YearForm(forms.ModelForm):
    class Meta:
        model = AciYear
        fields = ["serious_crisis"]


class LevelsField(forms.CharField):
    """The contract's levels typed as « 50:50, 80:100 » (value:share paid) rather than JSON."""

    def prepare_value(self, value):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return value
        return ", ".join(f"{v}:{s}" for v, s in value or [])

    def to_python(self, value):
        text = (value or "").strip()
        if not text:
            return []
        try:
            pairs = [[float(part) for part in item.split(":")] for item in text.split(",")]
        except ValueError:
            pairs = None
        if pairs is None or any(len(pair) != 2 for pair in pairs):
            raise ValidationError(_("Écrivez les paliers « valeur:pourcentage », séparés par des virgules."))
        return [[_plain(v), _plain(s)] for v, s in pairs]


def _plain(number: float):
    return int(number) if number == int(number) else number


class IndicatorYearForm(forms.ModelForm):
    levels = LevelsField(label=_("paliers"), required=False, help_text=_("Ex. 50:50, 80:100"))

    class Meta:
        model = AciIndicatorYear
        fields = ["baseline", "target", "weight", "levels", "source", "value"]


class ActionForm(forms.ModelForm):
    class Meta:
        model = AciAction
        fields = ["status"]


class ValidateForm(forms.Form):
    reference = forms.CharField(label=_("Référence du dialogue de gestion"), max_length=100)


class YearRowsFormSet(forms.BaseModelFormSet):
    """A year's rows only: Django checks a posted row id against every row of the table, so a row
    of another year (or an unknown id) would come back as a bare new object; refuse the form instead."""

    def clean(self):
        super().clean()
        allowed = {row.pk for row in self.get_queryset()}
        if any(form.instance.pk not in allowed for form in self.forms):
            raise ValidationError(
                _("Une ligne envoyée ne fait pas partie de cet exercice : rechargez la page.")
            )


IndicatorFormSet = forms.modelformset_factory(
    AciIndicatorYear, form=IndicatorYearForm, formset=YearRowsFormSet, extra=0
)
ActionFormSet = forms.modelformset_factory(AciAction, form=ActionForm, formset=YearRowsFormSet, extra=0)
