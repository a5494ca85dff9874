"""« Partage avec l'observatoire »: a year's indicators, their catalogue codes and who may see each value.

Reading is open to every role that reads the ACI year; choosing is the
Coordination's (``aci.permissions``): opening a value to the public is the
association's decision, as editing the contract is.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network.observatory import IndicatorDefinition
from tenants.services import public_url

from .forms import YearRowsFormSet
from .models import AciIndicatorYear
from .permissions import may_edit, may_read, require
from .selectors import aci_year_get
from .sharing import indicator_sharing_update


class SharingForm(forms.ModelForm):
    catalogue = forms.ModelChoiceField(
        IndicatorDefinition.objects.all(),
        required=False,
        label=gettext_lazy("indicateur du catalogue national"),
        empty_label=gettext_lazy("— aucun : indicateur propre à la CPTS —"),
    )

    class Meta:
        model = AciIndicatorYear
        fields = ["audience", "professionals"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A forged row id leaves a bare instance (the formset refuses it): no indicator to read then.
        if self.instance.indicator_id:
            self.fields["catalogue"].initial = self.instance.indicator.catalogue_id


SharingFormSet = forms.modelformset_factory(
    AciIndicatorYear, form=SharingForm, formset=YearRowsFormSet, extra=0
)


def indicator_sharing(request, year: int):
    require(may_read(request.user) and (request.method != "POST" or may_edit(request.user)))
    aci_year = aci_year_get(year)
    if aci_year is None:
        raise Http404
    rows = aci_year.indicators.select_related("indicator__catalogue").order_by(
        "indicator__mission", "indicator__name"
    )
    formset = SharingFormSet(
        request.POST if request.method == "POST" else None, prefix="share", queryset=rows
    )
    if request.method == "POST":
        if formset.is_valid():
            choices = [
                (
                    form.instance,
                    form.cleaned_data["catalogue"],
                    form.cleaned_data["audience"],
                    form.cleaned_data["professionals"],
                )
                for form in formset.forms
            ]
            try:
                indicator_sharing_update(cpts=request.tenant, aci_year=aci_year, choices=choices)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Partage de l'exercice %(y)s enregistré.") % {"y": year})
                return redirect("aci_year_sharing", year=year)
        else:
            messages.error(request, _("Le partage n'est pas enregistré : corrigez les cases signalées."))
    return TemplateResponse(
        request,
        "aci/admin/sharing.html",
        {
            "aci_year": aci_year,
            "formset": formset,
            "may_edit": may_edit(request.user),
            "observatory_url": public_url(settings.FEDERATION_HOSTS[0], "/observatoire/"),
        },
    )
