from django.apps import AppConfig


class TeamConfig(AppConfig):
    name = "team"
    verbose_name = "Équipe"
    default_auto_field = "django.db.models.BigAutoField"
