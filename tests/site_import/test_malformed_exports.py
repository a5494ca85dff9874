"""A malformed export is read item by item: a bad item is a line of the report, the others import.

Sent through the admin's *Importer un site* screen (the CPTS's host, a signed-in
administrator), as the coordinator does. The properties generate WordPress items
and Plone ``__metadata__.json`` entries with odd, missing or ill-typed values.
"""

import json
from datetime import datetime

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from content.models import StandardPage
from tests.conftest import login
from tests.site_import.exports import plone_item, plone_zip, post_import, wxr, wxr_item

CONTENT_TYPES = ("page", "post", "tribe_events", "attachment")
# Text an XML 1.0 document can hold (no control characters, no lone surrogates).
junk = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=24)


def report_of(response):
    assert response.status_code == 200, response.content[:2000]
    return response.context["report"]


def flagged(report) -> set[str]:
    """The keys of the lines an editor is asked to look at (notes, skipped, failed)."""
    return {line.key for line in report.lines if line.notes or line.action in ("skip", "fail")}


def test_a_non_numeric_menu_order_or_an_unreadable_date_is_a_note_and_the_rest_imports(
    alpha, alpha_client, tmp_path
):
    export = tmp_path / "export.xml"
    page = {"post_type": "page", "status": "publish", "post_date": "2025-09-01 09:10:00"}
    export.write_bytes(
        wxr(
            [
                wxr_item({**page, "post_id": "1", "title": "Ordre bizarre", "menu_order": "premier"}),
                wxr_item({**page, "post_id": "2", "title": "Date bizarre", "post_date_gmt": "hier soir"}),
                wxr_item({**page, "post_id": "3", "title": "Lien bizarre", "link": "http://[::1"}),
                wxr_item({"title": "Sans identifiant", "post_type": "page"}),
                wxr_item({**page, "post_id": "4", "title": "Saine"}),
            ]
        )
    )
    login(alpha_client, alpha)
    report = report_of(post_import(alpha_client, export))
    lines = {line.key: line for line in report.lines}
    assert "ordre de menu « premier » illisible" in " ".join(lines["wp:1"].notes)
    assert "date « hier soir » illisible" in " ".join(lines["wp:2"].notes)
    assert lines["wp:sans-identifiant-4"].action == "skip"
    assert {lines[f"wp:{n}"].action for n in "1234"} == {"create"}
    with alpha.context():
        assert set(StandardPage.objects.values_list("title", flat=True)) >= {
            "Ordre bizarre",
            "Date bizarre",
            "Lien bizarre",
            "Saine",
        }


def test_a_plone_export_with_broken_entries_imports_the_rest(alpha, alpha_client, tmp_path):
    good = plone_item("b" * 32, "Document", "/bonne-page", text={"data": "<p>Texte.</p>"})
    export = plone_zip(
        tmp_path / "casse.zip",
        {
            "good/data.json": good,
            "nouid/data.json": {"@type": "Document", "@id": "/sans-uid", "title": "Sans UID"},
            "list/data.json": b"[1, 2, 3]",
            "broken/data.json": b'{"@type": "Document", "UID": ',
        },
        data_files=[
            "good/data.json",
            "nouid/data.json",
            "list/data.json",
            "broken/data.json",
            "absent/data.json",
            7,
        ],
        metadata={"ordering": {"b" * 32: "deuxième"}, "default_page": {"b" * 32: "pas un objet"}},
    )
    login(alpha_client, alpha)
    report = report_of(post_import(alpha_client, export))
    lines = {line.key: line for line in report.lines}
    assert lines["plone:" + "b" * 32].action == "create"
    assert "ordre « deuxième » illisible" in " ".join(lines["plone:" + "b" * 32].notes)
    for key in ("nouid/data.json", "list/data.json", "broken/data.json", "absent/data.json", "entry-5"):
        assert lines[f"plone:{key}"].action == "skip", key
    assert "absent de l'archive" in " ".join(lines["plone:absent/data.json"].notes)
    with alpha.context():
        assert StandardPage.objects.filter(slug="bonne-page").exists()


# --- Properties: whatever the values, the import answers with its report, one line per item.


def _parses(value: str | None, read) -> bool:
    try:
        read(value)
    except (TypeError, ValueError, OverflowError):
        return False
    return True


