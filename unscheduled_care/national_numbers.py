"""The national numbers and official tools every « Soins non programmés » page gives, as shipped data.

They are the same for every CPTS, so no editor types them: ``data/national_numbers.json``
holds each number with what it is for, its hours, its cost and the public page it was
read on, with the date; the official tools for a patient without a médecin traitant
likewise. A number that changes is changed there, with its source and date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "national_numbers.json"


@dataclass(frozen=True)
class NationalNumber:
    number: str
    name: str
    use: str
    hours: str
    cost: str
    source: str

    @property
    def tel(self) -> str:
        return self.number.replace(" ", "")


@dataclass(frozen=True)
class OfficialTool:
    name: str
    use: str
    url: str


@dataclass(frozen=True)
class NationalData:
    read_on: str
    numbers: list[NationalNumber]
    official_tools: list[OfficialTool]


@cache
def national_data() -> NationalData:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return NationalData(
        read_on=data["read_on"],
        numbers=[NationalNumber(**row) for row in data["numbers"]],
        official_tools=[OfficialTool(**row) for row in data["official_tools"]],
    )
