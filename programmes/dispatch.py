"""Which programme a newcomer joins when they leave the choice to us."""

from .models import Programme


def programmes_for_youth(*, age: int, departement_code: str):
    """The programmes a youth of this age and département may join today."""
    return (
        Programme.objects.open_for_signup()
        .for_age(age)
        .serving(departement_code)
        .with_room()
        .select_related("association")
    )


def programmes_for_mentor(*, departement_code: str):
    """A full programme still needs mentors for the youths it already has: no room filter."""
    return (
        Programme.objects.open_for_signup()
        .serving(departement_code)
        .with_youth_count()
        .select_related("association")
    )


def needs_in_common(programme: Programme, needs: int) -> int:
    return (programme.needs & needs).bit_count()


def best_programme_for_youth(*, age: int, departement_code: str, needs: int) -> Programme | None:
    """Most needs in common, then most room left; None when nothing fits (waiting list).
    Only programmes with someone to vet the youth: an association without staff never would."""
    candidates = programmes_for_youth(age=age, departement_code=departement_code).staffed()
    return max(
        candidates,
        key=lambda p: (needs_in_common(p, needs), p.capacity - p.youth_count, -p.pk),
        default=None,
    )


def best_programme_for_mentor(*, departement_code: str, needs: int) -> Programme | None:
    """Most needs in common, then the most youths waiting to be mentored (among programmes
    with staff, as for youths)."""
    candidates = programmes_for_mentor(departement_code=departement_code).staffed()
    return max(
        candidates,
        key=lambda p: (needs_in_common(p, needs), p.youth_count, -p.pk),
        default=None,
    )
