"""The students' search parameters and answer, for the API and the HTML page alike."""

from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from network.commune_maps import commune_point
from network.resolution import commune_find
from network.serializers import PlaceFiltersMixin
from tenants.models import CPTS
from tenants.vocabulary import Discipline, HostStructure, StudyLevel

from .backends import Sort

DEFAULT_WITHIN_KM = 30
# The HTML form's text inputs take French dates; the API keeps ISO 8601.
DATE_FORMATS = ["iso-8601", "%d/%m/%Y"]
DATE_ERROR = "Date non comprise : écrivez-la jour/mois/année, ex. 01/05/2027."


class InternshipSearchParamsSerializer(PlaceFiltersMixin, serializers.Serializer):
    """Query parameters; an unknown value or a malformed date is a 400 naming the parameter."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=True,
        help_text="Texte libre en français : accents, majuscules et petites fautes de frappe "
        "sans importance.",
    )
    discipline = serializers.ChoiceField(choices=Discipline.choices, required=False)
    level = serializers.ChoiceField(choices=StudyLevel.choices, required=False)
    region = serializers.CharField(required=False, help_text="Code INSEE de la région, ex. 44.")
    department = serializers.CharField(required=False, help_text="Code INSEE du département, ex. 57.")
    cpts = serializers.CharField(required=False, help_text="Nom court de la CPTS, ex. metz.")
    housing = serializers.BooleanField(required=False, allow_null=True, default=None)
    near = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Une commune, par son nom, son code postal ou son code INSEE (ex. Nancy) : "
        "les offres à moins de `within` km d'elle.",
    )
    within = serializers.IntegerField(
        required=False, min_value=1, max_value=200, help_text="Distance à vol d'oiseau en km (30 par défaut)."
    )
    start = serializers.DateField(
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": DATE_ERROR},
        help_text="Stages en cours à partir de cette date (AAAA-MM-JJ ou JJ/MM/AAAA).",
    )
    end = serializers.DateField(
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": DATE_ERROR},
        help_text="Stages commencés au plus tard à cette date.",
    )
    sort = serializers.ChoiceField(
        choices=[
            (Sort.RELEVANCE, "pertinence"),
            (Sort.START, "date de début"),
            (Sort.NEWEST, "plus récentes"),
        ],
        required=False,
        default=Sort.RELEVANCE,
    )
    page = serializers.IntegerField(required=False, min_value=1, max_value=10_000, default=1)
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        default=settings.INTERNSHIP_PAGE_SIZE,
        help_text=f"{settings.INTERNSHIP_PAGE_SIZE} par défaut ; au-delà de "
        f"{settings.INTERNSHIP_PAGE_SIZE_MAX}, ramené à {settings.INTERNSHIP_PAGE_SIZE_MAX} "
        "(la réponse le signale par `page_size_capped`).",
    )

    @classmethod
    def from_query(cls, query) -> InternshipSearchParamsSerializer:
        """From a query string; a field left empty (the HTML form's "Toutes") means no filter."""
        return cls(data={name: value for name, value in query.items() if value.strip()})

    def validate_cpts(self, value: str) -> str:
        if not CPTS.objects.filter(short_name=value.lower()).exists():
            raise serializers.ValidationError(f"CPTS inconnue : {value[:40]}.")
        return value.lower()

    def validate_near(self, value: str) -> str:
        commune = commune_find(value)
        if commune is None or commune_point(commune.code) is None:
            raise serializers.ValidationError(f"Commune inconnue : {value[:40]}.")
        return commune.code

    def validate(self, attrs: dict) -> dict:
        if attrs.get("start") and attrs.get("end") and attrs["end"] < attrs["start"]:
            raise serializers.ValidationError({"end": "La fin de la période précède son début."})
        if "within" in attrs and "near" not in attrs:
            raise serializers.ValidationError({"near": "Indiquez la commune d'où compter la distance."})
        if "near" in attrs:
            attrs.setdefault("within", DEFAULT_WITHIN_KM)
        return attrs


class InternshipHitSerializer(serializers.Serializer):
    id = serializers.CharField(source="document_id", help_text="« schéma:page » : unique dans le réseau.")
    title = serializers.CharField()
    url = serializers.URLField(help_text="L'offre sur le site de sa CPTS.")
    cpts = serializers.CharField(source="cpts.short_name")
    cpts_name = serializers.CharField(source="cpts.name")
    discipline = serializers.ChoiceField(choices=Discipline.choices)
    discipline_label = serializers.CharField(source="get_discipline_display")
    level = serializers.ChoiceField(choices=StudyLevel.choices)
    level_label = serializers.CharField(source="get_level_display")
    host_structure = serializers.ChoiceField(choices=HostStructure.choices)
    host_name = serializers.CharField()
    commune = serializers.CharField(source="commune.code")
    commune_name = serializers.CharField(source="commune.name")
    distance_km = serializers.IntegerField(
        allow_null=True, help_text="Distance à vol d'oiseau de la commune `near`, si elle est donnée."
    )
    department = serializers.CharField(source="department_code")
    region = serializers.CharField(source="region_code")
    supervisor_approved = serializers.BooleanField()
    supervisor_role = serializers.CharField(help_text="Qui encadre le stage, par sa fonction.")
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    places = serializers.IntegerField()
    housing = serializers.BooleanField()
    travel_help = serializers.BooleanField()
    compensation = serializers.CharField(help_text="Gratification ou rémunération, s'il y en a.")
    summary = serializers.CharField()
    apply_email = serializers.EmailField()
    apply_url = serializers.URLField()
    published_at = serializers.DateTimeField(source="first_published_at")


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetsSerializer(serializers.Serializer):
    discipline = FacetValueSerializer(many=True)
    level = FacetValueSerializer(many=True)
    region = FacetValueSerializer(many=True)
    department = FacetValueSerializer(many=True)
    cpts = FacetValueSerializer(many=True)
    housing = FacetValueSerializer(many=True)


class InternshipResultsSerializer(serializers.Serializer):
    query = serializers.CharField()
    words = serializers.ListField(
        child=serializers.CharField(), help_text="Les mots cherchés, après correction."
    )
    corrections = serializers.DictField(
        child=serializers.CharField(), help_text="Fautes de frappe corrigées."
    )
    count = serializers.IntegerField(help_text="Offres trouvées, toutes pages confondues.")
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    page_size = serializers.IntegerField(help_text="Taille de page appliquée.")
    page_size_capped = serializers.BooleanField(help_text="Vrai si la taille demandée dépassait le plafond.")
    sort = serializers.CharField()
    distance = serializers.CharField(help_text="« à moins de 30 km de Nancy (54) » si `near` est donné.")
    facets = FacetsSerializer(
        help_text="Nombre d'offres par valeur de chaque filtre, sur tous les résultats "
        "(les 50 valeurs les plus fréquentes, plus la valeur choisie)."
    )
    results = InternshipHitSerializer(source="hits", many=True)
