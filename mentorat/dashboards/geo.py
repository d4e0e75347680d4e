"""Régions (those of 2016) and their départements, for the dashboards' filters and tables.

django-localflavor gives each département the code of its region before the 2016 reform; the
table below maps those to today's regions (INSEE codes), whose names localflavor also ships.
"""

from localflavor.fr.fr_department import DEPARTMENT_CHOICES_PER_REGION
from localflavor.fr.fr_region import REGION_2016_CHOICES

# Regions before 2016 -> the region they are part of since.
_REGION_2016_OF = {
    "01": "01", "02": "02", "03": "03", "04": "04", "05": "06", "06": "06",
    "11": "11", "21": "44", "22": "32", "23": "28", "24": "24", "25": "28", "26": "27",
    "31": "32", "41": "44", "42": "44", "43": "27", "52": "52", "53": "53", "54": "75",
    "72": "75", "73": "76", "74": "75", "82": "84", "83": "84", "91": "76", "93": "93",
    "94": "94",
}  # fmt: skip

REGIONS: dict[str, str] = dict(REGION_2016_CHOICES)

REGION_OF_DEPARTEMENT: dict[str, str] = {
    code: _REGION_2016_OF[region]
    for code, _name, region in DEPARTMENT_CHOICES_PER_REGION
    if region is not None
}


def region_of(departement_code: str) -> str:
    return REGION_OF_DEPARTEMENT.get(departement_code, "")


def departements_of(region_code: str) -> list[str]:
    return [code for code, region in REGION_OF_DEPARTEMENT.items() if region == region_code]
