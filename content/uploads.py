"""What an editor uploads is checked and rewritten before it is stored.

- Images: formats a browser draws but cannot run (no SVG, which may carry
  script), at most ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``, and re-encoded by Willow
  (Wagtail's image library) on upload: the stored original is pixels written
  by us, not the uploaded bytes, so a polyglot file or a photo's EXIF (GPS
  position, camera serial) never reaches ``/media/``. EXIF orientation is
  applied first, so nothing turns sideways.
- Documents: the extensions of ``WAGTAILDOCS_EXTENSIONS`` (no HTML, no SVG),
  at most ``CPTS_DOCUMENT_MAX_BYTES``, served by Wagtail's view as an
  attachment unless PDF or plain text (``WAGTAILDOCS_INLINE_CONTENT_TYPES``).
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from willow.image import Image as WillowImage

# Willow's writer for each format it reads; anything else is refused.
_WRITERS = {"jpeg": "save_as_jpeg", "png": "save_as_png", "gif": "save_as_gif", "webp": "save_as_webp"}


def reencoded(upload) -> ContentFile:
    """The upload's pixels written anew in its own format, without its metadata."""

    upload.seek(0)
    image = WillowImage.open(upload)
    writer = _WRITERS.get(image.format_name)
    if writer is None:
        raise ValidationError(_("Format d'image non accepté : JPEG, PNG, GIF ou WebP."), code="format")
    if image.format_name == "jpeg":
        image = image.auto_orient()
    # Willow writes a JPEG's or WebP's EXIF back; the rewritten file carries none.
    pixels = image.get_pillow_image()
    for key in ("exif", "xmp", "comment", "photoshop"):
        pixels.info.pop(key, None)
    output = io.BytesIO()
    getattr(image, writer)(output)
    return ContentFile(output.getvalue(), name=upload.name)


class CPTSImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            return reencoded(upload)
        return upload


class CPTSDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.CPTS_DOCUMENT_MAX_BYTES
        if upload and "file" in self.changed_data and upload.size > limit:
            raise ValidationError(
                _("Document trop volumineux (%(size)d Mo) : %(max)d Mo au plus.")
                % {"size": upload.size // 1_000_000, "max": limit // 1_000_000},
                code="too_large",
            )
        return upload
