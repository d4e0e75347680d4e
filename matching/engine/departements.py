"""French départements: codes, land neighbours and approximate populations.

Neighbours are the real land borders between départements (Corse-du-Sud and Haute-Corse share
one; borders with other countries and sea crossings do not count). Overseas départements have
no neighbour. Populations are rounded legal populations of the early 2020s: the benchmark uses
them to place a synthetic population, nothing else depends on their precision.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Departement(NamedTuple):
    code: str
    name: str
    population: int
    neighbours: tuple[str, ...]


def _d(code: str, name: str, population: int, neighbours: str = "") -> Departement:
    return Departement(code, name, population, tuple(neighbours.split()))


DEPARTEMENTS: tuple[Departement, ...] = (
    _d("01", "Ain", 657_000, "38 39 69 71 73 74"),
    _d("02", "Aisne", 527_000, "08 51 59 60 77 80"),
    _d("03", "Allier", 335_000, "18 23 42 58 63 71"),
    _d("04", "Alpes-de-Haute-Provence", 165_000, "05 06 13 26 83 84"),
    _d("05", "Hautes-Alpes", 141_000, "04 26 38 73"),
    _d("06", "Alpes-Maritimes", 1_094_000, "04 83"),
    _d("07", "Ardèche", 329_000, "26 30 38 42 43 48 84"),
    _d("08", "Ardennes", 270_000, "02 51 55"),
    _d("09", "Ariège", 155_000, "11 31 66"),
    _d("10", "Aube", 310_000, "21 51 52 77 89"),
    _d("11", "Aude", 375_000, "09 31 34 66 81"),
    _d("12", "Aveyron", 280_000, "15 30 34 46 48 81 82"),
    _d("13", "Bouches-du-Rhône", 2_043_000, "04 30 83 84"),
    _d("14", "Calvados", 697_000, "27 50 61"),
    _d("15", "Cantal", 144_000, "12 19 43 46 48 63"),
    _d("16", "Charente", 352_000, "17 24 79 86 87"),
    _d("17", "Charente-Maritime", 656_000, "16 24 33 79 85"),
    _d("18", "Cher", 298_000, "03 23 36 41 45 58"),
    _d("19", "Corrèze", 240_000, "15 23 24 46 63 87"),
    _d("2A", "Corse-du-Sud", 160_000, "2B"),
    _d("2B", "Haute-Corse", 182_000, "2A"),
    _d("21", "Côte-d'Or", 534_000, "10 39 52 58 70 71 89"),
    _d("22", "Côtes-d'Armor", 601_000, "29 35 56"),
    _d("23", "Creuse", 115_000, "03 18 19 36 63 87"),
    _d("24", "Dordogne", 413_000, "16 17 19 33 46 47 87"),
    _d("25", "Doubs", 545_000, "39 70 90"),
    _d("26", "Drôme", 517_000, "04 05 07 38 84"),
    _d("27", "Eure", 599_000, "14 28 60 61 76 78 95"),
    _d("28", "Eure-et-Loir", 431_000, "27 41 45 61 72 78 91"),
    _d("29", "Finistère", 916_000, "22 56"),
    _d("30", "Gard", 750_000, "07 12 13 34 48 84"),
    _d("31", "Haute-Garonne", 1_415_000, "09 11 32 65 81 82"),
    _d("32", "Gers", 192_000, "31 40 47 64 65 82"),
    _d("33", "Gironde", 1_636_000, "17 24 40 47"),
    _d("34", "Hérault", 1_176_000, "11 12 30 81"),
    _d("35", "Ille-et-Vilaine", 1_094_000, "22 44 49 50 53 56"),
    _d("36", "Indre", 218_000, "18 23 37 41 86 87"),
    _d("37", "Indre-et-Loire", 611_000, "36 41 49 72 86"),
    _d("38", "Isère", 1_271_000, "01 05 07 26 42 69 73"),
    _d("39", "Jura", 259_000, "01 21 25 70 71"),
    _d("40", "Landes", 418_000, "32 33 47 64"),
    _d("41", "Loir-et-Cher", 329_000, "18 28 36 37 45 72"),
    _d("42", "Loire", 765_000, "03 07 38 43 63 69 71"),
    _d("43", "Haute-Loire", 227_000, "07 15 42 48 63"),
    _d("44", "Loire-Atlantique", 1_447_000, "35 49 56 85"),
    _d("45", "Loiret", 682_000, "18 28 41 58 77 89 91"),
    _d("46", "Lot", 174_000, "12 15 19 24 47 82"),
    _d("47", "Lot-et-Garonne", 331_000, "24 32 33 40 46 82"),
    _d("48", "Lozère", 77_000, "07 12 15 30 43"),
    _d("49", "Maine-et-Loire", 820_000, "35 37 44 53 72 79 85 86"),
    _d("50", "Manche", 492_000, "14 35 53 61"),
    _d("51", "Marne", 566_000, "02 08 10 52 55 77"),
    _d("52", "Haute-Marne", 171_000, "10 21 51 55 70 88"),
    _d("53", "Mayenne", 307_000, "35 49 50 61 72"),
    _d("54", "Meurthe-et-Moselle", 733_000, "55 57 67 88"),
    _d("55", "Meuse", 182_000, "08 51 52 54 88"),
    _d("56", "Morbihan", 763_000, "22 29 35 44"),
    _d("57", "Moselle", 1_047_000, "54 67"),
    _d("58", "Nièvre", 202_000, "03 18 21 45 71 89"),
    _d("59", "Nord", 2_611_000, "02 62 80"),
    _d("60", "Oise", 830_000, "02 27 76 77 80 95"),
    _d("61", "Orne", 279_000, "14 27 28 50 53 72"),
    _d("62", "Pas-de-Calais", 1_458_000, "59 80"),
    _d("63", "Puy-de-Dôme", 663_000, "03 15 19 23 42 43"),
    _d("64", "Pyrénées-Atlantiques", 688_000, "32 40 65"),
    _d("65", "Hautes-Pyrénées", 229_000, "31 32 64"),
    _d("66", "Pyrénées-Orientales", 482_000, "09 11"),
    _d("67", "Bas-Rhin", 1_141_000, "54 57 68 88"),
    _d("68", "Haut-Rhin", 767_000, "67 88 90"),
    _d("69", "Rhône", 1_883_000, "01 38 42 71"),
    _d("70", "Haute-Saône", 234_000, "21 25 39 52 88 90"),
    _d("71", "Saône-et-Loire", 550_000, "01 03 21 39 42 58 69"),
    _d("72", "Sarthe", 566_000, "28 37 41 49 53 61"),
    _d("73", "Savoie", 439_000, "01 05 38 74"),
    _d("74", "Haute-Savoie", 834_000, "01 73"),
    _d("75", "Paris", 2_133_000, "92 93 94"),
    _d("76", "Seine-Maritime", 1_255_000, "27 60 80"),
    _d("77", "Seine-et-Marne", 1_431_000, "02 10 45 51 60 89 91 93 94 95"),
    _d("78", "Yvelines", 1_449_000, "27 28 91 92 95"),
    _d("79", "Deux-Sèvres", 375_000, "16 17 49 85 86"),
    _d("80", "Somme", 570_000, "02 59 60 62 76"),
    _d("81", "Tarn", 389_000, "11 12 31 34 82"),
    _d("82", "Tarn-et-Garonne", 262_000, "12 31 32 46 47 81"),
    _d("83", "Var", 1_077_000, "04 06 13 84"),
    _d("84", "Vaucluse", 562_000, "04 07 13 26 30 83"),
    _d("85", "Vendée", 690_000, "17 44 49 79"),
    _d("86", "Vienne", 439_000, "16 36 37 49 79 87"),
    _d("87", "Haute-Vienne", 372_000, "16 19 23 24 36 86"),
    _d("88", "Vosges", 362_000, "52 54 55 67 68 70 90"),
    _d("89", "Yonne", 335_000, "10 21 45 58 77"),
    _d("90", "Territoire de Belfort", 141_000, "25 68 70 88"),
    _d("91", "Essonne", 1_306_000, "28 45 77 78 92 94"),
    _d("92", "Hauts-de-Seine", 1_624_000, "75 78 91 93 94 95"),
    _d("93", "Seine-Saint-Denis", 1_655_000, "75 77 92 94 95"),
    _d("94", "Val-de-Marne", 1_407_000, "75 77 91 92 93"),
    _d("95", "Val-d'Oise", 1_249_000, "27 60 77 78 92 93"),
    _d("971", "Guadeloupe", 384_000),
    _d("972", "Martinique", 361_000),
    _d("973", "Guyane", 286_000),
    _d("974", "La Réunion", 868_000),
    _d("976", "Mayotte", 310_000),
)

DEPARTEMENT_CODES: tuple[str, ...] = tuple(d.code for d in DEPARTEMENTS)
_INDEX: dict[str, int] = {code: i for i, code in enumerate(DEPARTEMENT_CODES)}


class UnknownDepartementError(KeyError):
    """A département code outside the table (codes are strings: "01", "2A", "974")."""


def departement_index(code: str) -> int:
    """The position of a département in :data:`DEPARTEMENTS`, the value stored in arrays."""
    try:
        return _INDEX[code]
    except KeyError:
        raise UnknownDepartementError(code) from None


def _near_matrix() -> np.ndarray:
    near = np.eye(len(DEPARTEMENTS), dtype=bool)
    for i, departement in enumerate(DEPARTEMENTS):
        for neighbour in departement.neighbours:
            near[i, _INDEX[neighbour]] = True
    near.flags.writeable = False
    return near


# NEAR[i, j]: same département or sharing a land border; in-person meetings need it.
NEAR: np.ndarray = _near_matrix()

POPULATION: np.ndarray = np.array([d.population for d in DEPARTEMENTS], dtype=np.int64)
POPULATION.flags.writeable = False
