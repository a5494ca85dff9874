from django.apps import AppConfig


class ReplayAppConfig(AppConfig):
    """A tenant app for tests only: its migrations are what ``migrate_network`` replays in tests."""

    name = "tests.replay_app"
    label = "replay_app"
    default_auto_field = "django.db.models.BigAutoField"
