"""The bands the facts are grouped in (a pair's duration, a youth's age at its start): the
builders write their codes, the figures label them."""

from datetime import date

from dateutil.relativedelta import relativedelta

from programmes.models.participants import AGE_BANDS

# (code, lowest month, first month past the band)
DURATION_BANDS = (
    ("lt3", 0, 3),
    ("3-6", 3, 6),
    ("6-9", 6, 9),
    ("9-12", 9, 12),
    ("gt12", 12, None),
)
AGE_BAND_CODES = tuple(f"{low}-{high}" for low, high in AGE_BANDS)


def age_band_code(age: int) -> str:
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}-{high}"
    return ""


def duration_band(started_on: date, ended_on: date) -> str:
    delta = relativedelta(ended_on, started_on)
    months = delta.years * 12 + delta.months
    for code, low, high in DURATION_BANDS:
        if months >= low and (high is None or months < high):
            return code
    return DURATION_BANDS[0][0]
