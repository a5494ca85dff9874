"""Demo content of a CPTS site, written through the same models and services as an editor."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from content.models import (
    Association,
    College,
    Coordinator,
    IndicatorValue,
    InternshipIndexPage,
    InternshipOfferPage,
    Mandate,
    MissionIndicator,
    ProfessionCount,
    TerritoryCommune,
)
from content.models.internships import semester_choices
from content.models.pages import (
    ContactFormField,
    ContactPage,
    EventIndexPage,
    EventPage,
    HealthProjectPage,
    HomePage,
    MissionAction,
    MissionPage,
    NewsArticlePage,
    NewsIndexPage,
)
from content.selectors.territory import territory_summary
from content.services.pages import page_publish, paragraphs
from network.models import Commune
from network.resolution import Status
from prevention.models import CampaignIndexPage, CampaignPage


def _saved(instance):
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def demo_site_load(*, data: dict, health_project_on: date | None = None) -> None:
    """Governance, missions with indicators, news, events and a contact page."""
    home = HomePage.objects.get()
    _saved(
        Association(
            **{**data["association"], "created_on": date.fromisoformat(data["association"]["created_on"])}
        )
    )
    colleges = [_saved(College(name=name, sort_order=i)) for i, name in enumerate(data["colleges"])]
    for mandate in data["mandates"]:
        fields = {**mandate, "start": date.fromisoformat(mandate["start"])}
        if "end" in fields:
            fields["end"] = date.fromisoformat(fields["end"])
        if "college" in fields:
            fields["college"] = colleges[fields["college"]]
        _saved(Mandate(**fields))
    for i, coordinator in enumerate(data["coordinators"]):
        _saved(Coordinator(sort_order=i, **coordinator))
    # Counts carry the date of their figures and where they were published, never today's date.
    for kind, published in (
        (ProfessionCount.Kind.MEMBERS, data.get("members") or {}),
        (ProfessionCount.Kind.SUPPLY, data.get("supply") or {}),
    ):
        for profession, count in published.get("counts", {}).items():
            _saved(
                ProfessionCount(
                    kind=kind,
                    profession=profession,
                    count=count,
                    as_of=date.fromisoformat(published["as_of"]),
                    source=published.get("source", ""),
                )
            )

    if health_project_on:
        page_publish(
            parent=home,
            page=HealthProjectPage(
                title="Projet de santé",
                validated_on=health_project_on,
                show_in_menus=True,
                summary="Notre projet de santé, validé par l'ARS et l'Assurance Maladie.",
            ),
        )
    for mission in data["missions"]:
        page = MissionPage(
            title=mission["title"],
            mission=mission["mission"],
            summary=mission["summary"],
            show_in_menus=False,
        )
        page.actions = [MissionAction(title=title, status=status) for title, status in mission["actions"]]
        page_publish(parent=home, page=page)
        for name, unit, target, values in mission["indicators"]:
            indicator = _saved(
                MissionIndicator(mission=mission["mission"], name=name, unit=unit, target=target)
            )
            for year, value in values.items():
                _saved(IndicatorValue(indicator=indicator, year=int(year), value=value))

    if data["news"]:
        news = page_publish(parent=home, page=NewsIndexPage(title="Actualités", show_in_menus=True))
        for title, day, text in data["news"]:
            page_publish(
                parent=news,
                page=NewsArticlePage(
                    title=title,
                    date=date.fromisoformat(day),
                    introduction=text,
                    body=paragraphs(f"<p>{text}</p>"),
                ),
            )
    if data["events"]:
        agenda = page_publish(parent=home, page=EventIndexPage(title="Agenda", show_in_menus=True))
        start = timezone.now().replace(hour=18, minute=30, second=0, microsecond=0) + timedelta(days=21)
        for title, place, url, *theme in data["events"]:
            page_publish(
                parent=agenda,
                page=EventPage(
                    title=title,
                    start=start,
                    end=start + timedelta(hours=2),
                    place=place,
                    registration_url=url,
                    theme=theme[0] if theme else "",
                ),
            )
    contact = ContactPage(
        title="Contact",
        show_in_menus=True,
        to_address=data["coordinators"][0]["email"] if data["coordinators"] else "",
        subject="Message depuis le site",
        thank_you_text="<p>Merci, nous vous répondrons rapidement.</p>",
        introduction="<p>Une question sur la CPTS ? Écrivez-nous.</p>",
    )
    contact.form_fields = [
        ContactFormField(label="Votre nom", field_type="singleline", required=True),
        ContactFormField(label="Votre e-mail", field_type="email", required=True),
        ContactFormField(label="Votre profession", field_type="singleline", required=False),
        ContactFormField(label="Message", field_type="multiline", required=True),
    ]
    page_publish(parent=home, page=contact)


@transaction.atomic
def demo_campaigns_load(*, campaigns: list[dict]) -> None:
    """Published prevention campaigns with aggregate indicators."""

    if not campaigns:
        return
    index = page_publish(
        parent=HomePage.objects.get(), page=CampaignIndexPage(title="Prévention", show_in_menus=True)
    )
    for item in campaigns:
        indicators = [
            {
                "type": "indicator",
                "value": {
                    "name": i["name"],
                    "definition": "",
                    "unit": i["unit"],
                    "baseline": i["baseline"],
                    "target": i["target"],
                    "values": [{"period": p, "value": v} for p, v in i["values"]],
                },
            }
            for i in item["indicators"]
        ]
        page = CampaignPage(
            title=item["title"],
            theme_id=item["theme"],
            summary=item["summary"],
            start=date.fromisoformat(item["start"]),
            end=date.fromisoformat(item["end"]),
            status=item["status"],
            age_min=item["age_min"],
            age_max=item["age_max"],
            risk_condition=item.get("risk_condition", ""),
            indicators=indicators,
            # A campaign on part of the territory lists its communes (INSEE codes).
            whole_territory=not item.get("communes"),
        )
        page.communes = list(Commune.objects.filter(code__in=item.get("communes", [])))
        page_publish(parent=index, page=page)


@transaction.atomic
def demo_internships_load(*, offers: list[dict]) -> None:
    """Published internship offers, on the next semesters (so the demo never shows expired ones)."""

    if not offers:
        return
    index = page_publish(
        parent=HomePage.objects.get(),
        page=InternshipIndexPage(
            title="Stages",
            slug="stages",
            show_in_menus=True,
            introduction="Étudiantes et étudiants en santé : venez découvrir l'exercice coordonné "
            "sur notre territoire.",
        ),
    )
    communes = {tc.commune.name: tc.commune_id for tc in TerritoryCommune.objects.select_related("commune")}
    semesters = [code for code, _ in semester_choices()]
    for item in offers:
        fields = {k: v for k, v in item.items() if k not in {"commune", "semester", "description"}}
        page_publish(
            parent=index,
            page=InternshipOfferPage(
                **fields,
                commune_id=communes[item["commune"]],
                # The first semester still to start, or the one after.
                semester=semesters[1 + item.get("semester", 0)],
                description=f"<p>{item['description']}</p>",
            ),
        )


def _maybe(candidates: list) -> str:
    if not candidates:
        return ""
    return f" (peut-être : {escape(', '.join(c.name for c in candidates[:3]))})"


def territory_report(*, cpts, lines: list, announced: dict) -> str:
    """The territory page of a demo CPTS: its announced figures beside today's, and its import.

    ``lines`` is what the coordinator's import made of the list as the CPTS
    wrote it: resolved, read through an old name (a commune since merged), or
    left for the coordinator to decide.
    """

    summary = territory_summary(cpts=cpts)
    resolved = [line for line in lines if line.status == Status.RESOLVED]
    read_otherwise = [line for line in resolved if line.note]
    pending = [line for line in lines if line.status != Status.RESOLVED]

    def number(value: int) -> str:
        return f"{value:,}".replace(",", "\u202f")

    parts = [
        f"<p>Annoncé : {announced['communes']} communes et {number(announced['population'])} habitants "
        f"({escape(announced['source'])} ; Metz : {number(announced['metz_population'])} habitants en "
        f"{announced['metz_year']}).</p>",
        f"<p>Aujourd'hui, d'après le découpage communal et les populations légales de l'édition 2026 : "
        f"{summary.commune_count} communes, {number(summary.population)} habitants.</p>",
        f"<p>La liste de la CPTS, importée telle qu'elle l'a écrite : {len(resolved)} communes "
        f"reconnues, dont {len(read_otherwise)} lues autrement que par leur nom actuel ; "
        f"{len(pending)} à trancher par la coordination.</p>",
    ]
    if read_otherwise:
        # One item per line as written: "Marly METZ" is two communes on one line.
        grouped: dict[str, tuple[str, list[str]]] = {}
        for line in read_otherwise:
            grouped.setdefault(line.line, (line.note, []))[1].append(line.commune.name)
        items = "".join(
            f"<li>{escape(text)} : {escape(note)} ({escape(', '.join(names))})</li>"
            for text, (note, names) in grouped.items()
        )
        parts.append(f"<p>Lues autrement :</p><ul>{items}</ul>")
    if pending:
        items = "".join(
            f"<li>{escape(line.line)}"
            + (
                f" (peut-être : {escape(', '.join(c.name for c in line.candidates[:3]))})"
                if line.candidates
                else ""
            )
            + "</li>"
            for line in pending
        )
        parts.append(f"<p>À trancher :</p><ul>{items}</ul>")
    return "".join(parts)
