"""``import_site``: a ``SourceSite`` into the current CPTS's page tree, collections and redirects.

Runs in the caller's schema. Each item is written in its own transaction, so a
failed item leaves nothing of itself and the others stand; the report says
which failed and why. Media first (pages link to them), then pages parents
first, then news and events. A page that links to a page created after it is
converted again once every page exists. A dry run goes through the same steps
and writes nothing. Images and documents pass the rules of an editor's upload
(``site_import.media``), read one at a time from a temporary file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import unquote

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backends
from modelsearch.tasks import insert_or_update_object_task
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from content.models import HomePage, StandardPage
from content.models.pages import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from tenants.tasks import tasks_held

from .media import media_save_upload
from .models import ImportedItem
from .page_tree import free_slug, parents_first
from .report import Action, ImportReport, ReportLine
from .richtext import Conversion, Target, html_to_blocks, plain_text
from .sources import IMPORT_ORDER, Kind, SourceItem, SourceSite

logger = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
PAGE_KINDS = (Kind.PAGE, Kind.NEWS, Kind.EVENT)
INDEXES = {
    Kind.NEWS: (NewsIndexPage, "Actualités", "actualites"),
    Kind.EVENT: (EventIndexPage, "Agenda", "agenda"),
}


def import_site(site: SourceSite, *, dry_run: bool, progress: Progress | None = None) -> ImportReport:
    """Import ``site`` (or only report what would be done, with ``dry_run``)."""
    return _Import(site, dry_run=dry_run, progress=progress or (lambda kind, done, total: None)).run()


class _Import:
    def __init__(self, site: SourceSite, *, dry_run: bool, progress: Progress):
        self.site = site
        self.dry_run = dry_run
        self.progress = progress
        self.report = ImportReport(source=site.source, dry_run=dry_run)
        self.items = {item.key: item for item in site.items}
        self.known = {
            row.key: row for row in ImportedItem.objects.filter(source=site.source).select_related("page")
        }
        self.targets: dict[str, object] = {key: row.target for key, row in self.known.items() if row.target}
        self.home = HomePage.objects.first()
        self.wagtail_site = Site.objects.filter(is_default_site=True).first()
        self.pending: list[SourceItem] = []
        self.lines: dict[str, ReportLine] = {}

    def run(self) -> ImportReport:
        if self.home is None:
            raise ValidationError("Ce site n'a pas de page d'accueil : créez-la avant d'importer.")
        # Each page is saved three times; it is indexed for search once, with the others, at the end.
        with tasks_held(insert_or_update_object_task) as held:
            try:
                self._items()
            finally:
                _index_in_bulk(held.of(insert_or_update_object_task))
        self._redirects()
        return self.report

    def _items(self) -> None:
        for skipped in self.site.skipped:
            self.report.add(ReportLine(skipped.key, "other", skipped.title, Action.SKIP, [skipped.reason]))
        for kind in IMPORT_ORDER:
            batch = [item for item in self.site.items if item.kind == kind]
            if kind == Kind.PAGE:
                batch = parents_first(batch)
            for done, item in enumerate(batch, 1):
                self._one(item)
                self.progress(kind, done, len(batch))
        for item in self.pending:
            self._again(item)

    # --- One item, in its own transaction.
    def _one(self, item: SourceItem) -> None:
        row = self.known.get(item.key)
        exists = row is not None and row.target is not None
        line = self.report.add(
            ReportLine(item.key, item.kind, item.title, Action.UPDATE if exists else Action.CREATE, [])
        )
        self.lines[item.key] = line
        if item.status_note:
            line.notes.append(item.status_note)
        line.notes.extend(item.notes)
        if exists and not issubclass(_class_of(row.target), _model_of(item.kind)):
            # Changed type in the former site (a page become a post): updating would mix two types.
            line.action = Action.FAIL
            line.notes.append(
                "déjà importé comme un autre type de contenu : supprimez-le dans l'admin, "
                "puis importez de nouveau"
            )
            return
        if exists and row.checksum == item.fingerprint():
            line.action = Action.UNCHANGED
            line.url = _url_of(row.target)
            return
        if item.kind in (Kind.IMAGE, Kind.DOCUMENT) and item.load_file is None:
            line.action = Action.SKIP
            line.notes.append(f"fichier « {item.file_name} » absent des fichiers joints à l'export")
            return
        if item.kind == Kind.EVENT and (item.start is None or item.end is None):
            line.action = Action.SKIP
            line.notes.append("événement sans dates de début et de fin")
            return
        if self.dry_run:
            if item.kind in PAGE_KINDS:
                try:
                    line.notes.extend(self._convert(item).notes)
                except Exception as error:  # noqa: BLE001 - as in the import: the item is reported
                    line.action = Action.FAIL
                    line.notes.append(_why(error))
            return
        try:
            # Wagtail saves a page three times (add, revision, publication); its reference
            # index is written once, when the item is whole (Wagtail's own bulk switch).
            with transaction.atomic(), disable_reference_index_auto_update():
                target = self._write(item, row.target if exists else None, line)
                ReferenceIndex.create_or_update_for_object(target)
                ImportedItem.objects.update_or_create(
                    source=self.site.source,
                    key=item.key,
                    defaults={"checksum": item.fingerprint(), **_target_fields(target)},
                )
        except Exception as error:  # noqa: BLE001 - any failure of one item is reported, the others go on
            line.action = Action.FAIL
            line.notes.append(_why(error))
            return
        self.targets[item.key] = target
        line.url = _url_of(target)

    def _write(self, item: SourceItem, existing, line: ReportLine):
        if item.kind == Kind.IMAGE:
            return self._media(get_image_model(), item, existing)
        if item.kind == Kind.DOCUMENT:
            return self._media(get_document_model(), item, existing)
        conversion = self._convert(item)
        line.notes.extend(conversion.notes)
        if conversion.pending:
            self.pending.append(item)
        page = existing.specific if existing else self._new_page(item, line)
        self._fill(page, item, conversion)
        if existing is None:
            parent = self._parent(item, line)
            page.slug = free_slug(parent, page.slug, line)
            parent.add_child(instance=page)
        revision = page.save_revision(log_action=True)
        if item.live:
            revision.publish()
        return page

    def _again(self, item: SourceItem) -> None:
        """Convert a page's body again, now that every page it links to exists."""
        page = self.targets.get(item.key)
        if page is None:
            return
        try:
            with transaction.atomic(), disable_reference_index_auto_update():
                page = page.specific
                page.body = self._convert(item).blocks
                revision = page.save_revision()
                if item.live:
                    revision.publish()
                ReferenceIndex.create_or_update_for_object(page)
        except Exception as error:  # noqa: BLE001
            self.lines[item.key].notes.append(
                f"liens internes laissés vers les anciennes adresses : {_why(error)}"
            )

    # --- Pages.
    def _convert(self, item: SourceItem) -> Conversion:
        return html_to_blocks(item.html, self._resolve)

    def _resolve(self, url: str) -> Target | None:
        key = self.site.locate(url)
        if key is None or key not in self.items:
            return None
        item, target = self.items[key], self.targets.get(key)
        if item.kind in (Kind.IMAGE, Kind.DOCUMENT):
            available = item.load_file is not None and (self.dry_run or target is not None)
            return Target(item.kind, getattr(target, "pk", None), available, _url_of(target), item.alt)
        return Target(item.kind, getattr(target, "pk", None))

    def _new_page(self, item: SourceItem, line: ReportLine) -> Page:
        slug = slugify(unquote(item.slug)) or slugify(item.title) or "page"
        page = {Kind.PAGE: StandardPage, Kind.NEWS: NewsArticlePage, Kind.EVENT: EventPage}[item.kind](
            slug=slug
        )
        page.first_published_at = item.published if item.live else None
        page.live = False  # until its revision is published: a draft stays a draft
        return page

    def _fill(self, page: Page, item: SourceItem, conversion: Conversion) -> None:
        page.title = item.title[:255]
        page.body = conversion.blocks
        summary = plain_text(item.summary)
        if item.kind == Kind.PAGE:
            page.introduction = summary
        elif item.kind == Kind.NEWS:
            page.introduction = summary
            page.date = timezone.localtime(item.published).date() if item.published else timezone.localdate()
            page.author = item.author[:255]
            page.tags.set([tag[:100] for tag in item.tags])
        else:
            page.start, page.end, page.place = item.start, item.end, item.place[:255]

    def _parent(self, item: SourceItem, line: ReportLine) -> Page:
        if item.kind == Kind.PAGE:
            parent = self.targets.get(item.parent_key or "")
            if isinstance(parent, Page) and isinstance(parent.specific, StandardPage):
                return parent.specific
            if item.parent_key and item.parent_key in self.items:
                line.notes.append("page parente non importée : placée sous l'accueil")
            return self.home
        model, title, slug = INDEXES[item.kind]
        index = model.objects.child_of(self.home).first()
        if index is None:
            index = model(title=title, slug=free_slug(self.home, slug, line))
            self.home.add_child(instance=index)
            index.save_revision().publish()
            self.report.notes.append(f"page « {title} » créée pour recevoir les {title.lower()} importées")
        return index

    # --- Media, in a collection of their own, through the upload rules.
    def _media(self, model, item: SourceItem, existing):
        with item.load_file() as upload:
            return media_save_upload(
                instance=existing or model(),
                title=item.title.strip() or item.file_name or "(sans titre)",
                upload=upload,
                collection=existing.collection if existing else self._collection(),
            )

    def _collection(self) -> Collection:
        name = f"Import {self.site.system} : {self.site.source.split(':', 1)[1]}"[:255]
        found = Collection.objects.filter(name=name).first()
        if found is None:
            found = Collection.get_first_root_node().add_child(name=name)
        return found

    # --- Old addresses.
    def _redirects(self) -> None:
        if self.dry_run:
            for item in self.site.items:
                line = self.lines.get(item.key)
                if line is not None and line.action not in (Action.SKIP, Action.FAIL):
                    self.report.redirects += len(item.old_urls)
            return
        redirects: dict[str, Redirect] = {}  # by old path: the last item to claim one wins
        for item in self.site.items:
            target = self.targets.get(item.key)
            if target is None:
                continue
            page = target if isinstance(target, Page) else None
            own = Redirect.normalise_path(page.url) if page is not None and page.url else None
            for address in item.old_urls:
                try:
                    old_path = Redirect.normalise_path(address)[:255]
                except ValueError:  # "http://[": no path a visitor could ask for
                    continue
                if old_path != own and "\x00" not in old_path:  # else the page answers there itself
                    redirects[old_path] = Redirect(
                        old_path=old_path,
                        site=self.wagtail_site,
                        redirect_page=page,
                        redirect_link="" if page else _url_of(target),
                        is_permanent=True,
                    )
        # One statement per 500 instead of a lookup and a write per address; a re-import updates.
        Redirect.objects.bulk_create(
            redirects.values(),
            batch_size=500,
            update_conflicts=True,
            unique_fields=["old_path", "site"],
            update_fields=["redirect_page", "redirect_link", "is_permanent"],
        )
        self.report.redirects = len(redirects)


