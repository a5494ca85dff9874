"""French where the browser or Wagtail writes English in a CPTS's admin (``static/network/admin-french.js``).

The federation's Django admin loads the same files (``cpts_network/templates/admin/base_site.html``), so
both admins show « Choisir un fichier » instead of the browser's « Choose File ».
"""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def french_file_inputs_js():
    # Deferred, like content's admin-start.js: it runs once the page is parsed.
    return format_html('<script src="{}" defer></script>', static("network/admin-french.js"))


@hooks.register("insert_global_admin_css")
def french_file_inputs_css():
    return format_html('<link rel="stylesheet" href="{}">', static("network/admin-french.css"))
