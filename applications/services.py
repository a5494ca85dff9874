"""Writes of the « Candidater » journey: an application received, e-mailed, purged after its retention.

Each runs in the CPTS's schema the caller has active (a request on its host, or
the periodic job's ``schema_context``); none switches schema.
"""

from __future__ import annotations

import datetime
import logging
import secrets

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from content.admin_base_url import cpts_admin_base_url
from content.models import InternshipOfferPage
from content.templatetags.french import french_date

from .models import InternshipApplication

logger = logging.getLogger(__name__)

RETENTION_MONTHS = 12
ADMIN_PREFIX = "candidatures"


def retention_end(offer_end: datetime.date) -> datetime.date:
    """12 months after the internship's last day (a 29 February becomes the 28th)."""
    try:
        return offer_end.replace(year=offer_end.year + 1)
    except ValueError:
        return offer_end.replace(year=offer_end.year + 1, day=28)


def _contact_message(
    application: InternshipApplication, offer: InternshipOfferPage, site: str
) -> EmailMessage:
    admin = f"{cpts_admin_base_url('') or ''}/admin/{ADMIN_PREFIX}/edit/{application.pk}/"
    lines = [
        "Bonjour,",
        "",
        f"Une candidature est arrivée pour l'offre « {offer.title} » ({site}).",
        "",
        f"Nom : {application.full_name}",
        f"Courriel : {application.email}",
        f"Formation : {application.training}",
        f"Année ou niveau : {application.get_level_display()}",
        "",
        "Message :",
        application.message or "(aucun)",
        "",
        "CV : en pièce jointe." if application.cv else "CV : non fourni.",
        "",
        f"Suivez-la (statut « {application.get_status_display()} ») dans l'administration du site : {admin}",
        f"La CPTS la conserve jusqu'au {french_date(application.retain_until)}, puis l'efface avec son CV ; "
        "effacez aussi ce courriel quand vous n'en avez plus besoin.",
    ]
    message = EmailMessage(
        subject=f"Candidature : {offer.title} — {application.full_name}",
        body="\n".join(lines),
        to=[offer.apply_email],
        reply_to=[application.email],
    )
    if application.cv:
        with application.cv.open("rb") as cv:
            message.attach(f"CV - {application.full_name}.pdf", cv.read(), "application/pdf")
    return message


def _acknowledgement(
    application: InternshipApplication, offer: InternshipOfferPage, site: str
) -> EmailMessage:
    body = (
        f"Bonjour,\n\nNous avons bien reçu votre candidature pour le stage « {offer.title} » ({site}), "
        f"du {french_date(offer.start_date)} au {french_date(offer.end_date)}. Elle a été transmise à la "
        "personne qui encadre le stage, qui vous répondra directement.\n\n"
        f"Votre candidature est conservée jusqu'au {french_date(application.retain_until)}, puis effacée. "
        "Pour la retirer avant, répondez à ce courriel.\n\n"
        "Ceci est un accusé de réception automatique.\n"
    )
    return EmailMessage(
        subject=f"Votre candidature : {offer.title}",
        body=body,
        to=[application.email],
        reply_to=[offer.apply_email],
    )


def _send(application_id: int, offer: InternshipOfferPage, site: str) -> None:
    application = InternshipApplication.objects.get(pk=application_id)
    for build in (_contact_message, _acknowledgement):
        try:
            build(application, offer, site).send()
        except Exception:
            # The application is stored and listed in the admin: a mail server down loses nothing.
            logger.exception("application %s: e-mail not sent (%s)", application_id, build.__name__)


@transaction.atomic
def application_submit(
    *, offer: InternshipOfferPage, data: dict, cv: UploadedFile | None = None
) -> InternshipApplication:
    """Store a student's application to ``offer``; its contact and the student are e-mailed on commit."""
    if not offer.accepts_applications:
        raise ValidationError(_offer_closed())
    application = InternshipApplication(
        offer_page=offer,
        offer_title=offer.title[:255],
        full_name=data["full_name"].strip(),
        email=data["email"].strip(),
        training=data["training"].strip(),
        level=data["level"],
        message=(data.get("message") or "").strip(),
        token=secrets.token_hex(16),
        retain_until=retention_end(offer.end_date),
    )
    application.full_clean(exclude=["cv"])
    if cv is not None:
        application.cv.save("cv.pdf", cv, save=False)
    application.save()
    site = offer.get_site().site_name if offer.get_site() else ""
    transaction.on_commit(lambda: _send(application.pk, offer, site))
    return application


def _offer_closed() -> str:
    return "Cette offre ne reçoit pas de candidatures en ligne (pourvue, terminée ou sans formulaire)."


@transaction.atomic
def applications_purge(*, today: datetime.date | None = None) -> int:
    """Erase the applications past their retention date, and their CVs; returns how many."""
    today = today or timezone.localdate()
    expired = InternshipApplication.objects.select_for_update().filter(retain_until__lt=today)
    files = [(application.cv.storage, application.cv.name) for application in expired if application.cv]
    count = expired.count()
    expired.delete()

    def erase_files() -> None:
        for storage, name in files:
            storage.delete(name)

    # Files go once the rows are gone for good: a rolled-back purge keeps both.
    transaction.on_commit(erase_files)
    return count
