"""Who to turn to where no CPTS covers a commune: the region's Agence régionale de santé.

An ARS validates the health projects of the CPTS of its region and knows
which are being prepared. One agency per region (INSEE region codes of the
reference data, COG 2026); Saint-Martin and Saint-Barthélemy, which have no
commune in the reference data, depend on the ARS of Guadeloupe.

Source: each agency's own site, all under ars.sante.fr (the national portal
https://www.ars.sante.fr/ links them); names and addresses as the agencies
published them on 2026-12-06. An agency renamed or merged is changed here,
with the date.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RegionalAgency:
    name: str
    url: str


ARS_BY_REGION: dict[str, RegionalAgency] = {
    "01": RegionalAgency(
        "ARS Guadeloupe, Saint-Martin et Saint-Barthélemy", "https://www.guadeloupe.ars.sante.fr/"
    ),
    "02": RegionalAgency("ARS Martinique", "https://www.martinique.ars.sante.fr/"),
    "03": RegionalAgency("ARS Guyane", "https://www.guyane.ars.sante.fr/"),
    "04": RegionalAgency("ARS La Réunion", "https://www.lareunion.ars.sante.fr/"),
    "06": RegionalAgency("ARS Mayotte", "https://www.mayotte.ars.sante.fr/"),
    "11": RegionalAgency("ARS Île-de-France", "https://www.iledefrance.ars.sante.fr/"),
    "24": RegionalAgency("ARS Centre-Val de Loire", "https://www.centre-val-de-loire.ars.sante.fr/"),
    "27": RegionalAgency("ARS Bourgogne-Franche-Comté", "https://www.bourgogne-franche-comte.ars.sante.fr/"),
    "28": RegionalAgency("ARS Normandie", "https://www.normandie.ars.sante.fr/"),
    "32": RegionalAgency("ARS Hauts-de-France", "https://www.hauts-de-france.ars.sante.fr/"),
    "44": RegionalAgency("ARS Grand Est", "https://www.grand-est.ars.sante.fr/"),
    "52": RegionalAgency("ARS Pays de la Loire", "https://www.pays-de-la-loire.ars.sante.fr/"),
    "53": RegionalAgency("ARS Bretagne", "https://www.bretagne.ars.sante.fr/"),
    "75": RegionalAgency("ARS Nouvelle-Aquitaine", "https://www.nouvelle-aquitaine.ars.sante.fr/"),
    "76": RegionalAgency("ARS Occitanie", "https://www.occitanie.ars.sante.fr/"),
    "84": RegionalAgency("ARS Auvergne-Rhône-Alpes", "https://www.auvergne-rhone-alpes.ars.sante.fr/"),
    "93": RegionalAgency("ARS Provence-Alpes-Côte d'Azur", "https://www.paca.ars.sante.fr/"),
    "94": RegionalAgency("ARS de Corse", "https://www.corse.ars.sante.fr/"),
}


def regional_agency(region_code: str) -> RegionalAgency | None:
    return ARS_BY_REGION.get(region_code)
