"""Names as CPTS documents write them resolve to INSEE codes; nothing is guessed."""

import pytest
from django.core.exceptions import ValidationError

from network.resolution import Status, decode_upload, resolve_communes


def resolve_one(text: str, departments=("57",)):
    results = resolve_communes(text, departments=set(departments))
    assert len(results) == 1, results
    return results[0]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Metz", "57463"),
        ("METZ", "57463"),
        ("montigny les metz", "57480"),
        ("Montigny-lès-Metz", "57480"),
        ("St-Julien-Lès-Metz", "57616"),
        ("Ste-Ruffine", "57624"),
        ("Ars/Moselle", "57032"),
        ("Ars s/ Moselle", "57032"),
        ("Le Ban-St-Martin", "57049"),
        ("57463", "57463"),
        ("Metz (57)", "57463"),
    ],
)
def test_written_forms_resolve(network, db, written, code):
    result = resolve_one(written)
    assert result.status == Status.RESOLVED
    assert result.commune.code == code


def test_old_name_of_a_merged_commune_resolves_to_the_commune_nouvelle(network, db):
    result = resolve_one("Ancy-sur-Moselle")
    assert result.status == Status.RESOLVED
    assert result.commune.name == "Ancy-Dornot"
    assert "ancien nom" in result.note


def test_two_names_run_together_give_two_communes(network, db):
    results = resolve_communes("Woippy Marly", departments={"57"})
    assert [r.commune.code for r in results] == ["57751", "57447"]


def test_homonyms_outside_the_territory_departments_are_ambiguous_with_candidates(network, db):
    result = resolve_one("Saint-Julien")
    assert result.status == Status.AMBIGUOUS
    assert len(result.candidates) > 3
    assert result.commune is None


def test_department_hint_settles_a_homonym(network, db):
    result = resolve_one("Saint-Julien (21)")
    assert result.status == Status.RESOLVED
    assert result.commune.department == "21"


def test_typo_is_not_guessed_but_suggested(network, db):
    result = resolve_one("Plapeville")
    assert result.status == Status.UNRESOLVED
    assert result.commune is None
    assert result.candidates[0].name == "Plappeville"


def test_unknown_code_is_unresolved(network, db):
    assert resolve_one("99999").status == Status.UNRESOLVED


def test_latin1_export_is_read(network, db):
    text = decode_upload("Rozérieulles\nMécleuves\n".encode("latin-1"))
    results = resolve_communes(text, departments={"57"})
    assert [r.commune.name for r in results] == ["Rozérieulles", "Mécleuves"]


def test_empty_file_is_refused():
    with pytest.raises(ValidationError, match="vide"):
        decode_upload(b"  \n ")


def test_csv_of_insee_codes_with_header(network, db):
    results = resolve_communes("code_insee;nom\n57463;Metz\n57480;Montigny\n", departments={"57"})
    resolved = {r.commune.code for r in results if r.status == Status.RESOLVED}
    assert {"57463", "57480"} <= resolved
