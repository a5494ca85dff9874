from django.db import migrations


def first_note(apps, schema_editor):
    apps.get_model("replay_app", "ReplayNote").objects.create(text="Première note")


def no_note(apps, schema_editor):
    apps.get_model("replay_app", "ReplayNote").objects.filter(text="Première note").delete()


class Migration(migrations.Migration):
    # Python: migrate_network leaves it to Django's own path.
    dependencies = [("replay_app", "0001_initial")]
    operations = [migrations.RunPython(first_note, no_note)]
