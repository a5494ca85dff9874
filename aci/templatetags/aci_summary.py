"""``{% load aci_summary %}{% aci_published_summary %}``: the ACI summary a CPTS chose to publish.

For the theme's home or « missions » page. Renders nothing unless the CPTS publishes
its summary (« Contrat ACI › Exercices et rapports ») and has a year; the latest
year's figures (frozen once transmitted).
"""

from django import template

from aci.selectors import published_summary

register = template.Library()


@register.inclusion_tag("aci/includes/summary.html")
def aci_published_summary() -> dict:
    return {"summary": published_summary()}
