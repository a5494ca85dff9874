"""Who does what with the ACI year, in terms of the permissions the team's roles already hold.

- read (the year's table, the reports): the permission to read the ACI indicators,
  which every role has (``team.roles``: Coordination, Rédaction, Bureau, Lecture);
- edit (open a year, type values, transmit, open a correction): the permission to
  change the ACI indicators — Coordination only;
- validate (record the review's outcome): the permission to publish pages at the
  root, the Bureau's (and Coordination's) mark of validation in Wagtail's workflow.

Existing permissions rather than new ones of this app: the roles are installed by a
data migration of ``team`` that ran before these models existed; the mapping above
keeps « Bureau validates » true without touching another app.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies.pages import PagePermissionPolicy

READ = "content.view_missionindicator"
EDIT = "content.change_missionindicator"


def may_read(user) -> bool:
    return user.has_perm(READ)


def may_edit(user) -> bool:
    return user.has_perm(EDIT)


def may_validate(user) -> bool:
    return user.is_active and PagePermissionPolicy().user_has_permission(user, "publish")


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
