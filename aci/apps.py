from django.apps import AppConfig


class AciConfig(AppConfig):
    name = "aci"
    verbose_name = "Contrat ACI"
    default_auto_field = "django.db.models.BigAutoField"
