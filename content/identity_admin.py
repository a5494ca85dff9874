"""*Identité du site* in the CPTS admin: logo, colour, hero image, footer data, legal publisher.

Registered from ``content/wagtail_hooks.py``. The form is Wagtail's model form,
so the images are picked with Wagtail's chooser (and were re-encoded when
uploaded, ``content/uploads.py``); the save goes through
``site_identity_update``, which validates the colour's contrast.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from .models import SiteIdentity
from .services.identity import site_identity_for, site_identity_update

PERMISSION = "content.change_siteidentity"
FIELDS = [
    "logo",
    "primary_colour",
    "hero_image",
    "hero_alt",
    "address",
    "phone",
    "contact_email",
    "linkedin_url",
    "facebook_url",
    "instagram_url",
    "mastodon_url",
    "publication_director",
    "host_name",
    "host_address",
    "host_phone",
]


class SiteIdentityForm(WagtailAdminModelForm):
    class Meta:
        model = SiteIdentity
        fields = FIELDS


@permission_required(PERMISSION, raise_exception=True)
def site_identity_edit(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    identity = site_identity_for(site)
    form = SiteIdentityForm(request.POST or None, instance=identity)
    if request.method == "POST" and form.is_valid():
        try:
            site_identity_update(site=site, **{name: form.cleaned_data[name] for name in FIELDS})
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Identité du site enregistrée."))
            return redirect("content_identity")
    return TemplateResponse(
        request,
        "content/admin/site_identity.html",
        {"form": form, "header_title": _("Identité du site"), "legal_hint": True},
    )


@hooks.register("register_admin_urls")
def identity_admin_urls():
    return [path("identity/", site_identity_edit, name="content_identity")]


class IdentityMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def identity_menu_item():
    return IdentityMenuItem(_("Identité du site"), reverse("content_identity"), icon_name="image", order=100)
