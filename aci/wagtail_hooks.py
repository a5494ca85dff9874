"""« Contrat ACI » in the CPTS admin: the content app's contract screen and this app's years, one submenu."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views, sharing_views
from .selectors import published_summary


@hooks.register("register_admin_urls")
def aci_admin_urls():
    return [
        path("aci-years/", admin_views.years_index, name="aci_years"),
        path("aci-years/<int:year>/", admin_views.year_detail, name="aci_year"),
        path("aci-years/<int:year>/recount/", admin_views.year_recount, name="aci_year_recount"),
        path("aci-years/<int:year>/sharing/", sharing_views.indicator_sharing, name="aci_year_sharing"),
        path("aci-years/<int:year>/transmit/", admin_views.report_transmit, name="aci_report_transmit"),
        path("aci-years/<int:year>/validate/", admin_views.report_validate, name="aci_report_validate"),
        path("aci-years/<int:year>/correct/", admin_views.report_correct, name="aci_report_correct"),
        path(
            "aci-years/<int:year>/reports/<int:version>.pdf",
            admin_views.report_pdf_view,
            name="aci_report_pdf",
        ),
        path(
            "aci-years/<int:year>/reports/<int:version>.xlsx",
            admin_views.report_xlsx_view,
            name="aci_report_xlsx",
        ),
    ]


@hooks.register("construct_main_menu")
def aci_submenu(request, menu_items):
    """The content app registers « Contrat ACI » as one link; it becomes a submenu with the years.

    Done here (``aci`` sits above ``content``) so that ``content`` needs no knowledge of this app.
    """
    for index, item in enumerate(menu_items):
        if getattr(item, "name", "") == "contrat-aci" and not isinstance(item, SubmenuMenuItem):
            submenu = Menu(
                items=[
                    MenuItem(_("Contrat et financement maximal"), item.url, icon_name="doc-full", order=1),
                    MenuItem(_("Exercices et rapports"), reverse("aci_years"), icon_name="table", order=2),
                ]
            )
            menu_items[index] = SubmenuMenuItem(
                item.label, submenu, icon_name=item.icon_name, order=item.order, name=item.name
            )
            return


@hooks.register("cpts_home_sections")
def aci_summary_on_home(page) -> str:
    """The published ACI summary on the CPTS's home page (``content.selectors.home``'s extension point)."""
    summary = published_summary()
    return render_to_string("aci/includes/summary.html", {"summary": summary}) if summary else ""