@st.composite
def wxr_items(draw):
    items, expected = [], []
    for position in range(1, draw(st.integers(1, 4)) + 1):
        fields = {
            "title": draw(st.none() | junk),
            "post_id": draw(st.none() | st.just(str(5000 + position))),
            "post_type": draw(st.none() | st.sampled_from(CONTENT_TYPES) | junk),
            "status": draw(st.none() | st.sampled_from(["publish", "draft", "trash", "private"]) | junk),
            "menu_order": draw(st.none() | st.integers(-3, 30).map(str) | junk),
            "post_date_gmt": draw(
                st.none() | st.sampled_from(["2026-03-02 10:00:00", "0000-00-00 00:00:00"]) | junk
            ),
            "post_date": draw(st.none() | st.just("2026-03-02 11:00:00") | junk),
            "post_parent": draw(
                st.none() | st.sampled_from(["0", "5001", "5002", str(5000 + position)]) | junk
            ),
            "link": draw(st.none() | st.sampled_from(["https://www.cpts-essai.fr/a/", "http://[::1"]) | junk),
            "content": draw(
                st.none() | junk | st.just('<a href="http://[x">lien</a> <cpts-shortcode index="z">')
            ),
            "attachment_url": draw(st.none() | junk),
        }
        meta = draw(
            st.dictionaries(
                st.sampled_from(["_EventStartDate", "_EventEndDate", "_wp_attached_file"]), junk, max_size=3
            )
        )
        items.append(wxr_item(fields, meta))
        bad = (
            fields["post_type"] not in CONTENT_TYPES
            or fields["status"] not in ("publish", "draft")
            or (
                fields["menu_order"] is not None
                and fields["menu_order"].strip()
                and not _parses(fields["menu_order"], int)
            )
            or (
                fields["post_date_gmt"]
                and not fields["post_date_gmt"].startswith("0000")
                and not _parses(fields["post_date_gmt"], datetime.fromisoformat)
            )
        )
        key = f"wp:{fields['post_id']}" if fields["post_id"] else f"wp:sans-identifiant-{position}"
        expected.append((key, bad or not fields["post_id"]))
    return items, expected


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(generated=wxr_items(), button=st.sampled_from(["simulate", "import"]))
def test_no_malformed_wordpress_item_breaks_the_import_and_each_is_reported(
    alpha, alpha_client, tmp_path_factory, generated, button
):
    items, expected = generated
    export = tmp_path_factory.mktemp("wxr") / "export.xml"
    export.write_bytes(wxr(items))
    login(alpha_client, alpha)
    report = report_of(post_import(alpha_client, export, button=button))
    keys = {line.key for line in report.lines}
    for key, bad in expected:
        assert key in keys, (key, report.as_text())
        if bad:
            assert key in flagged(report), (key, report.as_text())


PLONE_TYPES = ("Document", "Folder", "News Item", "Event", "Image", "File", "Link")
not_text = st.none() | st.integers() | st.floats() | st.lists(st.integers(), max_size=2)
json_junk = not_text | junk


@st.composite
def plone_exports(draw):
    items, listed, expected = {}, [], []
    for position in range(1, draw(st.integers(1, 4)) + 1):
        name, uid = f"e{position}/data.json", f"{position:032x}"
        shape = draw(st.sampled_from(["item", "item", "item", "not json", "a list", "absent"]))
        if shape == "item":
            item = plone_item(uid, draw(st.sampled_from(PLONE_TYPES) | junk), f"/p{position}")
            for field in (
                "title",
                "effective",
                "review_state",
                "creators",
                "subjects",
                "text",
                "image",
                "file",
                "start",
                "end",
                "description",
                "@id",
                "UID",
                "@type",
            ):
                if draw(st.booleans()):
                    item[field] = draw(json_junk)
            items[name] = item
            # What the reader needs of an entry; the rest may be anything (notes, defaults).
            whole = (
                isinstance(item.get("UID"), str)
                and item["UID"]
                and isinstance(item.get("@id"), str)
                and item["@id"].startswith("/")
                and isinstance(item.get("@type"), str)
            )
            expected.append((f"plone:{item['UID']}" if whole else None, name))
        else:
            if shape != "absent":
                items[name] = b"{not json" if shape == "not json" else b"[1, 2]"
            expected.append((None, name))
        listed += [name] * draw(st.integers(1, 2))
    listed += draw(st.lists(not_text, max_size=2))
    metadata = {
        "ordering": draw(
            st.dictionaries(st.sampled_from([f"{n:032x}" for n in range(1, 5)]), json_junk, max_size=3)
        ),
        "default_page": draw(
            st.dictionaries(
                st.sampled_from([f"{n:032x}" for n in range(1, 5)]),
                json_junk | st.fixed_dictionaries({"default_page_uuid": json_junk}),
                max_size=2,
            )
        ),
    }
    return items, listed, metadata, expected


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(generated=plone_exports(), button=st.sampled_from(["simulate", "import"]))
def test_no_malformed_plone_entry_breaks_the_import_and_each_is_reported(
    alpha, alpha_client, tmp_path_factory, generated, button
):
    items, listed, metadata, expected = generated
    export = plone_zip(
        tmp_path_factory.mktemp("plone") / "export.zip", items, data_files=listed, metadata=metadata
    )
    login(alpha_client, alpha)
    report = report_of(post_import(alpha_client, export, button=button))
    keys = {line.key for line in report.lines}
    for uid_key, name in expected:
        # A readable item keeps its UID's key; one that cannot be read is named by its file.
        assert uid_key in keys or f"plone:{name}" in keys, (
            name,
            json.dumps(items.get(name), default=str)[:300],
        )
        if uid_key is None:
            assert f"plone:{name}" in flagged(report), name
    for index, entry in enumerate(listed):
        if not isinstance(entry, str):
            assert f"plone:entry-{index}" in flagged(report), (index, entry)
