"""Writes on the CPTS lifecycle: create, update, add a host, archive, restore.

Each service runs in one transaction and validates everything before the
first statement, so a refused or failed call leaves the database as it was:
no schema without its row, no row without its schema, no Site on a host the
network does not route. The admin, the commands and the API all call these.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tenants.signals import post_schema_sync
from django_tenants.utils import schema_context, schema_exists

from .addresses import public_url
from .audit import audit_record
from .models import CPTS, AuditEntry, CPTSArchive, Domain, Stage
from .postgres import pg_dump_schema
from .public_copies import public_copies_rebuild, public_copies_withdraw
from .schema_template import create_schema_from_template, migration_fingerprint, replayable_sql
from .validators import schema_name_for, validate_hostname

UPDATABLE_FIELDS = {
    "name",
    "region_code",
    "department_code",
    "stage",
    "letter_of_intent_on",
    "health_project_validated_on",
    "aci_signed_on",
    "contact_email",
    "frontend_url",
    "frontend_origins",
    "aci_optional_missions",
    "demo_notice",
}


class DatabaseUnavailableError(RuntimeError):
    """The database could not be reached; nothing was written."""


@dataclass(frozen=True)
class CPTSCreated:
    cpts: CPTS
    coordinator_email: str
    # Where the coordinator chooses a password (when none was given).
    password_setup_url: str | None


def _check_host_available(host: str, *, field: str = "domain") -> None:
    try:
        validate_hostname(host)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    if host in settings.FEDERATION_HOSTS:
        raise ValidationError({field: _("L'hôte « %(host)s » est celui de la fédération.") % {"host": host}})
    if Domain.objects.filter(domain=host).exists():
        raise ValidationError({field: _("L'hôte « %(host)s » est déjà utilisé.") % {"host": host}})


def _unavailable(error: Exception) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(
        _("Base de données injoignable : %(error)s") % {"error": str(error).strip().splitlines()[0]}
    )


def cpts_create(
    *,
    name: str,
    short_name: str,
    region_code: str,
    department_code: str,
    coordinator_email: str,
    coordinator_password: str | None = None,
    stage: str = Stage.IDEA,
    contact_email: str = "",
    frontend_url: str = "",
    aci_optional_missions: list[str] | None = None,
    **stage_dates,
) -> CPTSCreated:
    """Create a CPTS: its row, its schema (from the template), its host, site and coordinator.

    Without a password the coordinator's account gets none, and the returned
    URL lets them choose one; no account is ever copied from the template.
    """
    short_name = (short_name or "").strip().lower()
    cpts = CPTS(
        name=(name or "").strip(),
        short_name=short_name,
        schema_name=schema_name_for(short_name),
        region_code=region_code,
        department_code=(department_code or "").upper(),
        stage=stage,
        contact_email=contact_email,
        frontend_url=frontend_url,
        aci_optional_missions=aci_optional_missions or [],
        **{k: v for k, v in stage_dates.items() if k.endswith("_on")},
    )
    host = f"{short_name}.{settings.CPTS_BASE_DOMAIN}"
    try:
        cpts.full_clean()
        _check_host_available(host, field="short_name")
        _validate_coordinator_email(coordinator_email)
        if schema_exists(cpts.schema_name):
            # A schema nobody owns: never adopt or overwrite it silently.
            raise ValidationError(
                {
                    "short_name": _("Un schéma « %(schema)s » existe déjà dans la base.")
                    % {"schema": cpts.schema_name}
                }
            )
        with transaction.atomic():
            create_schema_from_template(cpts.schema_name)
            cpts.save()
            Domain.objects.create(tenant=cpts, domain=host, is_primary=True)
            with schema_context(cpts.schema_name):
                # Receivers (content.signals) give the schema its home page and Site.
                post_schema_sync.send(sender=CPTS, tenant=cpts)
                setup_url = _coordinator_create(
                    email=coordinator_email, password=coordinator_password, host=host
                )
            audit_record(
                action=AuditEntry.Action.CPTS_CREATED,
                cpts=cpts.short_name,
                summary=f"{cpts.name} créée ({host}).",
                data={"coordinator": coordinator_email, "stage": cpts.stage},
            )
    except (OperationalError, InterfaceError) as error:
        raise _unavailable(error) from error
    return CPTSCreated(cpts=cpts, coordinator_email=coordinator_email, password_setup_url=setup_url)


def _validate_coordinator_email(email: str) -> None:
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(
            {"coordinator_email": _("Adresse e-mail invalide : « %(email)s ».") % {"email": email}}
        ) from error


def _coordinator_create(*, email: str, password: str | None, host: str) -> str | None:
    """The CPTS's first account, an administrator of its own schema only."""
    user = get_user_model().objects.create_user(
        username=email, email=email, password=password, is_staff=True, is_superuser=True
    )
    if password:
        return None
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return public_url(host, f"/admin/password_reset/confirm/{uid}/{token}/")


