"""The CPTS admin's « Réseau » screen: follow sources, take their posts, see what follows what."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from content.models import HomePage
from tenants.selectors import active_cpts

from .forms import SubscriptionForm
from .models import Republication, Subscription
from .republish import (
    RepublishRefused,
    post_republish,
    posts_offered,
    republications_sync,
    subscription_add,
    subscription_remove,
)


def _may_publish(request) -> bool:
    """Taking a post publishes a page: the same right as publishing under the home page."""
    home = HomePage.objects.first()
    return home is not None and home.permissions_for_user(request.user).can_publish_subpage()


def _require_publisher(request) -> None:
    if not _may_publish(request):
        raise PermissionDenied


def network_index(request, form: SubscriptionForm | None = None):
    cpts = active_cpts()
    republications = Republication.objects.filter(subscriber=cpts).select_related("post").order_by("-pk")[:50]
    context = {
        "subscriptions": Subscription.objects.filter(subscriber=cpts).select_related("source_cpts"),
        "offered": posts_offered(cpts).select_related("cpts")[:50],
        "republications": republications,
        "form": form or SubscriptionForm(subscriber=cpts),
        "may_publish": _may_publish(request),
    }
    return TemplateResponse(request, "syndication/admin/network.html", context, status=400 if form else 200)


@require_POST
def subscription_add_view(request):
    _require_publisher(request)
    cpts = active_cpts()
    form = SubscriptionForm(request.POST, subscriber=cpts)
    if not form.is_valid():
        return network_index(request, form=form)
    subscription = subscription_add(cpts=cpts, **form.cleaned_data)
    report = republications_sync(cpts)
    messages.success(
        request,
        _("Abonnement à « %(source)s » enregistré. %(count)s publication(s) reprise(s).")
        % {"source": subscription, "count": report.republished},
    )
    return redirect("syndication_network")


@require_POST
def subscription_remove_view(request, subscription_id: int):
    _require_publisher(request)
    cpts = active_cpts()
    get_object_or_404(Subscription, pk=subscription_id, subscriber=cpts)
    subscription_remove(cpts=cpts, subscription_id=subscription_id)
    messages.success(request, _("Abonnement retiré. Les pages déjà reprises restent sur votre site."))
    return redirect("syndication_network")


@require_POST
def post_republish_view(request, post_id: int):
    _require_publisher(request)
    cpts = active_cpts()
    post = get_object_or_404(posts_offered(cpts), pk=post_id)
    try:
        page = post_republish(post=post, cpts=cpts)
    except RepublishRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("syndication_network")
    messages.success(
        request,
        _("« %(title)s » est publiée sur votre site ; elle suit sa source tant que vous ne la modifiez pas.")
        % {"title": page.title},
    )
    return redirect("syndication_network")


@require_POST
def sync_view(request):
    _require_publisher(request)
    report = republications_sync(active_cpts())
    messages.success(
        request,
        _("Synchronisé : %(new)s reprise(s), %(updated)s mise(s) à jour, %(down)s retirée(s) par la source.")
        % {"new": report.republished, "updated": report.updated, "down": report.taken_down},
    )
    return redirect("syndication_network")
