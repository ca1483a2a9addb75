from pamong.tests.access_matrix import LOGGED_IN, Route


def _budis_token(p):  # type: ignore[no-untyped-def]
    from pamong.accounts.services import token_create

    return [token_create(actor=p.budi, name="matrix")[0].pk]


ROUTES = {"api_token_create": Route(LOGGED_IN), "api_token_revoke": Route({"budi"}, args=_budis_token)}