def _index_in_bulk(calls: list[tuple[tuple, dict]]) -> None:
    """Do the held ``insert_or_update_object_task`` calls a model at a time, as ``update_index`` does."""
    pks_by_model: dict[tuple[str, str], list[str]] = {}
    for (app_label, model_name, pk), _kwargs in calls:
        pks_by_model.setdefault((app_label, model_name), []).append(pk)
    for (app_label, model_name), pks in pks_by_model.items():
        model = apps.get_model(app_label, model_name)
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        for backend in get_search_backends(with_auto_update=True):
            try:
                backend.add_bulk(model, objects)
            except Exception:
                # As modelsearch does on each save: a search server down loses no page.
                if not backend.catch_indexing_errors:
                    raise
                logger.exception("Indexation de %s impossible après l'import", model_name)


def _model_of(kind: Kind) -> type:
    return {
        Kind.PAGE: StandardPage,
        Kind.NEWS: NewsArticlePage,
        Kind.EVENT: EventPage,
        Kind.IMAGE: get_image_model(),
        Kind.DOCUMENT: get_document_model(),
    }[kind]


def _class_of(target) -> type:
    # A page's specific class from its content type (cached): no query per page on a re-import.
    return target.specific_class if isinstance(target, Page) else type(target)


def _target_fields(target) -> dict:
    if isinstance(target, Page):
        return {"page": target, "image": None, "document": None}
    if isinstance(target, get_image_model()):
        return {"page": None, "image": target, "document": None}
    return {"page": None, "image": None, "document": target}


def _url_of(target) -> str:
    if target is None:
        return ""
    if isinstance(target, Page):
        return target.url or ""
    if isinstance(target, get_image_model()):
        return target.file.url
    return target.url


def _why(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return f"{type(error).__name__} : {error}"
