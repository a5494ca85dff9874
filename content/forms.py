from django import forms
from django.core.validators import URLValidator
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.models import Page

from tenants.vocabulary import OPTIONAL_MISSIONS


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
        help_text=_("Le jour de la signature, jamais une date à venir."),
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
        super().__init__(*args, **kwargs)
        self.fields["aci_optional_missions"].choices = [(m.value, m.label) for m in OPTIONAL_MISSIONS]

    def clean_frontend_origins(self):
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


class StaleSaveCheck:
    """A page form that refuses to save over a version saved since the editor opened it.

    Wagtail checks this for autosaves only; a plain "Enregistrer" or "Publier"
    from a form opened before a colleague's save would overwrite their work
    silently. Here it is refused with a message, and the form comes back with
    the editor's own changes still in it.
    """

    def clean(self):
        cleaned = super().clean()
        page = self.instance
        loaded = self.data.get("loaded_revision_id")
        if not (page.pk and loaded):
            return cleaned

        latest = Page.objects.select_related("latest_revision__user").get(pk=page.pk).latest_revision
        if latest is None:
            return cleaned
        loaded_at = self.data.get("loaded_revision_created_at")
        if loaded != str(latest.pk) or (loaded_at and loaded_at != latest.created_at.isoformat()):
            author = latest.user.get_full_name() or latest.user.get_username() if latest.user else None
            when = formats.date_format(timezone.localtime(latest.created_at), "j F Y à H:i")
            raise forms.ValidationError(
                _(
                    "%(who)s a enregistré cette page le %(when)s, après que vous l'avez ouverte. "
                    "Vos modifications ne sont pas enregistrées : copiez-les, rechargez la page "
                    "pour voir sa dernière version, puis reportez-les."
                )
                % {"who": author or _("Quelqu'un"), "when": when},
                code="stale",
            )
        return cleaned


# Paths a CPTS host answers before Wagtail's pages (cpts_network/urls_tenant.py):
# a section page under the home page with one of these slugs could never be seen.
RESERVED_SLUGS = frozenset({"admin", "api", "documents", "media", "recherche", "static"})


class ReservedSlugCheck:
    """Refuses, for a page right under the home page, a slug the site's own views answer."""

    def clean(self):
        cleaned = super().clean()
        parent = getattr(self, "parent_page", None)
        if parent is not None and parent.depth == 2 and cleaned.get("slug") in RESERVED_SLUGS:
            self.add_error(
                "slug",
                _("« %(slug)s » est une adresse réservée du site ; choisissez-en une autre.")
                % {"slug": cleaned["slug"]},
            )
        return cleaned


class CPTSPageForm(StaleSaveCheck, ReservedSlugCheck, WagtailAdminPageForm):
    pass


class CPTSFormPageForm(StaleSaveCheck, ReservedSlugCheck, WagtailAdminFormPageForm):
    pass
