"""StreamField blocks of a CPTS site. Each decides its own API output."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from content.selectors.territory import territory_block, territory_block_api

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


# Widths offered to browsers (srcset), in WebP: a phone takes 400, a wide screen 1200.
SRCSET_SPECS = ("width-400|format-webp", "width-800|format-webp", "width-1200|format-webp")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        required=False,
        help_text=_("Ce que l'image montre, pour qui ne la voit pas. Vide si elle est décorative."),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/image.html"

    def get_api_representation(self, value, context=None):
        """The largest WebP rendition, and every width for a ``srcset``: made by Wagtail's
        rendition machinery once, then served from its rendition cache."""
        image = value["image"]
        if image is None:
            return None
        renditions = image.get_renditions("max-1200x1200|format-webp", *SRCSET_SPECS)
        largest = renditions["max-1200x1200|format-webp"]
        # A small original is not upscaled: several specs can give the same width.
        widths = {r.width: r for r in (renditions[spec] for spec in SRCSET_SPECS)}
        return {
            "url": largest.url,
            "width": largest.width,
            "height": largest.height,
            "alt": value["alt_text"],
            "caption": value["caption"],
            "srcset": ", ".join(f"{r.url} {w}w" for w, r in sorted(widths.items())),
            "renditions": [
                {"url": r.url, "width": w, "height": r.height, "format": "webp"}
                for w, r in sorted(widths.items())
            ],
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texte du bouton"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)

    class Meta:
        icon = "link"
        label = _("Appel à l'action")
        template = "content/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choisissez une page du site ou une adresse, pas les deux."))
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        return {"text": value["text"], "url": page.url if page else value["url"]}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("titre affiché"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "content/blocks/document.html"

    def get_api_representation(self, value, context=None):
        document = value["document"]
        return {
            "title": value["title"] or document.title,
            "url": document.url,
            "extension": document.file_extension,
        }


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    answer = blocks.RichTextBlock(label=_("réponse"), features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(QuestionBlock(), **kwargs)

    class Meta:
        icon = "help"
        label = _("Questions fréquentes")
        template = "content/blocks/faq.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("auteur"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "content/blocks/quote.html"


class TerritoryMapBlock(blocks.StructBlock):
    """The CPTS's territory on a map, its communes listed beside it.

    Nothing is typed: the map and the list are read from the territory at each
    view (``content.selectors.territory.territory_block``, which reads the territory's
    own model, never a page).
    """

    show_list = blocks.BooleanBlock(
        label=_("lister les communes à côté de la carte"), required=False, default=True
    )

    class Meta:
        icon = "site"
        label = _("Carte du territoire")
        template = "content/blocks/territory_map.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["territory"] = territory_block()
        return context

    def get_api_representation(self, value, context=None):
        return territory_block_api()


class ImportedMarkupBlock(blocks.StructBlock):
    """What an imported site held that has no equivalent here (a plugin's shortcode, an
    external image, a frame): kept for the editor to redo by hand, never shown to visitors."""

    origin = blocks.CharBlock(label=_("d'où cela vient"), required=False)
    markup = blocks.TextBlock(label=_("contenu d'origine, à reprendre"))

    class Meta:
        icon = "warning"
        label = _("À reprendre (import)")
        template = "content/blocks/imported_markup.html"

    def get_api_representation(self, value, context=None):
        # For the editor only: a headless front end has nothing to draw.
        return None


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Texte"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    embed = EmbedBlock(label=_("Vidéo ou contenu intégré"), icon="media")
    faq = FAQBlock()
    quote = QuoteBlock()
    territory_map = TerritoryMapBlock()
    imported_markup = ImportedMarkupBlock()