def cpts_update(*, cpts: CPTS, **fields) -> CPTS:
    """Change a CPTS's record. The short name (its schema and host) cannot change here."""
    unknown = set(fields) - UPDATABLE_FIELDS
    if unknown:
        raise ValidationError({name: _("Ce champ ne peut pas être modifié.") for name in sorted(unknown)})
    if "aci_signed_on" in fields and "stage" not in fields:
        # Signing (or un-signing) the contract is the stage change: keep the two together.
        if fields["aci_signed_on"]:
            fields["stage"] = Stage.ACI_SIGNED
        elif cpts.stage == Stage.ACI_SIGNED:
            fields["stage"] = Stage.HEALTH_PROJECT_VALIDATED
    for field, value in fields.items():
        setattr(cpts, field, value)
    cpts.full_clean()
    try:
        with transaction.atomic():
            cpts.save(update_fields=[*fields, "updated_at"])
            audit_record(
                action=AuditEntry.Action.CPTS_UPDATED,
                cpts=cpts.short_name,
                summary=f"{cpts.name} : {', '.join(sorted(fields))}.",
                data={name: str(value) for name, value in fields.items()},
            )
    except (OperationalError, InterfaceError) as error:
        raise _unavailable(error) from error
    return cpts


def domain_add(*, cpts: CPTS, domain: str, is_primary: bool = False) -> Domain:
    """Make a CPTS answer on another host (its own domain name, for instance)."""
    host = (domain or "").strip().lower()
    _check_host_available(host)
    with transaction.atomic():
        record = Domain.objects.create(tenant=cpts, domain=host, is_primary=is_primary)
        if is_primary:
            with schema_context(cpts.schema_name):
                from wagtail.models import Site

                Site.objects.filter(is_default_site=True).update(hostname=host)
    return record


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class CPTSBundle:
    """What ``cpts_export`` wrote: a schema dump, a media archive and a manifest naming them."""

    manifest_path: Path
    dump_path: Path
    media_path: Path | None


def _write_bundle(cpts: CPTS, directory: Path) -> CPTSBundle:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
    base = directory / f"{cpts.schema_name}-{stamp}"
    dump_path = base.with_suffix(".sql")
    pg_dump_schema(cpts.schema_name, output=dump_path)
    if f"CREATE SCHEMA {cpts.schema_name};" not in dump_path.read_text(encoding="utf-8"):
        raise RuntimeError(
            _("La sauvegarde de %(schema)s est incomplète ; rien n'a été supprimé.")
            % {"schema": cpts.schema_name}
        )
    media_dir = Path(settings.MEDIA_ROOT) / cpts.schema_name
    media_path = None
    if media_dir.exists():
        media_path = Path(f"{base}-media.tar.gz")
        with tarfile.open(media_path, "w:gz") as tar:
            tar.add(media_dir, arcname=cpts.schema_name)
    manifest = {
        "format": 1,
        "name": cpts.name,
        "short_name": cpts.short_name,
        "schema_name": cpts.schema_name,
        "domains": list(cpts.domains.order_by("-is_primary", "domain").values_list("domain", flat=True)),
        "metadata": _cpts_metadata(cpts),
        "dump": dump_path.name,
        "dump_sha256": _sha256(dump_path),
        "media": media_path.name if media_path else "",
        # The importing install must have applied exactly these migrations.
        "migrations": migration_fingerprint(cpts.schema_name),
        "exported_at": timezone.now().isoformat(),
    }
    manifest_path = Path(f"{base}.json")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return CPTSBundle(manifest_path=manifest_path, dump_path=dump_path, media_path=media_path)


def cpts_export(*, cpts: CPTS, directory: Path) -> CPTSBundle:
    """Write a CPTS's schema, media and a manifest to ``directory``; the CPTS stays as it is.

    ``cpts_import`` in another install (same version, same migrations) brings it back there.
    """
    return _write_bundle(cpts, Path(directory))


def cpts_import(*, manifest_path: Path) -> CPTS:
    """Bring a CPTS exported from another install into this one (schema, row, hosts, media)."""
    manifest_path = Path(manifest_path)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValidationError(_("Manifeste illisible : %(path)s.") % {"path": manifest_path}) from error
    if manifest.get("migrations") != migration_fingerprint():
        raise ValidationError(
            _(
                "Cette exportation vient d'une installation à un autre niveau de migrations : "
                "mettez les deux installations à la même version avant d'importer."
            )
        )
    folder = manifest_path.parent
    with transaction.atomic():
        archive = CPTSArchive.objects.create(
            name=manifest["name"],
            short_name=manifest["short_name"],
            schema_name=manifest["schema_name"],
            domains=manifest["domains"],
            metadata=manifest["metadata"],
            dump_path=str(folder / manifest["dump"]),
            media_path=str(folder / manifest["media"]) if manifest["media"] else "",
            dump_sha256=manifest["dump_sha256"],
        )
        return cpts_restore(archive=archive)


