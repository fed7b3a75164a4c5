"""Who handles readers' requests for a genmæle: the editors.

A request holds a reader's personal data (name, e-mail, phone) and their own words, and the
decision on it is the responsible editor's under medieansvarsloven. So only a user who may
publish (``newsroom.roles.can_publish``: the "Redaktør" group, or a superuser) and has the
model's permissions sees requests at all, in the admin and on the desk. A journalist does
not, not even the one who wrote the article, and not even if given the model's view
permission by mistake: an editor shares what the journalist needs to know.
"""

from newsroom.roles import can_publish


def can_handle_genmaele(user, action: str = "view") -> bool:
    return (
        user.is_active
        and can_publish(user)
        and user.has_perm(f"accountability.{action}_genmaelerequest")
    )
