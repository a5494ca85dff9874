"""The demo CPTS's identities: fictitious logos drawn here, AA colours, footer data, legal pages,
and an osteoporosis prevention campaign, so that every theme the product names can be seen.

Everything is marked: the logos carry « logo fictif de démonstration » in their pixels and
their title, addresses and telephone numbers are fictitious (ARCEP's numbers reserved for
fiction, 03 53 01 xx xx), social links point at the reserved ``.example`` domain.
Idempotent; called inside the CPTS's schema, after its site and campaigns are loaded.
"""

from __future__ import annotations

import io
from datetime import date

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image
from wagtail.models import Site

from content.models import HomePage
from content.services import page_publish
from content.services.identity import legal_pages_provision, site_identity_update
from prevention.models import CampaignIndexPage, CampaignPage
from tenants.selectors import current_cpts

IDENTITIES = {
    "metz": {
        "mark": "ME",
        "colour": "#1d4f91",
        "address": "12 rue de la Démonstration (adresse fictive)\n57000 Metz",
        "phone": "03 53 01 10 10",
        "linkedin_url": "https://social.example/cpts-metz-demo",
    },
    "strasbourg": {
        "mark": "SC",
        "colour": "#8a1538",
        "address": "4 place Fictive (adresse fictive)\n67000 Strasbourg",
        "phone": "03 53 01 20 20",
        "mastodon_url": "https://social.example/@cpts-strasbourg-demo",
        "osteoporosis": True,
    },
    "luneville": {
        "mark": "LU",
        "colour": "#2e6b30",
        "address": "8 avenue de l'Exemple (adresse fictive)\n54300 Lunéville",
        "phone": "03 53 01 30 30",
        "facebook_url": "https://social.example/cpts-luneville-demo",
    },
}
LOGO_TITLE = "Logo fictif de démonstration"
OSTEOPOROSIS_TITLE = "Os solides : prévenir l'ostéoporose et les chutes (campagne fictive)"


def demo_logo(mark: str, colour: str) -> bytes:
    """A 512-pixel mark: two letters in a roundel of the CPTS's colour, and the word « fictif »."""
    image = PILImage.new("RGB", (512, 512), "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((16, 16, 496, 496), radius=96, fill=colour)
    draw.ellipse((96, 72, 416, 392), outline="white", width=18)
    font = ImageFont.load_default(size=150)
    draw.text((256, 232), mark, fill="white", font=font, anchor="mm")
    small = ImageFont.load_default(size=34)
    draw.text((256, 448), "logo fictif", fill="white", font=small, anchor="mm")
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True)
    return output.getvalue()


def demo_identity_load(*, short_name: str) -> None:
    """Logo, colour, footer and legal data of a demo CPTS; Strasbourg's osteoporosis campaign."""
    data = IDENTITIES.get(short_name)
    if data is None:
        return
    site = Site.objects.get(is_default_site=True)
    logo = Image.objects.filter(title=LOGO_TITLE).first()
    if logo is None:
        logo = Image(title=LOGO_TITLE)
        content = demo_logo(data["mark"], data["colour"])
        logo.file = ImageFile(io.BytesIO(content), name=f"logo-{short_name}.png")
        logo.save()
    site_identity_update(
        site=site,
        logo=logo,
        primary_colour=data["colour"],
        address=data["address"],
        phone=data["phone"],
        linkedin_url=data.get("linkedin_url", ""),
        facebook_url=data.get("facebook_url", ""),
        mastodon_url=data.get("mastodon_url", ""),
        publication_director="La présidence de l'association (démonstration)",
        host_name="Hébergeur de démonstration (fictif)",
        host_address="1 rue de l'Hébergement (adresse fictive)\n75000 Paris",
        host_phone="01 99 00 00 00",
    )
    legal_pages_provision(cpts=current_cpts(), rewrite=True)
    if data.get("osteoporosis"):
        demo_osteoporosis_campaign_load()


def demo_osteoporosis_campaign_load() -> None:
    """A fictitious campaign on the osteoporosis theme, with aggregate indicators only."""
    if CampaignPage.objects.filter(title=OSTEOPOROSIS_TITLE).exists():
        return
    index = CampaignIndexPage.objects.first() or page_publish(
        parent=HomePage.objects.get(), page=CampaignIndexPage(title="Prévention", show_in_menus=True)
    )
    indicator = {
        "name": "Repérages du risque de fracture réalisés (fictif)",
        "definition": "Questionnaires de repérage remplis en pharmacie ou au cabinet, comptés sans nom.",
        "unit": "count",
        "baseline": 0,
        "target": 300,
        "values": [{"period": "2026", "value": 120}],
    }
    page = CampaignPage(
        title=OSTEOPOROSIS_TITLE,
        theme_id="osteoporosis",
        summary=(
            "Campagne fictive de démonstration : pharmaciens, kinésithérapeutes et médecins repèrent "
            "le risque d'ostéoporose des 65 ans et plus, conseillent activité physique, calcium et "
            "vitamine D, et orientent vers l'ostéodensitométrie quand elle est indiquée."
        ),
        start=date(2026, 10, 1),
        end=date(2027, 3, 31),
        status=CampaignPage.Status.PLANNED,
        age_min=65,
        age_max=None,
        indicators=[{"type": "indicator", "value": indicator}],
        whole_territory=True,
    )
    page_publish(parent=index, page=page)
