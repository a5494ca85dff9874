"""The blocks a « Soins non programmés » page is built from: a place, its opening hours, its commune.

Each checks what a single field cannot (hours that end before they start, a
postal code of another commune, coordinates far from the commune, a place no
one can reach) and says so in French beside the field; nothing of the page
is lost. A place's API output is ``place_facts``: the same words as the page.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from content.models.territory import TerritoryCommune
from network.commune_maps import commune_point, distance_km

from .hours import DAY_CHOICES, ends_before_it_starts
from .places import ACCESS_CHOICES, KIND_CHOICES, PHONE_PATTERN, communes_of, place_facts

# A place farther than this from its commune's centre has its coordinates typed wrong
# (latitude and longitude swapped, a sign lost): the widest commune is some 20 km across.
MAX_KM_FROM_COMMUNE = 15


def territory_commune_choices() -> list[tuple[str, str]]:
    """The communes of the territory of the CPTS whose schema is active, by name."""
    rows = TerritoryCommune.objects.order_by("commune__search_name").values_list(
        "commune_id", "commune__name", "commune__department_id"
    )
    return [("", "---------"), *((code, f"{name} ({department})") for code, name, department in rows)]


class TerritoryCommuneBlock(blocks.FieldBlock):
    """A commune of the CPTS's territory, stored as its INSEE code; any other is refused in words."""

    def __init__(self, required: bool = True, help_text=None, **kwargs) -> None:
        # Choices are read at each form, from the schema of the request: territories change.
        self.field = forms.ChoiceField(
            choices=territory_commune_choices,
            required=required,
            help_text=help_text,
            error_messages={
                "invalid_choice": _(
                    "Cette commune n'est pas dans le territoire de la CPTS : choisissez-en une de la "
                    "liste, ou ajoutez-la d'abord au territoire (menu Territoire)."
                ),
                "required": _("Choisissez la commune du lieu."),
            },
        )
        super().__init__(**kwargs)


class OpeningHoursBlock(blocks.StructBlock):
    days = blocks.MultipleChoiceBlock(
        choices=DAY_CHOICES, widget=forms.CheckboxSelectMultiple, label=_("jours")
    )
    opens = blocks.TimeBlock(label=_("ouvre à"))
    closes = blocks.TimeBlock(label=_("ferme à"), help_text=_("00:00 pour minuit."))

    class Meta:
        icon = "time"
        label = _("Plage d'ouverture")

    def clean(self, value):
        value = super().clean(value)
        if ends_before_it_starts(value["opens"], value["closes"]):
            opens, closes = value["opens"].strftime("%H:%M"), value["closes"].strftime("%H:%M")
            raise StructBlockValidationError(
                block_errors={
                    "closes": ValidationError(
                        _(
                            "La plage se termine (%(closes)s) avant de commencer (%(opens)s). Pour une "
                            "plage qui passe minuit, saisissez-en deux : %(opens)s–00:00, puis "
                            "00:00–%(closes)s."
                        )
                        % {"opens": opens, "closes": closes}
                    )
                }
            )
        return value


class PlaceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("nom du lieu"), max_length=120)
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=_("type de lieu"))
    street_address = blocks.CharBlock(
        label=_("adresse"), max_length=200, help_text=_("Numéro et rue, ex. « 12 rue de la Gare ».")
    )
    postal_code = blocks.RegexBlock(
        regex=r"^\d{5}$",
        label=_("code postal"),
        error_messages={"invalid": _("Un code postal a 5 chiffres.")},
    )
    commune = TerritoryCommuneBlock(label=_("commune du territoire"))
    latitude = blocks.FloatBlock(
        label=_("latitude"), min_value=-90, max_value=90, help_text=_("En degrés décimaux, ex. 49.1193.")
    )
    longitude = blocks.FloatBlock(
        label=_("longitude"), min_value=-180, max_value=180, help_text=_("En degrés décimaux, ex. 6.1757.")
    )
    hours = blocks.ListBlock(OpeningHoursBlock(), min_num=1, label=_("horaires d'ouverture"))
    hours_exceptions = blocks.CharBlock(
        label=_("exceptions aux horaires"),
        required=False,
        max_length=200,
        help_text=_("Ex. « fermé le 25 décembre et le 1er janvier ». Les horaires seulement."),
    )
    phone = blocks.RegexBlock(
        regex=PHONE_PATTERN,
        required=False,
        label=_("téléphone du lieu"),
        error_messages={"invalid": _("Un numéro français à 10 chiffres, ex. 03 87 00 00 00.")},
    )
    access = blocks.MultipleChoiceBlock(
        choices=ACCESS_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("comment y être reçu"),
    )
    step_free = blocks.BooleanBlock(
        required=False,
        label=_("accès de plain-pied"),
        help_text=_("Entrée sans marche, accessible en fauteuil."),
    )

    class Meta:
        icon = "site"
        label = _("Lieu de soins non programmés")
        form_classname = "struct-block place-block"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        commune = communes_of([value]).get(value["commune"])
        if commune and value["postal_code"] not in commune["postal_codes"]:
            errors["postal_code"] = ValidationError(
                _("%(code)s n'est pas un code postal de %(commune)s (%(codes)s).")
                % {
                    "code": value["postal_code"],
                    "commune": commune["name"],
                    "codes": ", ".join(commune["postal_codes"]),
                }
            )
        centre = commune_point(value["commune"]) if commune else None
        if (
            centre
            and (km := distance_km(centre, (value["longitude"], value["latitude"]))) > MAX_KM_FROM_COMMUNE
        ):
            errors["latitude"] = ValidationError(
                _("Ces coordonnées sont à %(km)d km de %(commune)s : vérifiez la latitude et la longitude.")
                % {"km": km, "commune": commune["name"]}
            )
        if not value["phone"] and not value["access"]:
            errors["access"] = ValidationError(
                _("Dites comment y être reçu : un téléphone, ou au moins une des façons ci-dessus.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        return place_facts(value)


class PlacesBlock(blocks.StreamBlock):
    place = PlaceBlock()

    class Meta:
        block_counts = {"place": {"max_num": 20}}
