"""Départements as the engine stores them: a position in :data:`DEPARTEMENT_CODES`.

The codes, names and land neighbours are the shared vocabulary's
(:mod:`vocabulary.departements`); the engine adds the neighbourhood as a matrix and, for the
benchmark only, rounded legal populations of the early 2020s, which place a synthetic
population and nothing else.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from vocabulary.departements import DEPARTEMENT_CODES, DEPARTEMENT_NAMES, NEIGHBOURS

__all__ = [
    "DEPARTEMENTS",
    "DEPARTEMENT_CODES",
    "NEAR",
    "POPULATION",
    "Departement",
    "UnknownDepartementError",
    "departement_index",
]

_POPULATION: dict[str, int] = {
    "01": 657_000,
    "02": 527_000,
    "03": 335_000,
    "04": 165_000,
    "05": 141_000,
    "06": 1_094_000,
    "07": 329_000,
    "08": 270_000,
    "09": 155_000,
    "10": 310_000,
    "11": 375_000,
    "12": 280_000,
    "13": 2_043_000,
    "14": 697_000,
    "15": 144_000,
    "16": 352_000,
    "17": 656_000,
    "18": 298_000,
    "19": 240_000,
    "2A": 160_000,
    "2B": 182_000,
    "21": 534_000,
    "22": 601_000,
    "23": 115_000,
    "24": 413_000,
    "25": 545_000,
    "26": 517_000,
    "27": 599_000,
    "28": 431_000,
    "29": 916_000,
    "30": 750_000,
    "31": 1_415_000,
    "32": 192_000,
    "33": 1_636_000,
    "34": 1_176_000,
    "35": 1_094_000,
    "36": 218_000,
    "37": 611_000,
    "38": 1_271_000,
    "39": 259_000,
    "40": 418_000,
    "41": 329_000,
    "42": 765_000,
    "43": 227_000,
    "44": 1_447_000,
    "45": 682_000,
    "46": 174_000,
    "47": 331_000,
    "48": 77_000,
    "49": 820_000,
    "50": 492_000,
    "51": 566_000,
    "52": 171_000,
    "53": 307_000,
    "54": 733_000,
    "55": 182_000,
    "56": 763_000,
    "57": 1_047_000,
    "58": 202_000,
    "59": 2_611_000,
    "60": 830_000,
    "61": 279_000,
    "62": 1_458_000,
    "63": 663_000,
    "64": 688_000,
    "65": 229_000,
    "66": 482_000,
    "67": 1_141_000,
    "68": 767_000,
    "69": 1_883_000,
    "70": 234_000,
    "71": 550_000,
    "72": 566_000,
    "73": 439_000,
    "74": 834_000,
    "75": 2_133_000,
    "76": 1_255_000,
    "77": 1_431_000,
    "78": 1_449_000,
    "79": 375_000,
    "80": 570_000,
    "81": 389_000,
    "82": 262_000,
    "83": 1_077_000,
    "84": 562_000,
    "85": 690_000,
    "86": 439_000,
    "87": 372_000,
    "88": 362_000,
    "89": 335_000,
    "90": 141_000,
    "91": 1_306_000,
    "92": 1_624_000,
    "93": 1_655_000,
    "94": 1_407_000,
    "95": 1_249_000,
    "971": 384_000,
    "972": 361_000,
    "973": 286_000,
    "974": 868_000,
    "976": 310_000,}


class Departement(NamedTuple):
    code: str
    name: str
    population: int
    neighbours: tuple[str, ...]


DEPARTEMENTS: tuple[Departement, ...] = tuple(
    Departement(code, DEPARTEMENT_NAMES[code], _POPULATION[code], NEIGHBOURS[code])
    for code in DEPARTEMENT_CODES
)
_INDEX: dict[str, int] = {code: i for i, code in enumerate(DEPARTEMENT_CODES)}


class UnknownDepartementError(KeyError):
    """A département code outside the table (codes are strings: "01", "2A", "974")."""


def departement_index(code: str) -> int:
    """The position of a département in :data:`DEPARTEMENT_CODES`, the value stored in arrays."""
    try:
        return _INDEX[code]
    except KeyError:
        raise UnknownDepartementError(code) from None


def _near_matrix() -> np.ndarray:
    near = np.eye(len(DEPARTEMENT_CODES), dtype=bool)
    for i, code in enumerate(DEPARTEMENT_CODES):
        for neighbour in NEIGHBOURS[code]:
            near[i, _INDEX[neighbour]] = True
    near.flags.writeable = False
    return near


# NEAR[i, j]: same département or sharing a land border; in-person meetings need it.
NEAR: np.ndarray = _near_matrix()

POPULATION: np.ndarray = np.array([d.population for d in DEPARTEMENTS], dtype=np.int64)
POPULATION.flags.writeable = False
