"""``{% load aci_summary %}{% aci_published_summary %}``: the ACI summary a CPTS chose to publish.

For the theme's home or « missions » page. Renders nothing unless the CPTS publishes
its summary (« Contrat ACI › Exercices et rapports ») and has a year; the latest
year's figures (frozen once transmitted).
"""

from django import template

from aci.selectors import aci_contract, aci_years, latest_report, report_figures
from tenants.selectors import current_cpts

register = template.Library()


@register.inclusion_tag("aci/includes/summary.html")
def aci_published_summary() -> dict:
    cpts = current_cpts()
    if cpts is None or not aci_contract().publish_summary:
        return {"summary": None}
    aci_year = aci_years().first()
    report = latest_report(aci_year) if aci_year else None
    return {"summary": report_figures(report, cpts=cpts) if report else None}
