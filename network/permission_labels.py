"""Permissions in French, in the federation's user and group forms.

Django names a permission in English when it creates it (« Can add user »),
whatever the language, and the admin lists them by that name. Here a
permission reads « application | objet | action » from the French names of its
app and model and the action of its codename. Kept apart from
``federation_accounts`` because the admin site imports it before Django's
auth admin may be imported.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

# The four actions Django creates for every model, and the project's and Wagtail's own.
ACTIONS = {"add": _("ajouter"), "change": _("modifier"), "delete": _("supprimer"), "view": _("voir")}
OWN_ACTIONS = {
    "access_admin": _("accéder à l'administration"),
    "publish_page": _("publier"),
    "bulk_delete_page": _("supprimer avec les sous-pages"),
    "lock_page": _("verrouiller"),
    "unlock_page": _("déverrouiller"),
    "choose_image": _("choisir"),
    "choose_document": _("choisir"),
    "add_locale": _("ajouter une langue"),
}
# Apps whose French name Django cannot find (no gettext in their AppConfig).
APP_NAMES = {
    "django_tasks_database": _("Tâches différées"),
    "otp_static": _("Codes de secours"),
    "otp_totp": _("Applications d'authentification"),
}
# Libraries whose models have English names only (no gettext in their Meta).
MODEL_NAMES = {
    "otp_static.staticdevice": _("jeu de codes de secours"),
    "otp_static.statictoken": _("code de secours"),
    "otp_totp.totpdevice": _("application d'authentification"),
    "django_tasks_database.dbtaskresult": _("résultat de tâche différée"),
}


def permission_label(permission) -> str:
    """« Application | objet | action », in French (the permission's own name is English)."""
    content_type = permission.content_type
    label = f"{content_type.app_label}.{content_type.model}"
    app = APP_NAMES.get(content_type.app_label)
    if app is None:
        try:
            app = apps.get_app_config(content_type.app_label).verbose_name
        except LookupError:
            app = content_type.app_label
    model = content_type.model_class()
    what = MODEL_NAMES.get(label) or (model._meta.verbose_name if model else content_type.model)
    return f"{app} | {what} | {permission_action(permission)}"


def permission_action(permission) -> str:
    """The action alone (« publier »), where the object is already said (Wagtail's permission matrix)."""
    codename = permission.codename
    return str(OWN_ACTIONS.get(codename) or ACTIONS.get(codename.partition("_")[0]) or codename)


class FrenchPermissionsMixin:
    """The permissions of a user or group form, labelled by ``permission_label``."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field
