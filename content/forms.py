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
