"""An imported image or document passes the rules of an editor's upload, through the same form.

Wagtail's upload views check a file with the image or document form its settings
name (``WAGTAILIMAGES_IMAGE_FORM_BASE``, ``WAGTAILDOCS_DOCUMENT_FORM_BASE``: here
``content.uploads``' forms), built by Wagtail's ``get_image_form`` and
``get_document_form``. The import builds the same forms, limited to the title and
the file: the formats and their extensions (no SVG), the size and pixel caps, the
image rewritten without its metadata (EXIF, bytes after its end), the document's
extensions and size. A rule added to the uploads applies to imports unchanged.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection


def media_save_upload(*, instance, title: str, upload: UploadedFile, collection: Collection):
    """Save ``upload`` as ``instance``'s file (an image or a document), as the admin's upload form would.

    Raises ``ValidationError`` (French, the form's own messages) when an editor's
    upload of the same file would be refused. ``instance`` is new or the one a
    previous import made; its former file is deleted once the new one is committed.
    """
    model = type(instance)
    build = get_image_form if issubclass(model, get_image_model()) else get_document_form
    form = build(model, fields=["title", "file"])(
        data={"title": title[:255], "collection": collection.pk},
        files={"file": upload},
        instance=instance,
    )
    former = instance.file.name if instance.pk and instance.file else ""
    if not form.is_valid():
        messages = [message for errors in form.errors.values() for message in errors]
        raise ValidationError(f"« {upload.name} » refusé comme un envoi dans l'admin : {' '.join(messages)}")
    # Not form.save(): Wagtail's indexes at once, the import indexes its items together at its end.
    media = form.save(commit=False)
    media.save()
    if former and former != media.file.name:
        if hasattr(media, "renditions"):
            media.renditions.all().delete()
        storage = media.file.storage
        transaction.on_commit(lambda: storage.delete(former))
    return media
