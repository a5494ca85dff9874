"""The network's copy of every published internship offer (public schema).

Each CPTS writes its offers here in the same transaction as the publication in
its own schema, so the students' search never visits a CPTS schema. With
PostgreSQL this table is the search index; with Elasticsearch it is what the
index is built from and checked against.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from tenants.vocabulary import Discipline, HostStructure, StudyLevel

# A copy of PostgreSQL's French configuration, created by this app's first
# migration, so that tuning it (stop words, dictionaries) never touches "french".
TEXT_SEARCH_CONFIG = "cpts_french"


def _weighted(column: str, weight: str) -> SearchVector:
    return SearchVector(
        Coalesce(column, Value("", output_field=models.TextField())), config=TEXT_SEARCH_CONFIG, weight=weight
    )


class InternshipListing(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("publiée")
        FILLED = "filled", _("pourvue")

    cpts = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="internships")
    page_id = models.PositiveIntegerField()
    title = models.CharField(max_length=255)
    discipline = models.CharField(max_length=32, choices=Discipline.choices)
    level = models.CharField(max_length=32, choices=StudyLevel.choices)
    host_structure = models.CharField(max_length=32, choices=HostStructure.choices)
    host_name = models.CharField(max_length=200, blank=True)
    commune = models.ForeignKey("network.Commune", on_delete=models.PROTECT, related_name="+")
    department_code = models.CharField(max_length=3)
    region_code = models.CharField(max_length=3)
    supervisor_approved = models.BooleanField()
    supervisor_role = models.CharField(max_length=200, blank=True, default="")
    start_date = models.DateField()
    end_date = models.DateField()
    places = models.PositiveSmallIntegerField()
    housing = models.BooleanField()
    travel_help = models.BooleanField()
    compensation = models.CharField(max_length=200, blank=True, default="")
    summary = models.TextField(blank=True)
    apply_email = models.EmailField(blank=True)
    apply_url = models.URLField(max_length=500, blank=True)
    url = models.URLField(max_length=500)
    status = models.CharField(max_length=16, choices=Status.choices)
    first_published_at = models.DateTimeField()
    # The offer's last publication in its CPTS: what the drift check compares.
    last_published_at = models.DateTimeField()
    # Accent-folded texts (search.text.fold), weighted A, B, C in the vector.
    search_title = models.TextField(blank=True)
    search_place = models.TextField(blank=True)
    search_body = models.TextField(blank=True)
    search_vector = models.GeneratedField(
        expression=_weighted("search_title", "A")
        + _weighted("search_place", "B")
        + _weighted("search_body", "C"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cpts", "page_id"], name="one_listing_per_offer")]
        indexes = [
            GinIndex(fields=["search_vector"], name="internship_search_vector"),
            # Open offers with every facet and sort column: counts and pages come from
            # an index-only scan, without reading the wide rows (texts, vector).
            models.Index(
                fields=["status", "end_date"],
                include=[
                    "id",
                    "discipline",
                    "level",
                    "region_code",
                    "department_code",
                    "cpts_id",
                    "housing",
                    "start_date",
                    "first_published_at",
                ],
                name="internship_open_facets",
            ),
            models.Index(fields=["start_date"], name="internship_start"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def document_id(self) -> str:
        """The offer's id across the network: its CPTS's schema and its page."""
        return f"{self.cpts.schema_name}:{self.page_id}"


class LexiconWord(models.Model):
    """A word seen in an indexed offer; typo correction picks from these (search.lexicon)."""

    id = models.BigAutoField(primary_key=True)
    word = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return self.word
