"""Wagtail wiring of applications: the form posted on offer pages, the admin's list and CVs."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from content.models import InternshipOfferPage

from .admin_views import ApplicationViewSet, ReceivedOnlyPolicy, application_cv
from .models import InternshipApplication
from .views import application_post


# Wagtail checks a page's view restrictions in its own ``on_serve_page`` hook (order 0), after
# every ``before_serve_page`` hook; with a later order this one is served inside that check, so a
# POST on a private offer meets the same sign-in or password form as a GET.
@hooks.register("on_serve_page", order=1)
def offer_application_post(serve):
    def serve_or_apply(page, request, serve_args, serve_kwargs):
        # An offer's page answers GET as content renders it; a POST on it is an application.
        if request.method == "POST" and isinstance(page, InternshipOfferPage):
            return application_post(request, page)
        return serve(page, request, serve_args, serve_kwargs)

    return serve_or_apply


register_permission_policy(InternshipApplication, ReceivedOnlyPolicy(InternshipApplication), exact_class=True)


@hooks.register("register_admin_viewset")
def register_applications_viewset():
    return ApplicationViewSet()


@hooks.register("register_admin_urls")
def register_cv_url():
    return [path("candidatures-cv/<int:pk>/", application_cv, name="applications_cv")]
