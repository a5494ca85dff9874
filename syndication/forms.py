"""Forms: a CPTS follows a source (its admin); the federation writes a post (the federation's admin)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Department, Region
from tenants.models import CPTS
from tenants.vocabulary import Mission

from .models import NetworkPost, Subscription
from .rich_text import travelling_rich_text


class SubscriptionForm(forms.Form):
    source = forms.ChoiceField(label=_("Suivre"), choices=Subscription.Source.choices)
    source_cpts = forms.ModelChoiceField(
        label=_("CPTS suivie"), queryset=CPTS.objects.none(), required=False, empty_label=_("—")
    )
    theme = forms.ChoiceField(label=_("Thème"), choices=[("", "—"), *Mission.choices], required=False)
    automatic = forms.BooleanField(
        label=_("Reprendre automatiquement chaque nouvelle publication"),
        required=False,
        help_text=_("Sinon, chaque publication vous est proposée ici et vous choisissez de la reprendre."),
    )

    def __init__(self, *args, subscriber: CPTS, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_cpts"].queryset = CPTS.objects.exclude(pk=subscriber.pk).order_by("name")

    def clean(self) -> dict:
        data = super().clean()
        source = data.get("source")
        if source == Subscription.Source.CPTS and not data.get("source_cpts"):
            self.add_error("source_cpts", _("Choisissez la CPTS à suivre."))
        if source == Subscription.Source.THEME and not data.get("theme"):
            self.add_error("theme", _("Choisissez le thème à suivre."))
        if source != Subscription.Source.CPTS:
            data["source_cpts"] = None
        if source != Subscription.Source.THEME:
            data["theme"] = ""
        return data


def _region_choices():
    return [("", _("Tout le réseau")), *Region.objects.order_by("name").values_list("code", "name")]


class FederationPostForm(forms.ModelForm):
    registration_url = forms.URLField(
        label=_("Inscription"), max_length=500, required=False, assume_scheme="https"
    )
    body = forms.CharField(
        label=_("Texte"),
        widget=forms.Textarea,
        required=False,
        help_text=_("HTML simple : titres, gras, italique, listes et liens http(s). Le reste est retiré."),
    )

    class Meta:
        model = NetworkPost
        fields = [
            "kind",
            "title",
            "published_by",
            "theme",
            "region_code",
            "department_code",
            "date",
            "start",
            "end",
            "place",
            "registration_url",
            "summary",
            "body",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region_code"] = forms.ChoiceField(
            label=_("Région"), choices=_region_choices, required=False
        )
        self.fields["department_code"].required = False
        self.fields["summary"].max_length = 1000
        # An event's date is its first day: asked of news only.
        self.fields["date"].required = False
        self.fields["published_by"].initial = _("La fédération")

    def clean_department_code(self) -> str:
        code = self.cleaned_data.get("department_code", "").strip().upper()
        if code and not Department.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Département inconnu : %(code)s.") % {"code": code[:10]})
        return code

    def clean_body(self) -> str:
        return travelling_rich_text(self.cleaned_data.get("body", ""))

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == NetworkPost.Kind.EVENT:
            if data.get("start"):
                data["date"] = timezone.localdate(data["start"])
        elif not data.get("date"):
            self.add_error("date", _("Une actualité a une date."))
        return data
