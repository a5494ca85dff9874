"""The four roles of a CPTS's team, as Django groups with Wagtail's permissions.

``roles_install`` takes an app registry so that a data migration (historical
models) and a running install (``django.apps.apps``) share one definition; it
is idempotent: run again, it adds what is missing and takes away from each
role what its definition no longer grants.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps as django_apps

COORDINATION = "Coordination"
WRITING = "Rédaction"
BOARD = "Bureau"
READING = "Lecture"

# Wagtail's default groups, renamed in place so that their members keep their roles.
WAGTAIL_DEFAULTS = {"Moderators": BOARD, "Editors": WRITING}
WORKFLOW_NAME = "Validation du bureau"
TASK_NAME = "Validation par le bureau"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

PAGE_ALL = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
MEDIA = ("wagtailimages.image", "wagtaildocs.document")
# The admin's reading screens (territory, governance, ACI indicators, members' counts).
READ_MODELS = (
    "content.territorycommune",
    "content.association",
    "content.college",
    "content.mandate",
    "content.coordinator",
    "content.professioncount",
    "content.missionindicator",
    "content.indicatorvalue",
)

READ_PERMISSIONS = tuple(f"{label.split('.')[0]}.view_{label.split('.')[1]}" for label in READ_MODELS)


@dataclass(frozen=True)
class Role:
    name: str
    description: str
    page: tuple[str, ...] = ()
    media: tuple[str, ...] = ()  # actions on images and documents: add, change, choose, delete
    models: tuple[str, ...] = ()  # "app.codename"
    everything: bool = False  # every model permission of the schema


ROLES = (
    Role(
        COORDINATION,
        "Tout dans le site de la CPTS, utilisateurs et rôles compris.",
        page=PAGE_ALL,
        media=("add", "change", "choose", "delete"),
        everything=True,
    ),
    Role(
        WRITING,
        "Écrit les pages et les campagnes et les soumet au bureau ; ne publie pas.",
        page=("add_page", "change_page"),
        media=("add", "change", "choose"),
        models=READ_PERMISSIONS,
    ),
    Role(
        BOARD,
        "Valide ou renvoie ce qui lui est soumis, et publie.",
        page=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        media=("add", "change", "choose"),
        # The board decides the adhésions (members.admin_views).
        models=(*READ_PERMISSIONS, "members.view_membership", "members.change_membership"),
    ),
    Role(
        READING,
        "Consulte l'administration (pages, territoire, indicateurs, effectifs) sans rien modifier.",
        models=READ_PERMISSIONS,
    ),
)
ROLE_NAMES = tuple(role.name for role in ROLES)


@dataclass
class _Registry:
    apps: object
    permissions: dict = field(default_factory=dict)

    def model(self, label: str):
        return self.apps.get_model(label)

    def permission(self, app_label: str, codename: str):
        key = (app_label, codename)
        if key not in self.permissions:
            self.permissions[key] = self.model("auth.Permission").objects.get(
                content_type__app_label=app_label, codename=codename
            )
        return self.permissions[key]


def roles_install(apps=django_apps) -> None:
    """Create or bring up to date the four roles and the bureau's workflow in the current schema."""
    registry = _Registry(apps)
    Group = registry.model("auth.Group")
    for old, new in WAGTAIL_DEFAULTS.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    Page = registry.model("wagtailcore.Page")
    Collection = registry.model("wagtailcore.Collection")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        _grant_models(registry, group, role)
        if root_page is not None:
            _grant_pages(registry, group, role, root_page)
        if root_collection is not None:
            _grant_media(registry, group, role, root_collection)
    if root_page is not None:
        _workflow_install(registry, root_page, Group.objects.get(name=BOARD))


def _grant_models(registry: _Registry, group, role: Role) -> None:
    Permission = registry.model("auth.Permission")
    if role.everything:
        wanted = set(Permission.objects.values_list("pk", flat=True))
    else:
        wanted = {registry.permission("wagtailadmin", "access_admin").pk}
        wanted |= {registry.permission(*name.split(".")).pk for name in role.models}
    group.permissions.set(Permission.objects.filter(pk__in=wanted))


def _grant_pages(registry: _Registry, group, role: Role, root_page) -> None:
    GroupPagePermission = registry.model("wagtailcore.GroupPagePermission")
    granted = GroupPagePermission.objects.filter(group=group)
    wanted = [registry.permission("wagtailcore", codename) for codename in role.page]
    granted.exclude(page=root_page, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)


def _grant_media(registry: _Registry, group, role: Role, root_collection) -> None:
    GroupCollectionPermission = registry.model("wagtailcore.GroupCollectionPermission")
    wanted = [
        registry.permission(label.split(".")[0], f"{action}_{label.split('.')[1]}")
        for label in MEDIA
        for action in role.media
    ]
    if role.everything:
        wanted += [registry.permission("wagtailcore", f"{a}_collection") for a in ("add", "change", "delete")]
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root_collection, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )


def _workflow_install(registry: _Registry, root_page, board) -> None:
    """Wagtail's default workflow, renamed, its one task done by the Bureau, on the whole site."""
    Workflow = registry.model("wagtailcore.Workflow")
    Task = registry.model("wagtailcore.GroupApprovalTask")
    WorkflowTask = registry.model("wagtailcore.WorkflowTask")
    WorkflowPage = registry.model("wagtailcore.WorkflowPage")
    ContentType = registry.model("contenttypes.ContentType")
    workflow = (
        Workflow.objects.filter(name=WORKFLOW_NAME).first()
        or Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
        or Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    )
    workflow.name = WORKFLOW_NAME
    workflow.save(update_fields=["name"])
    link = WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order").first()
    if link is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = Task.objects.create(name=TASK_NAME, content_type=content_type, active=True)
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    else:
        task = Task.objects.get(pk=link.task_id)
        task.name = TASK_NAME
        task.save(update_fields=["name"])
    task.groups.set([board])
    if not WorkflowPage.objects.filter(page=root_page).exists():
        WorkflowPage.objects.create(page=root_page, workflow=workflow)
