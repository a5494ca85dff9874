"""Wagtail wiring of unscheduled care: the way to it from the CPTS's home page."""

from django.template.loader import render_to_string
from wagtail import hooks

from .national_numbers import national_data
from .selectors import live_unscheduled_care_page

# On the home page, the numbers to call before any visit: emergency, then the doctor on duty.
HOME_NUMBERS = ("15", "116 117")


@hooks.register("cpts_home_sections")
def unscheduled_care_on_home(page) -> str:
    """« Besoin d'un médecin ce soir ? »: the two numbers and the way to the page (content's extension point).

    The page sat only in the sitemap: a visitor looking for care tonight found no way to it.
    """
    care = live_unscheduled_care_page()
    if care is None:
        return ""
    numbers = [number for number in national_data().numbers if number.number in HOME_NUMBERS]
    return render_to_string("unscheduled_care/includes/home_section.html", {"care": care, "numbers": numbers})
