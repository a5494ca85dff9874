"""The network agenda's and news' parameters and answers, for the API and the HTML pages alike."""

from __future__ import annotations

from rest_framework import serializers

from network.serializers import PlaceFiltersMixin
from tenants.models import CPTS
from tenants.vocabulary import Mission

from .selectors import PAGE_SIZE, PAGE_SIZE_MAX

FEDERATION = "federation"


class PostFiltersSerializer(PlaceFiltersMixin, serializers.Serializer):
    """Query parameters; an unknown value or a malformed date is a 400 naming the parameter."""

    region = serializers.CharField(required=False, help_text="Code INSEE de la région, ex. 44.")
    department = serializers.CharField(required=False, help_text="Code INSEE du département, ex. 57.")
    theme = serializers.ChoiceField(choices=Mission.choices, required=False)
    cpts = serializers.CharField(
        required=False, help_text=f"Nom court de la CPTS qui publie, ex. metz, ou « {FEDERATION} »."
    )
    page = serializers.IntegerField(required=False, min_value=1, max_value=10_000, default=1)
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=PAGE_SIZE_MAX,
        default=PAGE_SIZE,
        help_text=f"{PAGE_SIZE} par défaut, {PAGE_SIZE_MAX} au plus.",
    )

    @classmethod
    def from_query(cls, query) -> PostFiltersSerializer:
        """From a query string; a field left empty (the HTML form's « Toutes ») means no filter."""
        return cls(data={name: value for name, value in query.items() if value.strip()})

    def validate_cpts(self, value: str) -> str:
        value = value.lower()
        if value != FEDERATION and not CPTS.objects.filter(short_name=value).exists():
            raise serializers.ValidationError(f"CPTS inconnue : {value[:40]}.")
        return value

    def filters(self) -> dict:
        """The validated filters, without the paging."""
        return {k: v for k, v in self.validated_data.items() if k not in ("page", "page_size")}


class AgendaFiltersSerializer(PostFiltersSerializer):
    # The HTML form's text inputs take French dates (jj/mm/aaaa); the API keeps ISO 8601 too.
    start = serializers.DateField(
        required=False,
        input_formats=["iso-8601", "%d/%m/%Y"],
        error_messages={"invalid": "Date non comprise : écrivez-la jour/mois/année, ex. 01/05/2027."},
        help_text="Événements encore en cours à cette date (AAAA-MM-JJ ou JJ/MM/AAAA) ; "
        "aujourd'hui par défaut.",
    )
    end = serializers.DateField(
        required=False,
        input_formats=["iso-8601", "%d/%m/%Y"],
        error_messages={"invalid": "Date non comprise : écrivez-la jour/mois/année, ex. 01/05/2027."},
        help_text="Événements commencés au plus tard ce jour-là.",
    )

    def validate(self, attrs: dict) -> dict:
        if attrs.get("start") and attrs.get("end") and attrs["end"] < attrs["start"]:
            raise serializers.ValidationError({"end": "La fin de la période précède son début."})
        return attrs


class NetworkPostSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField(help_text="« event » ou « news ».")
    title = serializers.CharField()
    summary = serializers.CharField(help_text="Texte simple.")
    theme = serializers.CharField(help_text="Mission de la CPTS concernée ; vide si aucune.")
    theme_label = serializers.CharField(source="get_theme_display")
    source = serializers.SerializerMethodField(help_text=f"Nom court de la CPTS, ou « {FEDERATION} ».")
    published_by = serializers.CharField()
    region = serializers.CharField(source="region_code", help_text="Vide : tout le réseau.")
    department = serializers.CharField(source="department_code")
    date = serializers.DateField()
    start = serializers.DateTimeField(allow_null=True)
    end = serializers.DateTimeField(allow_null=True)
    place = serializers.CharField()
    registration_url = serializers.URLField()
    url = serializers.URLField(help_text="La page sur le site qui l'a publiée.")
    updated_at = serializers.DateTimeField(source="last_published_at")

    def get_source(self, post) -> str:
        return post.cpts.short_name if post.cpts_id else FEDERATION


class PostResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Publications trouvées, toutes pages confondues.")
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = NetworkPostSerializer(source="posts", many=True)
