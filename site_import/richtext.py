"""A former site's HTML as the blocks of a page body (``content.blocks.BodyBlock``).

Text becomes rich-text paragraphs holding only what Wagtail's editor offers
(``RICH_TEXT_FEATURES``), cleaned by Ammonia (``nh3``) after the links are
rewritten; images become image blocks, embeds embed blocks. What has no
equivalent (a plugin's shortcode, an external image, a frame, a table, a form)
becomes an « À reprendre » block that keeps the original for the editor and
shows nothing to visitors. Scripts, styles and event handlers are dropped, and
counted, so that no active content reaches a page.
"""

from __future__ import annotations

import html as html_escape
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag

from .sources import Kind

ALLOWED_TAGS = {"p", "h2", "h3", "strong", "b", "em", "i", "ul", "ol", "li", "a", "br"}
RENAMED = {"h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3"}
INLINE = {
    "a",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "span",
    "br",
    "sup",
    "sub",
    "small",
    "abbr",
    "code",
    "mark",
    "s",
}
ACTIVE = {
    "script",
    "style",
    "noscript",
    "template",
    "object",
    "applet",
    "link",
    "meta",
    "base",
    "svg",
    "math",
}
KEPT_FOR_EDITOR = {
    "iframe": "cadre intégré (iframe)",
    "table": "tableau",
    "form": "formulaire",
    "video": "vidéo",
    "audio": "son",
    "embed": "contenu intégré",
    "canvas": "dessin",
}
UNWRAPPED = {
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "blockquote",
    "center",
    "font",
    "nav",
    "dl",
    "dd",
    "dt",
    "address",
    "pre",
    "hgroup",
    "details",
    "summary",
    "picture",
}
SHORTCODE = re.compile(r"\[([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\](?:(.*?)\[/\1\])?", re.S)
KNOWN_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}
COMMENT = re.compile(r"<!--.*?-->", re.S)
# The converter's own marker, written by an export's text: shown as text, never taken for a shortcode.
FORGED_MARKER = re.compile(r"<(?=/?cpts-shortcode)", re.I)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class Target:
    """What an address of the former site leads to here; ``pk`` is None until it exists."""

    kind: Kind
    pk: int | None
    available: bool = True
    url: str = ""
    alt: str = ""


Resolver = Callable[[str], Target | None]


@dataclass
class Conversion:
    blocks: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # A link to an item of the export that has no page yet: convert again once it has.
    pending: bool = False


def html_to_blocks(source: str, resolve: Resolver) -> Conversion:
    """The body blocks of ``source`` (a WordPress post, classic or block editor, or a Plone rich text)."""
    return _Converter(resolve).run(source)


def plain_text(source: str) -> str:
    """An excerpt or a caption as plain text (tags and entities gone)."""
    return BeautifulSoup(source or "", "html.parser").get_text(" ", strip=True)


