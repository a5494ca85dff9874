"""Loading the reference data again: changed communes are rewritten, missing ones kept as not current."""

from network.models import Commune, CommuneAlias, CommuneUnit, ReferenceDataset
from network.services import reference_data_load


def test_a_second_load_of_the_same_edition_writes_nothing(network, db):
    assert reference_data_load() is None


def test_a_forced_load_mends_what_changed_and_keeps_what_the_file_no_longer_lists(network, db):
    metz = Commune.objects.get(code="57463")
    Commune.objects.filter(code="57463").update(name="Metz (typo)", postal_codes=["00000"])
    Commune.objects.create(
        code="57999",
        name="Ancienne",
        search_name="ancienne",
        department_id="57",
        region_id="44",
        population=9,
    )
    CommuneAlias.objects.filter(commune_id="57463").delete()
    counts = (Commune.objects.count(), CommuneAlias.objects.count(), CommuneUnit.objects.count())

    result = reference_data_load(force=True)

    mended = Commune.objects.get(code="57463")
    assert (mended.name, mended.postal_codes, mended.search_name) == (metz.name, metz.postal_codes, "metz")
    gone = Commune.objects.get(code="57999")
    assert not gone.is_current and result.no_longer_current == 1
    assert result.communes == Commune.objects.filter(is_current=True).count()
    assert CommuneAlias.objects.count() >= counts[1]
    # Units: every commune is its own but Paris, Lyon and Marseille, which are their arrondissements.
    assert not Commune.objects.get(code="75056").is_unit
    assert CommuneUnit.objects.filter(commune_id="75056").count() == 20
    assert CommuneUnit.objects.filter(commune_id="57463", unit_id="57463").exists()
    assert Commune.objects.get(code="75113").parent_id == "75056"
    assert ReferenceDataset.objects.count() == 1
