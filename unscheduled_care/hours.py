"""Opening hours: the days and times an editor gives, in words and in schema.org's terms.

A range is days (Monday to Sunday, and public holidays) with an opening and
a closing time. Midnight as a closing time is the end of the day (« de 20 h à
minuit »); a range that runs past midnight is two ranges, so that no range
ends before it starts (the block refuses it, ``unscheduled_care.blocks``).
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _

WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
HOLIDAYS = "holidays"
DAY_CHOICES = [
    ("monday", _("lundi")),
    ("tuesday", _("mardi")),
    ("wednesday", _("mercredi")),
    ("thursday", _("jeudi")),
    ("friday", _("vendredi")),
    ("saturday", _("samedi")),
    ("sunday", _("dimanche")),
    (HOLIDAYS, _("jours fériés")),
]
_NAMES = dict(DAY_CHOICES)
# schema.org's DayOfWeek members (PublicHolidays included).
SCHEMA_DAYS = {
    "monday": "Monday",
    "tuesday": "Tuesday",
    "wednesday": "Wednesday",
    "thursday": "Thursday",
    "friday": "Friday",
    "saturday": "Saturday",
    "sunday": "Sunday",
    HOLIDAYS: "PublicHolidays",
}
MIDNIGHT = datetime.time(0, 0)


def ends_before_it_starts(opens: datetime.time, closes: datetime.time) -> bool:
    return closes != MIDNIGHT and closes <= opens


def time_in_words(value: datetime.time) -> str:
    """« 20 h », « 8 h 30 », « midi », « minuit »."""
    if value == MIDNIGHT:
        return "minuit"
    if value == datetime.time(12, 0):
        return "midi"
    return f"{value.hour} h" + (f" {value.minute:02d}" if value.minute else "")


def _runs(days: list[str]) -> list[list[str]]:
    """Consecutive weekdays grouped: [monday … friday], [sunday]."""
    runs: list[list[str]] = []
    for day in sorted((d for d in days if d in WEEK), key=WEEK.index):
        if runs and WEEK.index(day) == WEEK.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]


def days_in_words(days: list[str]) -> str:
    """« du lundi au vendredi », « le samedi et le dimanche », « le dimanche et les jours fériés »."""
    if set(WEEK) <= set(days):
        parts = ["tous les jours"]
    else:
        parts = []
        for run in _runs(days):
            if len(run) >= 3:
                parts.append(f"du {_NAMES[run[0]]} au {_NAMES[run[-1]]}")
            else:
                parts.extend(f"le {_NAMES[day]}" for day in run)
    if HOLIDAYS in days:
        parts.append("les jours fériés")
    return _join(parts) if parts else ""


def range_in_words(days: list[str], opens: datetime.time, closes: datetime.time) -> str:
    """« du lundi au vendredi, de 20 h à minuit »."""
    return f"{days_in_words(days)}, de {time_in_words(opens)} à {time_in_words(closes)}"


def schema_time(value: datetime.time, *, closing: bool = False) -> str:
    """schema.org's Time; a closing midnight is the day's last minute, as schema.org's examples write it."""
    if closing and value == MIDNIGHT:
        return "23:59"
    return value.strftime("%H:%M")
