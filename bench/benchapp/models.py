"""A tenant app that exists for benchmarks only: its one migration is "the new migration"."""

from django.db import models


class BenchNote(models.Model):
    text = models.CharField(max_length=100)

    class Meta:
        app_label = "benchapp"
        indexes = [models.Index(fields=["text"], name="benchnote_text_idx")]

    def __str__(self) -> str:
        return self.text
