"""Deleting a federation account, in the public schema.

``auth`` lives in every schema, and Django's deletion collector follows every
relation to ``User`` of every installed app: Wagtail's profiles, revisions and
page owners too, whose tables exist in CPTS schemas only. In the public
schema the collector would query them and fail. ``PublicSchemaCollector``
follows only the relations whose table is in the schema being written (the
django-tenants router decides), so the federation's admin can delete a staff
account and what the public schema holds about it (second factors, admin
history).

Permissions are shown in French (``network.permission_labels``).
"""

from django.contrib.admin.utils import NestedObjects
from django.contrib.auth.admin import UserAdmin
from django.db import router
from django.db.models import Model, QuerySet
from django.db.models.deletion import Collector
from django.utils.text import capfirst

from .permission_labels import FrenchPermissionsMixin


class _SchemaBound:
    def related_objects(self, related_model, related_fields, objs):
        if not router.allow_migrate_model(self.using, related_model):
            return related_model._base_manager.using(self.using).none()
        return super().related_objects(related_model, related_fields, objs)


class PublicSchemaCollector(_SchemaBound, Collector):
    pass


class PublicSchemaNestedObjects(_SchemaBound, NestedObjects):
    """The admin's "what will be deleted" tree, bound to the schema in the same way."""


def federation_accounts_delete(accounts: QuerySet | list[Model], *, using: str = "default") -> int:
    collector = PublicSchemaCollector(using=using, origin=accounts)
    collector.collect(list(accounts))
    deleted, _per_model = collector.delete()
    return deleted


class FederationUserAdmin(FrenchPermissionsMixin, UserAdmin):
    """Django's user admin, deleting through the schema-bound collector."""

    def get_deleted_objects(self, objs, request):
        collector = PublicSchemaNestedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(list(objs))
        described = collector.nested(lambda obj: f"{capfirst(obj._meta.verbose_name)} : {obj}")
        counts = {model._meta.verbose_name_plural: len(objs) for model, objs in collector.model_objs.items()}
        protected = [str(obj) for obj in collector.protected]
        return described, counts, set(), protected

    def delete_model(self, request, obj) -> None:
        federation_accounts_delete([obj])

    def delete_queryset(self, request, queryset) -> None:
        federation_accounts_delete(queryset)
