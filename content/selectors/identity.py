"""What the theme needs on every page of a CPTS host: identity, favicons, footer, legal links."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from wagtail.models import Site

from content.models import LegalPage, SiteIdentity

# Renditions of the logo, all made in one query once they exist (Image.get_renditions).
LOGO_HEADER = "height-96|format-png"
FAVICON = "fill-32x32|format-png"
TOUCH_ICON = "fill-180x180|format-png"
SHARE_IMAGE = "fill-512x512|format-png"
HERO_SPECS = ("fill-640x240|format-webp", "fill-1280x480|format-webp", "fill-1920x720|format-webp")


@dataclass
class Theme:
    site_name: str = ""
    stylesheet: str = ""
    logo: object = None
    favicon: str = ""
    touch_icon: str = ""
    share_image: str = ""
    hero: list = field(default_factory=list)
    hero_alt: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    social: list = field(default_factory=list)
    legal: list = field(default_factory=list)
    demo: bool = False


def site_theme(*, site: Site, cpts_email: str = "") -> Theme:
    """The identity of ``site`` as the theme draws it (its schema active)."""
    identity = SiteIdentity.objects.select_related("logo", "hero_image").filter(
        site=site
    ).first() or SiteIdentity(site=site)
    theme = Theme(
        site_name=site.site_name,
        stylesheet=f"{reverse('site-theme-css')}?v={identity.version}",
        address=identity.address,
        phone=identity.phone,
        email=identity.contact_email or cpts_email,
        social=identity.social_links(),
        legal=list(LegalPage.objects.live().public().order_by("path").values_list("title", "url_path")),
    )
    root_path = site.root_page.url_path
    theme.legal = [(title, "/" + path.removeprefix(root_path)) for title, path in theme.legal]
    if identity.logo is not None:
        renditions = identity.logo.get_renditions(LOGO_HEADER, FAVICON, TOUCH_ICON, SHARE_IMAGE)
        theme.logo = renditions[LOGO_HEADER]
        theme.favicon = renditions[FAVICON].url
        theme.touch_icon = renditions[TOUCH_ICON].url
        theme.share_image = renditions[SHARE_IMAGE].url
    if identity.hero_image is not None:
        renditions = identity.hero_image.get_renditions(*HERO_SPECS)
        theme.hero = [renditions[spec] for spec in HERO_SPECS]
        theme.hero_alt = identity.hero_alt
    return theme


def theme_stylesheet(*, site: Site) -> tuple[str, int]:
    """The per-site stylesheet's custom properties and the version it is served under."""
    identity = SiteIdentity.objects.filter(site=site).first() or SiteIdentity(site=site)
    return f":root{{--accent:{identity.primary_colour};}}\n", identity.version
