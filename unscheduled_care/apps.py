from django.apps import AppConfig


class UnscheduledCareConfig(AppConfig):
    name = "unscheduled_care"
    verbose_name = "Soins non programmés"
    default_auto_field = "django.db.models.BigAutoField"
