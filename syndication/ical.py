"""Agendas as iCalendar (RFC 5545), with the ``icalendar`` library: the network's, and a CPTS's own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar, Event, vText

PRODUCT_ID = "-//CPTS network//Agenda//FR"


@dataclass(frozen=True)
class CalendarEvent:
    # Stable across feeds: the same event has the same UID in the network's
    # agenda and in its CPTS's own, so a calendar that reads both shows it once.
    uid: str
    title: str
    start: datetime
    end: datetime
    updated: datetime
    place: str = ""
    url: str = ""
    description: str = ""
    organizer: str = ""
    category: str = ""


def event_uid(source: str, number: int, domain: str) -> str:
    return f"{source}-{number}@{domain}"


def calendar_bytes(name: str, events: Iterable[CalendarEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("dtstamp", item.updated)
        event.add("last-modified", item.updated)
        if item.place:
            event.add("location", item.place)
        if item.url:
            event.add("url", item.url)
        if item.description:
            event.add("description", item.description)
        if item.organizer:
            # Free text, not an address: no CN/mailto is invented.
            event.add("x-cpts-organizer", vText(item.organizer))
        if item.category:
            event.add("categories", [item.category])
        calendar.add_component(event)
    return calendar.to_ical()
