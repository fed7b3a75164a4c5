"""People as the newsroom names them: by their name, not their login."""


def display_name(user, unknown: str = "ukendt") -> str:
    """A user's full name, else their login; ``unknown`` when there is no user (an account
    deleted since). ``desk.person`` says the same in SQL."""
    if user is None:
        return unknown
    return (user.get_full_name() or "").strip() or user.get_username()
