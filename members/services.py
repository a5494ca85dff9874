"""Writes on a CPTS's members: an application, the board's decisions, consent, erasure.

Every decision is logged with who and when (``MembershipDecision``) in the same
transaction as the change, and the applicant is told by e-mail through
Django's mail framework once it commits.
"""

from __future__ import annotations

from base64 import urlsafe_b64decode, urlsafe_b64encode

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import timezone
from django.utils.formats import number_format
from wagtail.models import Page

from content.models import TerritoryCommune
from network.resolution import commune_find

from .accounts import AccountOutcome, member_account_close, member_account_open, password_link_path
from .counts import member_counts_publish
from .models.records import Membership, MembershipDecision
from .professional_copy import professional_copy_refresh

OPEN = [Membership.Status.PENDING, Membership.Status.MORE_ASKED, Membership.Status.ACCEPTED]
# A link to download one's record works three months; the one to leave the directory, always.
RECORD_LINK_DAYS = 90
# The link to one's directory entry (acceptance and reminder e-mails): past it, the members' area.
ENTRY_LINK_DAYS = 60


def _token(membership: Membership, purpose: str) -> str:
    # The schema in the salt: a link of one CPTS never opens a record of another. Re-encoded
    # because Wagtail's page paths take letters, digits, "-" and "_" only, not the signer's ":".
    signed = signing.dumps(membership.pk, salt=f"members:{connection.schema_name}:{purpose}")
    return urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def membership_from_token(token: str, purpose: str, *, max_age_days: int | None = None) -> Membership | None:
    try:
        signed = urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        pk = signing.loads(
            signed,
            salt=f"members:{connection.schema_name}:{purpose}",
            max_age=max_age_days * 86400 if max_age_days else None,
        )
    except (signing.BadSignature, ValueError):
        return None
    return Membership.objects.filter(pk=pk).exclude(status=Membership.Status.ERASED).first()


def member_links(membership: Membership, page: Page, request=None) -> dict[str, str]:
    """The signed links of a member's e-mails, under the CPTS's ``AdhesionPage`` whose routes open them."""
    base = page.get_full_url(request).rstrip("/")
    return {
        "record": f"{base}/mes-donnees/{_token(membership, 'record')}/",
        "attestation": f"{base}/attestation/{_token(membership, 'record')}/",
        **({"account": f"{base}/{password_link_path(membership.user)}"} if membership.user_id else {}),
        "leave_directory": f"{base}/annuaire/retrait/{_token(membership, 'directory')}/",
        "directory_entry": f"{base}/annuaire/fiche/{_token(membership, 'entry')}/",
        "confirm_new_patients": f"{base}/annuaire/confirmer/{_token(membership, 'entry')}/",
    }


def _in_territory(commune) -> bool:
    codes = {commune.code, *([commune.parent_id] if commune.parent_id else [])}
    return TerritoryCommune.objects.filter(commune_id__in=codes).exists()


@transaction.atomic
def application_submit(*, page: Page, data: dict) -> Membership:
    """An application from the public form's cleaned data; refused, field by field, in French."""
    commune = commune_find(data["commune"])
    if commune is None:
        raise ValidationError({"commune": f"Commune inconnue : « {data['commune'][:60]} »."})
    if not _in_territory(commune):
        raise ValidationError(
            {
                "commune": f"{commune.name} ({commune.department_id}) n'est pas dans le territoire "
                "de la CPTS : l'adhésion est ouverte aux professionnels qui y exercent."
            }
        )
    same = Membership.objects.filter(status__in=OPEN)
    for field in ("rpps", "finess"):
        if data.get(field) and same.filter(**{field: data[field]}).exists():
            raise ValidationError({field: "Une demande ou une adhésion existe déjà avec ce numéro."})
    # ``data["email"]`` is in normal form (tenants.emails); equality, never the database's folding.
    if same.filter(email=data["email"]).exists():
        raise ValidationError({"email": "Une demande ou une adhésion existe déjà avec cette adresse e-mail."})
    membership = Membership.objects.create(
        kind=data["kind"],
        name=data["name"],
        profession=data.get("profession", ""),
        structure=data.get("structure", ""),
        rpps=data.get("rpps", ""),
        finess=data.get("finess", ""),
        address=data["address"],
        commune=commune,
        email=data["email"],
        phone=data.get("phone", ""),
        directory_consent=bool(data.get("directory_consent")),
        directory_contact=data.get("directory_contact", "") if data.get("directory_consent") else "",
        statutes_version=page.statutes_version,
    )
    site = page.get_site().site_name
    transaction.on_commit(
        lambda: (
            send_mail(
                f"Demande d'adhésion reçue — {site}",
                f"Bonjour,\n\nNous avons bien reçu votre demande d'adhésion ({site}). Le bureau l'examinera "
                "et vous répondra par e-mail.\n",
                None,
                [membership.email],
            ),
            send_mail(
                f"Nouvelle demande d'adhésion — {site}",
                f"{membership.name} ({membership.get_kind_display()}, {commune.name}) demande à adhérer. "
                "Décidez-en dans l'administration du site, rubrique Adhésions.\n",
                None,
                [page.board_email],
            ),
        )
    )
    return membership


