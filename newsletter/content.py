"""What a digest holds: the articles published in a window, with the topics each is on, and
which of them a subscriber's topics match.

Everything a digest needs of the articles is read once per digest (a few queries, whatever
the number of subscribers), and each subscriber's choice is made in memory: sending to
20,000 subscribers asks nothing of the article table per subscriber.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from articles.models import Article, ArticleAuthor, TaggedArticle
from corrections.models import Correction

from .models import Delivery


@dataclass(frozen=True)
class DigestArticle:
    """An article as a digest shows it, with the topics it is on."""

    id: int
    title: str
    lead: str
    path: str
    published_at: datetime
    section_id: int
    section_name: str
    thumbnail: str  # the card picture's path (a rendition of the site's own), or ""
    thumbnail_alt: str
    tags: frozenset[int] = frozenset()
    authors: frozenset[int] = frozenset()
    goals: frozenset[int] = frozenset()

    @property
    def url(self) -> str:
        return absolute(self.path)

    @property
    def thumbnail_url(self) -> str:
        return absolute(self.thumbnail) if self.thumbnail else ""


def absolute(path: str) -> str:
    """An address on the site, for a mail read anywhere."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + path


@dataclass(frozen=True)
class Topics:
    """What one subscriber follows."""

    everything: bool = False
    sections: frozenset[int] = frozenset()
    tags: frozenset[int] = frozenset()
    authors: frozenset[int] = frozenset()
    goals: frozenset[int] = frozenset()

    def match(self, article: DigestArticle) -> bool:
        return (
            self.everything
            or article.section_id in self.sections
            or not self.tags.isdisjoint(article.tags)
            or not self.authors.isdisjoint(article.authors)
            or not self.goals.isdisjoint(article.goals)
        )

    @property
    def empty(self) -> bool:
        return not (self.everything or self.sections or self.tags or self.authors or self.goals)


def articles_between(after: datetime | None, until: datetime) -> list[DigestArticle]:
    """The articles published after ``after`` (None: from the start) up to ``until``,
    newest first, with their topics: four queries."""
    published = Article.objects.published().filter(published_at__lte=until)
    if after is not None:
        published = published.filter(published_at__gt=after)
    rows = list(
        published.select_related("section")
        .only(
            "id",
            "title",
            "slug",
            "lead",
            "published_at",
            "hero_alt",
            "hero_renditions",
            "section__id",
            "section__name",
        )
        .order_by("-published_at", "-pk")
    )
    ids = [article.pk for article in rows]
    tags, authors, goals = defaultdict(set), defaultdict(set), defaultdict(set)
    for article_id, tag_id in TaggedArticle.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag_id"
    ):
        tags[article_id].add(tag_id)
    for article_id, author_id in ArticleAuthor.objects.filter(article_id__in=ids).values_list(
        "article_id", "author_id"
    ):
        authors[article_id].add(author_id)
    through = Article.goals.through
    for article_id, goal_id in through.objects.filter(article_id__in=ids).values_list(
        "article_id", "goal_id"
    ):
        goals[article_id].add(goal_id)
    result = []
    for article in rows:
        picture = article.card_picture
        result.append(
            DigestArticle(
                id=article.pk,
                title=article.title,
                lead=article.lead,
                path=article.get_absolute_url(),
                published_at=article.published_at,
                section_id=article.section_id,
                section_name=article.section.name,
                thumbnail=picture.src if picture else "",
                thumbnail_alt=article.hero_alt,
                tags=frozenset(tags[article.pk]),
                authors=frozenset(authors[article.pk]),
                goals=frozenset(goals[article.pk]),
            )
        )
    return result


def topics_of(subscriber_ids) -> dict[int, Topics]:
    """The topics of many subscribers at once: five queries for any number."""
    from .models import Subscriber

    chosen = {
        pk: {
            "everything": everything,
            "sections": set(),
            "tags": set(),
            "authors": set(),
            "goals": set(),
        }
        for pk, everything in Subscriber.objects.filter(pk__in=subscriber_ids).values_list(
            "pk", "everything"
        )
    }
    for name, column in (
        ("sections", "section_id"),
        ("tags", "tag_id"),
        ("authors", "author_id"),
        ("goals", "goal_id"),
    ):
        through = getattr(Subscriber, name).through
        for subscriber_id, topic_id in through.objects.filter(
            subscriber_id__in=subscriber_ids
        ).values_list("subscriber_id", column):
            if subscriber_id in chosen:
                chosen[subscriber_id][name].add(topic_id)
    return {
        pk: Topics(
            everything=values["everything"],
            sections=frozenset(values["sections"]),
            tags=frozenset(values["tags"]),
            authors=frozenset(values["authors"]),
            goals=frozenset(values["goals"]),
        )
        for pk, values in chosen.items()
    }


def select(
    articles: list[DigestArticle], topics: Topics, after: datetime | None
) -> list[DigestArticle]:
    """The articles (newest first) a subscriber with ``topics`` gets, published after
    ``after`` (their last digest's end; None: all of ``articles``)."""
    return [
        article
        for article in articles
        if (after is None or article.published_at > after) and topics.match(article)
    ]


def corrections_for(subscriber_ids, covered: dict, earliest: datetime) -> dict[int, list]:
    """For each subscriber, the corrections published since their last digest (``covered``:
    its end, else ``earliest``) to articles a digest of theirs held, newest first: a reader
    told of an article is told when it is corrected (corrections/). Two queries for a batch.
    Withdrawn corrections are not mailed: they corrected nothing."""
    received: dict[int, set[int]] = {}
    for subscriber_id, article_ids in Delivery.objects.filter(
        subscriber_id__in=subscriber_ids, state=Delivery.State.SENT
    ).values_list("subscriber_id", "article_ids"):
        received.setdefault(subscriber_id, set()).update(article_ids or [])
    if not received:
        return {}
    since = min(covered.get(pk) or earliest for pk in received)
    corrections = list(
        Correction.objects.public()
        .filter(
            state=Correction.State.PUBLISHED,
            published_at__gt=since,
            article_id__in=set().union(*received.values()),
        )
        .select_related("article")
    )
    return {
        pk: [
            correction
            for correction in corrections
            if correction.article_id in articles
            and correction.published_at > (covered.get(pk) or earliest)
        ]
        for pk, articles in received.items()
    }
