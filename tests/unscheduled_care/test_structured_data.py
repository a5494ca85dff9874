"""The page's schema.org microdata, read back from the HTML and checked against schema.org's own vocabulary
(release 30.0, tests/unscheduled_care/data/README.md): every type exists, every property is declared for
that type or one of its ancestors (``domainIncludes``), and every value is of a type the property accepts
(``rangeIncludes``: a nested item's type or an ancestor of it, an enumeration member, or text/number/time)."""

import gzip
import json
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

VOCABULARY = Path(__file__).with_name("data") / "schemaorg-30.0-current-https.jsonld.gz"
SCHEMA = "https://schema.org/"
# Data types a microdata text value may stand for (schema.org's DataType and its subclasses).
TEXT_RANGES = {"Text", "Number", "Time", "Date", "DateTime", "URL", "Boolean", "Float", "Integer"}


def _ids(value) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [item["@id"].removeprefix("schema:") for item in items]


@cache
def vocabulary() -> tuple[dict[str, list[str]], dict[str, tuple[list[str], list[str]]], dict[str, list[str]]]:
    """Classes → parents, properties → (domains, ranges), enumeration members → their types."""
    graph = json.loads(gzip.decompress(VOCABULARY.read_bytes()))["@graph"]
    classes, properties, members = {}, {}, {}
    for node in graph:
        name, kinds = node["@id"].removeprefix("schema:"), node["@type"]
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "rdfs:Class" in kinds:
            classes[name] = _ids(node.get("rdfs:subClassOf"))
        elif "rdf:Property" in kinds:
            properties[name] = (
                _ids(node.get("schema:domainIncludes")),
                _ids(node.get("schema:rangeIncludes")),
            )
        else:
            members[name] = [k.removeprefix("schema:") for k in kinds]
    return classes, properties, members


def ancestors(name: str) -> set[str]:
    classes = vocabulary()[0]
    found, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(classes.get(current, []))
    return found


class Microdata(HTMLParser):
    """Items (``itemscope``) with their type and properties, nested items as dicts."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.items, self.stack, self.open, self.text_props = [], [], [], []

    def _start(self, tag, attrs, *, closes: bool):
        attrs = dict(attrs)
        prop, item = attrs.get("itemprop"), None
        if "itemscope" in attrs:
            item = {"@type": attrs["itemtype"].removeprefix(SCHEMA), "props": []}
            (self.stack[-1]["props"] if prop and self.stack else []).append((prop, item))
            if not self.stack:
                self.items.append(item)
        elif prop and self.stack:
            value = attrs.get("content", attrs.get("href"))
            self.stack[-1]["props"].append((prop, value or ""))
            if value is None and not closes:
                self.text_props.append((self.stack[-1], len(self.stack[-1]["props"]) - 1, len(self.open) + 1))
        if closes:
            return
        self.open.append(item)
        if item is not None:
            self.stack.append(item)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closes=tag in self.VOID)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closes=True)

    def handle_data(self, data):
        for item, index, _depth in self.text_props:
            prop, value = item["props"][index]
            item["props"][index] = (prop, value + data)

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.open:
            return
        if self.open.pop() is not None:
            self.stack.pop()
        self.text_props = [t for t in self.text_props if t[2] <= len(self.open)]


def problems(item: dict, where: str = "") -> list[str]:
    classes, properties, members = vocabulary()
    kind, found = item["@type"], []
    if kind not in classes:
        return [f"{where}{kind}: no such type"]
    lineage = ancestors(kind)
    for prop, value in item["props"]:
        if prop not in properties:
            found.append(f"{where}{kind}.{prop}: no such property")
            continue
        domains, ranges = properties[prop]
        if not lineage & set(domains):
            found.append(f"{where}{kind}.{prop}: not a property of {kind} ({domains})")
        if isinstance(value, dict):
            if not ancestors(value["@type"]) & set(ranges):
                found.append(f"{where}{kind}.{prop}: {value['@type']} not in {ranges}")
            found += problems(value, f"{where}{kind}.{prop} → ")
        elif value.startswith(SCHEMA):
            member = value.removeprefix(SCHEMA)
            if not set(members.get(member, [])) & set(ranges):
                found.append(f"{where}{kind}.{prop}: {member} is no member of {ranges}")
        elif not set(ranges) & TEXT_RANGES:
            found.append(f"{where}{kind}.{prop}: text given, {ranges} expected")
        elif not value.strip():
            found.append(f"{where}{kind}.{prop}: empty")
    return found


def test_the_vocabulary_is_read_and_knows_what_the_test_relies_on():
    classes, properties, _members = vocabulary()
    assert "LocalBusiness" in ancestors("MedicalClinic") and "LocalBusiness" in ancestors("Physician")
    assert "MedicalClinic" in classes
    # openingHoursSpecification belongs to places: a clinic is one, an organization alone is not.
    domains = set(properties["openingHoursSpecification"][0])
    assert ancestors("MedicalClinic") & domains and not ancestors("MedicalOrganization") & domains


def test_each_place_is_valid_schema_org_with_its_hours(alpha_client, care_page):
    parser = Microdata()
    parser.feed(alpha_client.get("/soins-non-programmes/").content.decode())
    assert [item["@type"] for item in parser.items] == ["MedicalClinic", "MedicalClinic"]
    assert [p for item in parser.items for p in problems(item)] == []
    first = {prop: value for prop, value in parser.items[0]["props"] if prop != "openingHoursSpecification"}
    assert first["name"] == "Maison médicale de garde (fictif)"
    assert first["telephone"] == "03 87 00 00 01"
    assert dict(first["address"]["props"])["addressLocality"] == "Metz"
    assert dict(first["geo"]["props"]) == {"latitude": "49.119300", "longitude": "6.175700"}
    hours = [value for prop, value in parser.items[0]["props"] if prop == "openingHoursSpecification"]
    weekdays = hours[0]["props"]
    assert [v for p, v in weekdays if p == "dayOfWeek"] == [
        SCHEMA + day for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    ]
    assert {p: v for p, v in weekdays if p != "dayOfWeek"} == {"opens": "20:00", "closes": "23:59"}
    assert SCHEMA + "PublicHolidays" in [v for p, v in hours[1]["props"] if p == "dayOfWeek"]


def test_a_wrong_property_or_type_is_caught():
    """The check can fail: a MedicalOrganization has no opening hours, a place has no « opens »."""
    wrong = {
        "@type": "MedicalOrganization",
        "props": [
            ("openingHoursSpecification", {"@type": "OpeningHoursSpecification", "props": []}),
            ("opens", "08:00"),
        ],
    }
    found = problems(wrong)
    assert any("not a property of MedicalOrganization" in p for p in found)
    assert problems({"@type": "MedicalClinik", "props": []}) == ["MedicalClinik: no such type"]