DECIDABLE = {
    MembershipDecision.Decision.ACCEPT: Membership.Status.ACCEPTED,
    MembershipDecision.Decision.REFUSE: Membership.Status.REFUSED,
    MembershipDecision.Decision.ASK_MORE: Membership.Status.MORE_ASKED,
}


@transaction.atomic
def application_decide(
    *, membership: Membership, decision: str, page: Page | None, reason: str = "", by=None, request=None
) -> AccountOutcome | None:
    """The board's decision on a waiting application, logged, then told to the applicant.

    ``page`` is the CPTS's live ``AdhesionPage`` (None if it has none): the e-mail gives its
    fee, its payment page and the member's links under it.

    On acceptance, says what became of the member's account (``member_account_open``):
    the e-mail carries a set-password link only for an account this acceptance created.
    """
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status not in (Membership.Status.PENDING, Membership.Status.MORE_ASKED):
        raise ValidationError(
            f"Cette demande n'attend pas de décision (elle est « {membership.get_status_display()} »)."
        )
    if decision not in DECIDABLE:
        raise ValidationError("Décision inconnue.")
    if decision != MembershipDecision.Decision.ACCEPT and not reason.strip():
        raise ValidationError(
            {"reason": "Donnez le motif du refus ou les informations demandées : la personne le reçoit."}
        )
    membership.status = DECIDABLE[decision]
    if decision == MembershipDecision.Decision.ACCEPT:
        membership.member_since = timezone.localdate()
    membership.save(update_fields=["status", "member_since"])
    account = member_account_open(membership) if decision == MembershipDecision.Decision.ACCEPT else None
    MembershipDecision.objects.create(membership=membership, decision=decision, reason=reason.strip(), by=by)
    member_counts_publish()
    professional_copy_refresh(membership)  # accepted with consent: listed network-wide too
    site = page.get_site().site_name if page else ""
    body = _decision_message(membership, decision, reason.strip(), page, request)
    transaction.on_commit(lambda: send_mail(f"Votre adhésion — {site}", body, None, [membership.email]))
    return account


def _decision_message(membership: Membership, decision: str, reason: str, page, request) -> str:
    if decision == MembershipDecision.Decision.REFUSE:
        return f"Bonjour,\n\nLe bureau n'a pas accepté votre demande d'adhésion. Motif :\n\n{reason}\n"
    if decision == MembershipDecision.Decision.ASK_MORE:
        return (
            f"Bonjour,\n\nAvant de décider, le bureau vous demande :\n\n{reason}\n\nRépondez à ce message.\n"
        )
    lines = ["Bonjour,", "", "Le bureau a accepté votre adhésion : bienvenue !"]
    if page and page.fee_amount:
        lines.append(
            f"La cotisation annuelle est de {number_format(page.fee_amount, decimal_pos=2)} €"
            + (f", à régler sur {page.payment_url}" if page.payment_url else "")
            + "."
        )
    if page:
        links = member_links(membership, page, request)
        lines.append("")
        if "account" in links:
            lines.append(f"Votre espace adhérent : choisissez votre mot de passe sur {links['account']}")
        lines += [
            f"Votre attestation d'adhésion (PDF) : {links['attestation']}",
            f"Vos données, à tout moment : {links['record']}",
        ]
        if membership.directory_consent:
            lines.append(f"Vous figurez dans l'annuaire ; pour en être retiré·e : {links['leave_directory']}")
            lines.append(
                "Dites dans votre fiche si vous acceptez de nouveaux patients, les langues que vous "
                f"parlez et l'accès PMR de votre lieu d'exercice : {links['directory_entry']}"
            )
    return "\n".join(lines) + "\n"


