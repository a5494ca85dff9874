"""The three pages French law expects, written from a publisher's data.

Pure functions: a ``Publisher`` in, rich text out (the ``h2``/``p``/``ul`` a
rich-text block keeps), so a CPTS's pages (``content.services.identity``) and
the federation's (``cpts_network.legal``) say the same things the same way.
What the data lacks is written « à compléter », visibly, never invented.

Texts followed (numbers as consolidated on Légifrance):
- LCEN, loi n° 2004-575 du 21 juin 2004, art. 6 III-1 (publisher, director of
  publication, host);
- RGPD, règlement (UE) 2016/679, art. 6 (legal bases), 13 (information),
  15 to 22 (rights), 77 (complaint); loi n° 78-17 « Informatique et Libertés »,
  art. 82 (cookies);
- loi n° 2005-102 du 11 février 2005, art. 47, décret n° 2019-768 and the
  RGAA 4.1 (accessibility declaration, its headings and states).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape

TO_COMPLETE = "à compléter"
DEFENSEUR_DES_DROITS = (
    "<ul><li>écrire un message au Défenseur des droits par son formulaire en ligne "
    '(<a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a>) ;</li>'
    "<li>contacter le délégué du Défenseur des droits de votre région "
    '(<a href="https://www.defenseurdesdroits.fr/saisir/delegues">liste des délégués</a>) ;</li>'
    "<li>envoyer un courrier (gratuit, sans timbre) : Défenseur des droits, Libre réponse 71120, "
    "75342 Paris CEDEX 07.</li></ul>"
)


@dataclass(frozen=True)
class Publisher:
    """Who publishes a site, and what the site collects."""

    name: str
    site_url: str
    legal_form: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    registration: str = ""  # RNA or SIRET, when there is one
    director: str = ""
    host_name: str = ""
    host_address: str = ""
    host_phone: str = ""
    # Forms the site offers, among FORM_PURPOSES' keys.
    forms: tuple[str, ...] = field(default=("contact",))


def _or_todo(value: str) -> str:
    # Rich text's own form: one paragraph, lines joined by self-closed breaks.
    return escape(value).replace("\n", "<br/>") if value else f"<i>{TO_COMPLETE}</i>"


def notice_html(p: Publisher) -> str:
    """Mentions légales (LCEN art. 6 III-1 a–d)."""
    form = f" ({escape(p.legal_form)})" if p.legal_form else ""
    registration = f"<p>Immatriculation : {escape(p.registration)}</p>" if p.registration else ""
    return (
        "<h2>Éditeur du site</h2>"
        f"<p>{escape(p.name)}{form}<br/>Siège : {_or_todo(p.address)}<br/>"
        f"Téléphone : {_or_todo(p.phone)}<br/>Courriel : {_or_todo(p.email)}</p>"
        f"{registration}"
        "<h2>Directeur ou directrice de la publication</h2>"
        f"<p>{_or_todo(p.director)}</p>"
        "<h2>Hébergeur</h2>"
        f"<p>{_or_todo(p.host_name)}<br/>Adresse : {_or_todo(p.host_address)}<br/>"
        f"Téléphone : {_or_todo(p.host_phone)}</p>"
        "<h2>Texte appliqué</h2>"
        "<p>Loi n° 2004-575 du 21 juin 2004 pour la confiance dans l'économie numérique (LCEN), "
        "article 6, III, 1.</p>"
    )


# What each form collects, why, on which basis (RGPD art. 6.1), and for how long.
FORM_PURPOSES = {
    "contact": (
        "Formulaire de contact",
        "répondre à votre message (nom, adresse électronique, message)",
        "l'intérêt légitime de l'éditeur à répondre à qui lui écrit (art. 6.1 f)",
        "un an après la réponse, puis suppression",
    ),
    "adhesion": (
        "Demande d'adhésion",
        "examiner la demande et gérer l'adhésion (identité et coordonnées professionnelles, "
        "profession, commune d'exercice)",
        "l'adhésion à l'association, demandée par vous (art. 6.1 b)",
        "la durée de l'adhésion puis trois ans ; une demande refusée est effacée après un an",
    ),
    "directory": (
        "Annuaire des adhérents",
        "publier les coordonnées professionnelles des adhérents qui l'acceptent",
        "votre consentement, retirable à tout moment par le lien reçu ou auprès de la CPTS (art. 6.1 a)",
        "jusqu'au retrait du consentement ou la fin de l'adhésion",
    ),
    "internship": (
        "Candidatures aux offres de stage",
        "transmettre votre candidature au contact de l'offre (nom, adresse électronique, formation, "
        "message, CV facultatif)",
        "les mesures précontractuelles prises à votre demande (art. 6.1 b)",
        "la durée indiquée sur le formulaire de candidature, puis suppression automatique",
    ),
}


def privacy_html(p: Publisher) -> str:
    """Données personnelles (RGPD art. 13, 15–22, 77; loi Informatique et Libertés art. 82)."""
    rows = "".join(
        f"<li><b>{title}</b> : finalité : {purpose} ; base légale : {basis} ; conservation : {kept}.</li>"
        for key, (title, purpose, basis, kept) in FORM_PURPOSES.items()
        if key in p.forms
    )
    return (
        "<h2>Responsable du traitement</h2>"
        f"<p>{escape(p.name)}, {_or_todo(p.address)}. Contact : {_or_todo(p.email)}.</p>"
        "<h2>Ce que le site collecte, pourquoi et combien de temps</h2>"
        f"<ul>{rows}</ul>"
        "<p>Le site ne collecte aucune donnée de santé et ne demande aucun renseignement sur des "
        "patients. Les données ne sont ni vendues ni transmises hors de l'Union européenne ; seules "
        "les personnes chargées de la coordination et du bureau de l'association y ont accès.</p>"
        "<h2>Cookies</h2>"
        "<p>Aucun cookie de mesure d'audience ni de publicité. Seuls des cookies strictement "
        "nécessaires sont déposés lors d'une connexion à un espace réservé ou de l'envoi d'un "
        "formulaire (session, protection contre la falsification) : ils ne demandent pas de "
        "consentement (loi n° 78-17 du 6 janvier 1978, article 82).</p>"
        "<h2>Vos droits</h2>"
        "<p>Vous pouvez accéder à vos données, les faire rectifier ou effacer, en limiter le "
        "traitement, les recevoir dans un format lisible (portabilité) et vous opposer à leur "
        "traitement (règlement (UE) 2016/679, articles 15 à 22), et retirer à tout moment un "
        f"consentement donné. Écrivez à : {_or_todo(p.email)}. Une réponse vous est "
        "donnée dans le mois.</p>"
        "<p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
        'réclamation à la CNIL (<a href="https://www.cnil.fr/fr/plaintes">cnil.fr/fr/plaintes</a>, '
        "article 77 du règlement).</p>"
    )


def accessibility_html(p: Publisher, *, checked_on: str) -> str:
    """A declaration in the RGAA 4.1's form, stating what was actually checked."""
    return (
        # « CPTS de Metz et environs s'engage » lacked its article; the name in apposition needs none.
        f"<p>L'éditeur de ce site, {escape(p.name)}, s'engage à le rendre accessible conformément à "
        "l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au site "
        f"{escape(p.site_url)}.</p>"
        "<h2>État de conformité</h2>"
        "<p>Le site est <b>non conforme</b> au référentiel général d'amélioration de "
        "l'accessibilité (RGAA 4.1) : aucun audit complet de ses critères n'a encore été réalisé, "
        "et c'est la mention que le RGAA impose dans ce cas. Le thème du site est pourtant conçu et "
        "vérifié pour être accessible (voir ci-dessous) ; nous le déclarerons « partiellement "
        "conforme » ou « totalement conforme » après un audit.</p>"
        "<h2>Résultats des tests</h2>"
        "<ul><li>Tests automatiques : axe-core (règles WCAG 2.1 A et AA), sans aucune erreur, sur "
        "chaque type de page du thème, à 375 et 1280 pixels de large, dans Chromium ;</li>"
        "<li>Lighthouse 12 (profil téléphone) : score d'accessibilité de 100 sur chaque type de "
        "page publique ;</li>"
        "<li>Vérifications manuelles : navigation au clavier (lien d'évitement, ordre et visibilité "
        "du focus), textes alternatifs des images et des cartes, contraste de la couleur du site "
        "(refusée en dessous de 4,5:1), formulaires étiquetés et messages d'erreur en "
        "français.</li></ul>"
        "<h2>Contenus non accessibles</h2>"
        "<p>Les documents téléchargeables (PDF) publiés par la CPTS et les contenus intégrés "
        "d'autres sites (vidéos) peuvent ne pas être accessibles ; demandez-nous-en une version "
        "accessible.</p>"
        "<h2>Établissement de cette déclaration</h2>"
        f"<p>Déclaration établie le {escape(checked_on)}. Technologies utilisées : HTML5, CSS, "
        "JavaScript (cartes). Outils : axe-core, Lighthouse, Chromium, lecteur d'écran non "
        "encore utilisé.</p>"
        "<h2>Retour d'information et contact</h2>"
        "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous : "
        f"{_or_todo(p.email)} ; nous vous le fournirons sous une autre forme.</p>"
        "<h2>Voies de recours</h2>"
        "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un "
        "contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous "
        "pouvez :</p>" + DEFENSEUR_DES_DROITS
    )


INTRODUCTIONS = {
    "notice": "Qui publie ce site, qui en répond et qui l'héberge.",
    "privacy": "Les données que ce site recueille, pourquoi, combien de temps, et vos droits.",
    "accessibility": "Déclaration d'accessibilité (RGAA 4.1) : ce qui a été vérifié, et comment nous "
    "signaler une difficulté.",
}


def legal_html(kind: str, publisher: Publisher) -> str:
    """The text of the legal page of ``kind`` ("notice", "privacy" or "accessibility")."""
    if kind == "notice":
        return notice_html(publisher)
    if kind == "privacy":
        return privacy_html(publisher)
    return accessibility_html(publisher, checked_on=date_format(timezone.localdate(), "j F Y"))