def cpts_archive(*, cpts: CPTS, archive_dir: Path | None = None) -> CPTSArchive:
    """Dump a CPTS's schema and media, check the dump, then remove the CPTS.

    Nothing is dropped until both files are on disk and the dump has been
    read back; the archive record says how to restore it (``cpts_restore``).
    """
    bundle = _write_bundle(cpts, Path(archive_dir or settings.CPTS_ARCHIVE_DIR))
    dump_path = bundle.dump_path
    media_dir = Path(settings.MEDIA_ROOT) / cpts.schema_name
    media_path = str(bundle.media_path) if bundle.media_path else ""

    with transaction.atomic():
        archive = CPTSArchive.objects.create(
            name=cpts.name,
            short_name=cpts.short_name,
            schema_name=cpts.schema_name,
            domains=list(cpts.domains.order_by("-is_primary", "domain").values_list("domain", flat=True)),
            metadata=_cpts_metadata(cpts),
            dump_path=str(dump_path),
            media_path=media_path,
            dump_sha256=_sha256(dump_path),
        )
        # Its communes stop counting as covered, its offers and campaigns leave
        # the network's listings, before its row goes.
        public_copies_withdraw(cpts)
        # django-tenants drops the schema (quoted, refused outside the public
        # schema); auto_drop_schema stays off so that no other delete can.
        cpts.delete(force_drop=True)
        audit_record(
            action=AuditEntry.Action.CPTS_ARCHIVED,
            cpts=archive.short_name,
            summary=f"{archive.name} archivée ({dump_path.name}).",
            data={"dump": str(dump_path), "sha256": archive.dump_sha256},
        )
    if media_path:
        shutil.rmtree(media_dir, ignore_errors=True)
    return archive


def _cpts_metadata(cpts: CPTS) -> dict:
    fields = UPDATABLE_FIELDS | {"short_name"}
    return {
        field: (value.isoformat() if hasattr(value, "isoformat") else value)
        for field in sorted(fields)
        if (value := getattr(cpts, field)) is not None
    }


def cpts_restore(*, archive: CPTSArchive) -> CPTS:
    """Bring an archived CPTS back: schema from its dump, row, hosts and media."""
    dump_path = Path(archive.dump_path)
    if not dump_path.exists() or _sha256(dump_path) != archive.dump_sha256:
        raise ValidationError(_("La sauvegarde %(path)s est absente ou altérée.") % {"path": dump_path})
    if schema_exists(archive.schema_name) or CPTS.objects.filter(short_name=archive.short_name).exists():
        raise ValidationError(_("Une CPTS « %(name)s » existe déjà.") % {"name": archive.short_name})
    for host in archive.domains:
        _check_host_available(host)
    sql = replayable_sql(dump_path.read_text(encoding="utf-8"))
    dates = {
        k: timezone.datetime.fromisoformat(v).date() for k, v in archive.metadata.items() if k.endswith("_on")
    }
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
            cpts = CPTS(
                schema_name=archive.schema_name,
                **{k: v for k, v in archive.metadata.items() if not k.endswith("_on")},
                **dates,
            )
            cpts.full_clean()
            cpts.save()
            for index, host in enumerate(archive.domains):
                Domain.objects.create(tenant=cpts, domain=host, is_primary=index == 0)
            # Archiving withdrew its public copies: claims, offers, campaigns.
            public_copies_rebuild(cpts)
            audit_record(
                action=AuditEntry.Action.CPTS_RESTORED,
                cpts=cpts.short_name,
                summary=f"{cpts.name} restaurée depuis {dump_path.name}.",
                data={"dump": str(dump_path)},
            )
            archive.delete()
    except (OperationalError, InterfaceError) as error:
        raise _unavailable(error) from error
    except DatabaseError as error:
        # The server answered and refused: the dump does not fit this install.
        first_line = str(error).strip().splitlines()[0]
        raise ValidationError(
            _("La sauvegarde n'a pas pu être rejouée : %(error)s") % {"error": first_line}
        ) from error
    if archive.media_path and Path(archive.media_path).exists():
        with tarfile.open(archive.media_path) as tar:
            tar.extractall(Path(settings.MEDIA_ROOT), filter="data")
    return cpts