@transaction.atomic
def membership_update(*, form, by=None) -> Membership:
    """A record corrected by the board (``MembershipEditForm``), the fields changed in the journal."""
    membership = form.save()
    changed = ", ".join(str(form.fields[name].label) for name in form.changed_data)
    if changed:
        MembershipDecision.objects.create(
            membership=membership,
            decision=MembershipDecision.Decision.EDIT,
            reason=f"Modifié : {changed}",
            by=by,
        )
    member_counts_publish()  # a profession corrected moves a count
    professional_copy_refresh(membership)
    return membership


@transaction.atomic
def directory_consent_withdraw(*, membership: Membership, by=None) -> None:
    """Out of the directory at once, everywhere: the page and the API read the consent on every
    request (kept answers follow the schema's version), the network's copy goes in this transaction.
    What the member declared for the directory goes with the consent."""
    Membership.objects.filter(pk=membership.pk).update(
        directory_consent=False,
        directory_contact="",
        accepts_new_patients=None,
        new_patients_confirmed_on=None,
        new_patients_reminded_for=None,
        languages=[],
        step_free_access=None,
    )
    MembershipDecision.objects.create(
        membership=membership, decision=MembershipDecision.Decision.CONSENT_WITHDRAWN, by=by
    )
    professional_copy_refresh(membership)


def member_record(membership: Membership) -> dict:
    """Everything stored about one member or applicant, for them to download."""
    return {
        "adhésion en tant que": membership.get_kind_display(),
        "état": membership.get_status_display(),
        "nom": membership.name,
        "profession": membership.get_profession_display() if membership.profession else "",
        "structure": membership.structure,
        "rpps": membership.rpps,
        "finess": membership.finess,
        "adresse": membership.address,
        "commune": f"{membership.commune.name} ({membership.commune_id})",
        "e-mail": membership.email,
        "téléphone": membership.phone,
        "annuaire": membership.directory_consent,
        "contact dans l'annuaire": membership.directory_contact,
        "accepte de nouveaux patients": membership.accepts_new_patients,
        "réponse confirmée le": (
            membership.new_patients_confirmed_on.isoformat() if membership.new_patients_confirmed_on else None
        ),
        "langues": membership.languages,
        "accessible PMR": membership.step_free_access,
        "statuts acceptés": membership.statutes_version,
        "cotisation payée pour": membership.fee_year,
        "demande reçue le": membership.applied_at.isoformat(),
        "adhérent depuis le": membership.member_since.isoformat() if membership.member_since else None,
        "décisions": [
            {"décision": d.get_decision_display(), "motif": d.reason, "le": d.at.isoformat()}
            for d in membership.decisions.all()
        ],
    }


@transaction.atomic
def member_erase(*, membership: Membership, by=None) -> None:
    """The person's data gone; what remains says a member of that profession existed, and who decided what.

    An erased member no longer counts among the members; the decisions' journal
    keeps its dates and authors, the reasons typed by the board are cleared.
    """
    Membership.objects.filter(pk=membership.pk).update(
        status=Membership.Status.ERASED,
        name="Données effacées",
        structure="",
        rpps="",
        finess="",
        address="",
        email="",
        phone="",
        directory_consent=False,
        directory_contact="",
        accepts_new_patients=None,
        new_patients_confirmed_on=None,
        new_patients_reminded_for=None,
        languages=[],
        step_free_access=None,
    )
    member_account_close(membership)
    professional_copy_refresh(membership)
    membership.decisions.update(reason="")
    MembershipDecision.objects.create(
        membership=membership, decision=MembershipDecision.Decision.ERASE, by=by
    )
    member_counts_publish()
