from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by the BKD (or the demo generator), never by sign-up."""

    def is_open_for_signup(self, request):  # type: ignore[no-untyped-def]
        return False
