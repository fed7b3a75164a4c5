"""The newsroom's roles, asked of a user: the admin's permission checks build on these."""

from articles.models import Article


def can_publish(user) -> bool:
    """Editors: publish, schedule and unpublish any article, and edit any article."""
    return user.has_perm("articles.publish_article")


def can_curate(user) -> bool:
    """Editors: related articles and the front page."""
    return user.has_perm("articles.curate_article")


def is_own(user, article: Article) -> bool:
    """An article is a journalist's own when they created it or stand in its byline."""
    if not user.is_authenticated or article.pk is None:
        return False
    return article.created_by_id == user.pk or (article.bylines.filter(author__user=user).exists())
