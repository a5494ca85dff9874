"""The CPTS admin's *Importer un site*: upload an export, read the dry run's report, then import.

The browser sends the files again for the import (a second click on the same
form): nothing is kept between two requests, so any app server can answer
either. An upload over ``CPTS_IMPORT_MAX_BYTES`` is refused from its announced
length, before Django reads a byte of it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from .forms import SiteImportForm
from .services import import_site
from .sources import ExportUnreadable
from .sources.reading import read_export

TEMPLATE = "site_import/admin/import.html"


@csrf_exempt
def site_import_view(request):
    # CSRF is checked below, once the announced size is known to be acceptable:
    # Django's check would otherwise read (and spool to disk) the whole upload first.
    # Bringing a whole site in is the coordination's (team.roles: Coordination; superusers).
    if not request.user.has_perm("site_import.add_importeditem"):
        raise PermissionDenied
    limit = settings.CPTS_IMPORT_MAX_BYTES
    if request.method == "POST" and int(request.META.get("CONTENT_LENGTH") or 0) > limit:
        return TemplateResponse(
            request,
            TEMPLATE,
            {"form": SiteImportForm(), "error": SiteImportForm.too_large_message(limit)},
            status=413,
        )
    return _site_import(request)


@csrf_protect
def _site_import(request):
    if request.method != "POST":
        return TemplateResponse(request, TEMPLATE, {"form": SiteImportForm()})
    form = SiteImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, {"form": form}, status=400)
    dry_run = "import" not in request.POST
    with tempfile.TemporaryDirectory(prefix="cpts-import-") as folder:
        export = _stored(form.cleaned_data["export"], Path(folder) / "export")
        uploads = form.cleaned_data.get("uploads")
        try:
            site = read_export(
                export,
                uploads=_stored(uploads, Path(folder) / "uploads.zip") if uploads else None,
                max_bytes=settings.CPTS_IMPORT_MAX_BYTES,
            )
            report = import_site(site, dry_run=dry_run)
        except (ExportUnreadable, ValidationError) as error:
            message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            return TemplateResponse(request, TEMPLATE, {"form": form, "error": message}, status=400)
    return TemplateResponse(request, TEMPLATE, {"form": SiteImportForm(), "report": report})


def _stored(upload, path: Path) -> Path:
    with path.open("wb") as file:
        for chunk in upload.chunks():
            file.write(chunk)
    return path
