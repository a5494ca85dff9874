from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="BenchNote",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("text", models.CharField(max_length=100)),
            ],
        ),
        migrations.AddIndex(
            model_name="benchnote",
            index=models.Index(fields=["text"], name="benchnote_text_idx"),
        ),
    ]