class _Converter:
    def __init__(self, resolve: Resolver):
        self.resolve = resolve
        self.result = Conversion()
        self.shortcodes: list[tuple[str, str, str, str]] = []
        self.inline: list[str] = []
        self.html: list[str] = []
        self.removed = 0

    def run(self, source: str) -> Conversion:
        source = FORGED_MARKER.sub("&lt;", COMMENT.sub("", source or ""))
        source = SHORTCODE.sub(self._mark_shortcode, source)
        soup = BeautifulSoup(source, "html.parser")
        for node in list(soup.children):
            self._walk(node)
        self._flush_html()
        if self.removed:
            self.result.notes.append(f"{self.removed} élément(s) actif(s) retiré(s) (script, style…)")
        return self.result

    # --- Shortcodes: replaced by markers before parsing, handled where they stand.
    def _mark_shortcode(self, match: re.Match) -> str:
        name, attributes, inner = match.group(1), match.group(2) or "", match.group(3)
        if name not in KNOWN_SHORTCODES and "=" not in attributes and inner is None:
            return match.group(0)  # "[1]", "[sic]": text, not a shortcode
        self.shortcodes.append((name, attributes, inner or "", match.group(0)))
        return f'<cpts-shortcode index="{len(self.shortcodes) - 1}"></cpts-shortcode>'

    def _shortcode(self, index: int) -> None:
        name, attributes, inner, original = self.shortcodes[index]
        if name in ("caption", "wp_caption"):
            part = BeautifulSoup(inner, "html.parser")
            image = part.find("img")
            if image is not None:
                image.extract()
                self._image(image, caption=part.get_text(" ", strip=True))
                return
        elif name == "gallery":
            ids = re.search(r'ids="([\d,\s]+)"', attributes)
            if ids:
                self.result.notes.append("galerie WordPress importée en images successives")
                for number in filter(None, (n.strip() for n in ids.group(1).split(","))):
                    self._image_at(f"?attachment_id={number}", alt="", caption="", original=original)
                return
        elif name == "embed" and inner.strip().startswith("http"):
            self._block("embed", inner.strip())
            return
        self._keep(f"code court WordPress [{name}]", original)

    # --- The walk over the parsed HTML.
    def _walk(self, node) -> None:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                self._text(str(node))
            return
        if not isinstance(node, Tag):
            return
        name = node.name.lower()
        if name == "cpts-shortcode":
            self._flush_inline_only()
            self._shortcode(int(node.get("index", 0)))
        elif name in ACTIVE:
            self.removed += 1
        elif name in KEPT_FOR_EDITOR:
            self._keep(KEPT_FOR_EDITOR[name], _harmless_markup(node))
        elif name == "img":
            self._image(node, caption="")
        elif name == "figure" and "wp-block-embed" in " ".join(node.get("class", [])):
            url = node.get_text(" ", strip=True).split()
            self._block("embed", url[0]) if url and url[0].startswith("http") else self._keep(
                "contenu intégré", str(node)
            )
        elif name == "figure" and node.find("img") is not None:
            caption = node.find("figcaption")
            text = caption.extract().get_text(" ", strip=True) if caption else ""
            for image in node.find_all("img"):
                self._image(image, caption=text)
        elif node.find(["img", "cpts-shortcode", *ACTIVE, *KEPT_FOR_EDITOR]) is not None or name in UNWRAPPED:
            block_level = name not in INLINE
            if block_level:
                self._flush_inline_only()
            for child in list(node.children):
                self._walk(child)
            if block_level:
                self._flush_inline_only()
        elif name in INLINE:
            self.inline.append(str(node))
        else:
            self._flush_inline_only()
            node.name = RENAMED.get(name, name)
            self.html.append(str(node))

    def _text(self, text: str) -> None:
        pieces = PARAGRAPH_BREAK.split(text)
        for number, piece in enumerate(pieces):
            if number:
                self._flush_inline_only()
            self.inline.append(html_escape.escape(piece.strip("\n")).replace("\n", "<br>"))

    def _flush_inline_only(self) -> None:
        joined = "".join(self.inline).strip()
        self.inline = []
        if joined and joined.replace("<br>", "").strip():
            self.html.append(f"<p>{joined}</p>")

    def _flush_html(self) -> None:
        self._flush_inline_only()
        if self.html:
            cleaned = self._clean("".join(self.html))
            self.html = []
            if plain_text(cleaned):
                self.result.blocks.append({"type": "paragraph", "value": cleaned})

    def _block(self, kind: str, value) -> None:
        self._flush_html()
        self.result.blocks.append({"type": kind, "value": value})

    def _keep(self, origin: str, markup: str) -> None:
        self.result.notes.append(f"à reprendre à la main : {origin}")
        self._block("imported_markup", {"origin": origin, "markup": markup.strip()})

    # --- Images and links.
    def _image(self, image: Tag, *, caption: str) -> None:
        alt = image.get("alt", "")
        self._image_at(image.get("src", ""), alt=alt, caption=caption, original=_harmless_markup(image))

    def _image_at(self, src: str, *, alt: str, caption: str, original: str) -> None:
        target = self.resolve(src)
        if target is None or target.kind != Kind.IMAGE or not target.available:
            why = "image absente de l'export" if target is not None else "image externe au site"
            self._keep(why, original)
            return
        self._block("image", {"image": target.pk, "alt_text": alt or target.alt, "caption": caption})

    def _clean(self, fragment: str) -> str:
        soup = BeautifulSoup(fragment, "html.parser")
        for link in soup.find_all("a"):
            href = link.get("href", "").strip()
            if not href or href.lower().startswith(("javascript:", "data:", "vbscript:")):
                self.removed += bool(href)
                link.unwrap()
                continue
            link.attrs = {"href": href}
            target = self.resolve(href) if href else None
            if target is None and "resolveuid/" in href.lower():
                # Plone's link by UID to an item not in the export: it would lead nowhere.
                self.result.notes.append(
                    f"lien vers un contenu Plone absent de l'export retiré : {link.get_text()}"
                )
                link.unwrap()
                continue
            if target is None:
                continue
            if target.pk is None:
                # Not created yet: converted again once it is. A file missing from the export stays a link
                # to its old address.
                self.result.pending |= target.available
            elif target.kind in (Kind.PAGE, Kind.NEWS, Kind.EVENT):
                link.attrs = {"linktype": "page", "id": str(target.pk)}
            elif target.kind == Kind.DOCUMENT:
                link.attrs = {"linktype": "document", "id": str(target.pk)}
            elif target.url:
                link.attrs = {"href": target.url}
        for tag in soup.find_all(True):
            tag.name = RENAMED.get(tag.name, tag.name)
        return nh3.clean(
            str(soup),
            tags=ALLOWED_TAGS,
            attributes={"a": {"href", "linktype", "id"}},
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel=None,
            strip_comments=True,
        ).strip()


def _harmless_markup(node: Tag) -> str:
    """The original element for the editor to read, without scripts or event handlers."""
    copy = BeautifulSoup(str(node), "html.parser")
    for element in copy.find_all(True):
        if element.name in ACTIVE:
            element.decompose()
            continue
        element.attrs = {
            name: value
            for name, value in element.attrs.items()
            if not name.lower().startswith("on") and "javascript:" not in str(value).lower()
        }
    return str(copy)
