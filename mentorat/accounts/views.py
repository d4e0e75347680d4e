from allauth.account.views import SignupView

from .enums import SELF_CHOSEN_ROLES


class RoleAwareSignupView(SignupView):
    """allauth's sign-up, preselecting the role chosen on the home page (?role=mentor)."""

    def get_initial(self) -> dict:
        initial = super().get_initial()
        role = self.request.GET.get("role")
        if role in {r.value for r in SELF_CHOSEN_ROLES}:
            initial["role"] = role
        return initial
