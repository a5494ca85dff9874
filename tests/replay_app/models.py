from django.conf import settings
from django.db import models


class ReplayNote(models.Model):
    text = models.CharField(max_length=100)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["text"], name="replaynote_text_idx")]

    def __str__(self) -> str:
        return self.text
