"""The « Candidater » form: what a student types, checked before anything is stored.

The CV is optional; when given it must really be a PDF (its first bytes, its
end marker), without active content (JavaScript, launch actions, embedded
files) and under ``CV_MAX_BYTES``. The honeypot and text caps are the contact
form's (content.contact).
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from content.contact import harden_contact_form
from tenants.vocabulary import StudyLevel

from .models import MESSAGE_HELP, MESSAGE_MAX_CHARS

CV_MAX_BYTES = 2 * 1024 * 1024
# Markers of what a CV has no business doing when opened by the recipient.
ACTIVE_PDF_MARKERS = (b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/EmbeddedFile")


def cv_refusal(upload: UploadedFile) -> str | None:
    """Why this file is not an acceptable CV, in French, or None."""
    if upload.size > CV_MAX_BYTES:
        return _("Le CV dépasse 2 Mo : allégez-le (images moins lourdes) ou envoyez-le sans photo.")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not data[:1024].lstrip().startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        return _(
            "Le CV doit être un fichier PDF (enregistrez-le « au format PDF » depuis votre "
            "traitement de texte)."
        )
    if any(marker in data for marker in ACTIVE_PDF_MARKERS):
        return _(
            "Ce PDF contient du contenu actif (script, pièce jointe) : enregistrez-le de nouveau "
            "en PDF simple."
        )
    return None


class ApplicationForm(forms.Form):
    full_name = forms.CharField(label=_("Nom et prénom"), max_length=150)
    email = forms.EmailField(
        label=_("Courriel"), help_text=_("Pour vous répondre ; un accusé de réception y est envoyé.")
    )
    training = forms.CharField(
        label=_("Formation"), max_length=150, help_text=_("Ex. DES de médecine générale, IFSI de Metz.")
    )
    level = forms.ChoiceField(label=_("Année ou niveau"), choices=[("", "—"), *StudyLevel.choices])
    message = forms.CharField(
        label=_("Message (facultatif)"),
        required=False,
        max_length=MESSAGE_MAX_CHARS,
        help_text=MESSAGE_HELP,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    cv = forms.FileField(
        label=_("CV (facultatif)"),
        required=False,
        help_text=_("Un fichier PDF de 2 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    consent = forms.BooleanField(label=_("J'accepte que la CPTS traite ma candidature."))

    def __init__(self, *args, privacy_url: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        harden_contact_form(self)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        notice = _(
            "Votre candidature est envoyée à la personne qui encadre le stage et conservée par la CPTS "
            "12 mois après la fin du stage, puis effacée."
        )
        if privacy_url:
            notice = format_html('{} <a href="{}">{}</a>', notice, privacy_url, _("Données personnelles"))
        self.fields["consent"].help_text = notice

    def clean_cv(self):
        upload = self.cleaned_data.get("cv")
        if upload:
            refusal = cv_refusal(upload)
            if refusal:
                raise forms.ValidationError(refusal, code="cv")
        return upload
