from django import forms
from django.utils.translation import gettext_lazy as _


class SiteImportForm(forms.Form):
    export = forms.FileField(
        label=_("Export du site"),
        help_text=_(
            "WordPress : Outils > Exporter > Tout le contenu (un fichier .xml). Plone 6.1 : Configuration "
            "du site > Exporter (une archive .zip, qui contient déjà les images et fichiers)."
        ),
    )
    uploads = forms.FileField(
        label=_("Fichiers du site WordPress (ZIP)"),
        required=False,
        help_text=_(
            "Le dossier wp-content/uploads compressé en ZIP (votre hébergeur le fournit) : sans lui, "
            "les images et documents ne sont pas importés."
        ),
    )

    @staticmethod
    def too_large_message(limit: int) -> str:
        return (
            f"Envoi refusé : il dépasse {limit // 1_000_000} Mo. Importez les fichiers en plusieurs fois "
            "ou demandez à l'hébergeur du réseau d'augmenter la limite (CPTS_IMPORT_MAX_BYTES)."
        )
