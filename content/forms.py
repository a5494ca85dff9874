from django import forms
from django.utils.translation import gettext_lazy as _


class TerritoryImportForm(forms.Form):
    text = forms.CharField(
        label=_("Liste de communes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Une commune par ligne (ou séparées par des virgules), comme dans vos documents : "
            "« St-Julien-lès-Metz », « Ancy/Moselle », codes INSEE…"
        ),
    )
    file = forms.FileField(
        label=_("ou un fichier"),
        required=False,
        help_text=_("Texte ou CSV (noms ou codes INSEE), UTF-8 ou Latin-1."),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("file"):
            raise forms.ValidationError(_("Collez une liste ou choisissez un fichier."))
        return cleaned


class ACIContractForm(forms.Form):
    aci_signed_on = forms.DateField(
        label=_("Contrat ACI signé le"),
        required=False,
        # An HTML date input only reads ISO dates, whatever the language.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    aci_optional_missions = forms.MultipleChoiceField(
        label=_("Missions optionnelles engagées"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les quatre missions socles sont engagées dès la signature."),
    )
    frontend_origins = forms.CharField(
        label=_("Front-ends autorisés à lire l'API (CORS)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Une adresse par ligne, ex. https://www.cpts-metz.fr"),
    )

    def __init__(self, *args, **kwargs):
        from network.vocabulary import OPTIONAL_MISSIONS

        super().__init__(*args, **kwargs)
        self.fields["aci_optional_missions"].choices = [(m.value, m.label) for m in OPTIONAL_MISSIONS]

    def clean_frontend_origins(self):
        from django.core.validators import URLValidator

        origins = [line.strip().rstrip("/") for line in self.cleaned_data["frontend_origins"].splitlines()]
        origins = [o for o in origins if o]
        for origin in origins:
            try:
                URLValidator(schemes=["http", "https"])(origin)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("« %(o)s » n'est pas une adresse valide.") % {"o": origin}
                ) from error
        return origins
