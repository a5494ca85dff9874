"""Take the documentation's screenshots from a running demo (`make demo`, 127.0.0.1:8000).

    .venv/bin/python docs/screenshots.py --totp-secret <the federation key printed by make demo>

Debian's Chromium, headless, driven by Playwright (as tests/test_browser.py does), at 1280×800;
each PNG is quantised with Pillow so that it stays under 200 KB. Without ``--totp-secret`` the
federation's dashboard is left out (it asks for a second factor). Writes to docs/images/, and the
three demo CPTS's home pages at 375 and 1280 px to docs/screenshots/ (``--themes-only``: those alone;
``--port``: a demo served elsewhere than 8000).
"""

import argparse
import io
from base64 import b32decode
from pathlib import Path

from django_otp.oath import totp
from PIL import Image
from playwright.sync_api import sync_playwright

IMAGES = Path(__file__).resolve().parent / "images"
THEMES = Path(__file__).resolve().parent / "screenshots"
BASE = "http://{host}:8000"
DEMO_CPTS = ("metz", "strasbourg", "luneville")
# A phone (375 px, the top of the page) and a desktop (1280 px): each CPTS's own identity.
WIDTHS = {375: 812, 1280: 900}
METZ = ("coordination@metz.demo.cpts.test", "demo-metz-2026")
FEDERATION = ("federation", "federation-demo")
LIMIT = 200_000


def save(page, name: str, full_page: bool = False, directory: Path = IMAGES) -> None:
    """Write the page as a palette PNG, fewer colours until it fits under LIMIT."""
    raw = Image.open(io.BytesIO(page.screenshot(type="png", full_page=full_page))).convert("RGB")
    for colours in (256, 128, 64):
        out = io.BytesIO()
        raw.quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
        if out.tell() <= LIMIT:
            break
    (directory / name).write_bytes(out.getvalue())
    print(f"{name}: {out.tell() // 1000} KB, {colours} colours")


def sign_in(page, host: str, username: str, password: str, code: str | None = None) -> None:
    base = BASE.format(host=host)
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    if code:
        page.fill("input[name=otp_token]", code)
    page.click("[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def theme_screenshots(browser) -> None:
    """The home page of each demo CPTS, as a phone and a desktop show it."""
    THEMES.mkdir(exist_ok=True)
    for width, height in WIDTHS.items():
        page = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR").new_page()
        for short_name in DEMO_CPTS:
            page.goto(f"{BASE.format(host=f'{short_name}.localhost')}/")
            page.wait_for_load_state("networkidle")
            save(page, f"{short_name}-home-{width}.png", directory=THEMES)
        page.context.close()


def main() -> None:
    global BASE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--totp-secret", help="the federation account's key (base32), printed by make demo")
    parser.add_argument("--port", type=int, default=8000, help="the demo's port")
    parser.add_argument("--themes-only", action="store_true", help="the three CPTS homes only")
    args = parser.parse_args()
    BASE = BASE.replace(":8000", f":{args.port}")
    IMAGES.mkdir(exist_ok=True)
    metz = BASE.format(host="metz.localhost")
    network = BASE.format(host="localhost")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
        theme_screenshots(browser)
        if args.themes_only:
            browser.close()
            return
        viewport = {"width": 1280, "height": 800}

        page = browser.new_context(viewport=viewport, locale="fr-FR").new_page()
        page.goto(f"{metz}/")
        save(page, "metz-home.png")
        page.goto(f"{network}/stages/?q=kine")
        save(page, "students-search.png")
        page.goto(f"{network}/trouver-ma-cpts/?q=57000")
        save(page, "find-my-cpts.png")

        page = browser.new_context(viewport=viewport, locale="fr-FR").new_page()
        sign_in(page, "metz.localhost", *METZ)
        home = page.evaluate("fetch('/api/v2/site/').then((r) => r.json())")["home_page_id"]
        page.goto(f"{metz}/admin/pages/{home}/")
        save(page, "metz-admin-pages.png")
        page.goto(f"{metz}/admin/territory/")
        save(page, "metz-admin-territory.png")
        # The import's preview: what is resolved, ambiguous or only suggested; nothing added yet.
        page.goto(f"{metz}/admin/territory/import/")
        form = page.locator("form[enctype='multipart/form-data']")
        form.locator("textarea").fill("St-Julien-lès-Metz\nAncy/Moselle\nSaint-Julien\nPlapeville")
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        save(page, "metz-admin-territory-import.png")
        page.goto(f"{metz}/admin/aci/")
        save(page, "metz-admin-aci.png")
        page.goto(f"{metz}/admin/members/")
        save(page, "metz-admin-members.png")

        if args.totp_secret:
            page = browser.new_context(viewport=viewport, locale="fr-FR").new_page()
            code = f"{totp(b32decode(args.totp_secret)):06d}"
            sign_in(page, "localhost", *FEDERATION, code=code)
            page.goto(f"{network}/admin/coverage/?region=44")
            save(page, "federation-coverage.png")
        browser.close()


if __name__ == "__main__":
    main()
