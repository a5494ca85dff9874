"""Actions and indicators of a campaign, as blocks that check their own values."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from tenants.no_patient_data import validate_no_nir
from tenants.vocabulary import Profession


class SafeTextBlock(blocks.CharBlock):
    def clean(self, value):
        value = super().clean(value)
        validate_no_nir(value)
        return value


class EventBlock(blocks.StructBlock):
    title = SafeTextBlock(label=_("intitulé"))
    date = blocks.DateTimeBlock(label=_("date"))
    place = SafeTextBlock(label=_("lieu"), required=False)
    audience = SafeTextBlock(label=_("public"), required=False)
    registration_url = blocks.URLBlock(label=_("inscription"), required=False)

    class Meta:
        icon = "date"
        label = _("Événement")


class MaterialBlock(blocks.StructBlock):
    title = SafeTextBlock(label=_("titre"))
    document = DocumentChooserBlock(label=_("document"), required=False)
    url = blocks.URLBlock(label=_("ou lien"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Support")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("document") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Un support est un document ou un lien."))}
            )
        return value

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        return {"title": value["title"], "url": document.url if document else value["url"]}


class MobilisationBlock(blocks.StructBlock):
    profession = blocks.ChoiceBlock(label=_("profession"), choices=Profession.choices)
    count = blocks.IntegerBlock(label=_("professionnels mobilisés"), min_value=0)

    class Meta:
        icon = "group"
        label = _("Professionnels mobilisés")


class ActionsBlock(blocks.StreamBlock):
    event = EventBlock()
    material = MaterialBlock()
    mobilisation = MobilisationBlock()


class Unit:
    COUNT = "count"
    PEOPLE = "people"
    PERCENT = "percent"
    CHOICES = [
        (COUNT, _("nombre")),
        (PEOPLE, _("personnes")),
        (PERCENT, _("pourcentage")),
    ]


class IndicatorValueBlock(blocks.StructBlock):
    period = blocks.CharBlock(
        label=_("période"), max_length=20, help_text=_("Ex. 2026, 2026-T1, avant, après")
    )
    value = blocks.DecimalBlock(label=_("valeur"), min_value=0)


class IndicatorBlock(blocks.StructBlock):
    """Aggregate counts and rates only; never a line per patient."""

    name = SafeTextBlock(label=_("indicateur"))
    definition = blocks.TextBlock(label=_("définition"), required=False)
    unit = blocks.ChoiceBlock(label=_("unité"), choices=Unit.CHOICES)
    baseline = blocks.DecimalBlock(label=_("valeur de départ"), required=False, min_value=0)
    target = blocks.DecimalBlock(label=_("cible"), required=False, min_value=0)
    values = blocks.ListBlock(IndicatorValueBlock(), label=_("valeurs"), default=[])

    class Meta:
        icon = "table"
        label = _("Indicateur")

    def clean(self, value):
        value = super().clean(value)
        validate_no_nir(value.get("definition", ""))
        unit = value["unit"]
        numbers = {"baseline": value.get("baseline"), "target": value.get("target")}
        errors = {}
        for name, number in numbers.items():
            message = _unit_error(unit, number)
            if message:
                errors[name] = ValidationError(message)
        for item in value.get("values") or []:
            message = _unit_error(unit, item["value"])
            if message:
                errors["values"] = ValidationError(f"{item['period']} : {message}")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        def number(x):
            return None if x is None else float(x)

        values = [{"period": v["period"], "value": float(v["value"])} for v in value["values"]]
        return {
            "name": value["name"],
            "definition": value["definition"],
            "unit": value["unit"],
            "baseline": number(value.get("baseline")),
            "target": number(value.get("target")),
            "values": values,
            "latest": values[-1]["value"] if values else None,
        }


def _unit_error(unit: str, number) -> str | None:
    if number is None:
        return None
    if unit == Unit.PERCENT and number > 100:
        return str(_("Un pourcentage ne dépasse pas 100."))
    if unit in (Unit.COUNT, Unit.PEOPLE) and Decimal(number) != Decimal(number).to_integral_value():
        return str(_("Un nombre de personnes ou d'actes est entier."))
    return None


class IndicatorsBlock(blocks.StreamBlock):
    indicator = IndicatorBlock()
