"""Fills the site with demo content written for this project (``manage.py seed_demo``).

Idempotent: sections, authors and tags are updated in place, articles are created only where
their slug is missing. Large runs (``--articles 3000``) stay fast by drawing pictures from a
small pool whose renditions are made once, and by inserting rows in bulk.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.dispatch import Signal
from django.utils import timezone

from articles.caching.invalidation import content_changed
from articles.images import build_renditions
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    RelatedArticle,
    Section,
    Tag,
    TaggedArticle,
)
from articles.search import index_words
from articles.text import danish_slugify

from . import content
from .images import housing_scene, portrait

# Sent after the articles are seeded, so that other apps (goals) can add their demo content
# without articles knowing about them.
demo_content_seeded = Signal()

HANDWRITTEN = len(content.ARTICLES)
DAYS_SPREAD = 730  # two years of articles
# Only ever used with DEBUG on, for the two local demo accounts.
DEMO_PASSWORD = "almene-demo-2026"
# The demo accounts (username, group, the author they write as): a journalist and an editor.
DEMO_STAFF = (
    ("journalist", "Journalist", "sara-vestergaard-nielsen"),
    ("redaktoer", "Redaktør", "jonas-broendum-lauridsen"),
)


@dataclass
class PoolImage:
    name: str
    renditions: dict


class DemoSeeder:
    def __init__(self, article_count: int, image_count: int = 16, log=print):
        self.article_count = article_count
        self.image_count = image_count
        self.log = log
        self.now = timezone.now()

    def run(self) -> int:
        with transaction.atomic():
            sections = self.seed_sections()
            authors = self.seed_authors()
            tags = self.seed_tags()
            if settings.DEBUG:
                self.seed_staff(authors)
        pool = self.image_pool()
        with transaction.atomic():
            created = self.seed_articles(sections, authors, tags, pool)
        if created:
            # bulk_create sends no signals: index the new words and retire cached pages here.
            index_words()
            content_changed()
        demo_content_seeded.send(sender=self.__class__)
        return created

    def seed_sections(self) -> dict[str, Section]:
        sections = {}
        for position, data in enumerate(content.SECTIONS):
            section, _ = Section.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "description": data["description"],
                    "position": position,
                },
            )
            sections[section.slug] = section
        return sections

    def seed_authors(self) -> dict[str, Author]:
        authors = {}
        for number, data in enumerate(content.AUTHORS):
            author, _ = Author.objects.update_or_create(
                slug=data["slug"],
                defaults={"name": data["name"], "role": data["role"], "bio": data["bio"]},
            )
            if not author.photo:
                author.photo.save(
                    f"{author.slug}.jpg", ContentFile(portrait(author.name, number)), save=False
                )
                author.save()
            authors[author.slug] = author
        return authors

    def seed_staff(self, authors):
        """Two accounts to try the newsroom with, on development machines only (DEBUG): each
        a person of the demo's newsroom, with their name, an e-mail address (so the
        newsroom's notifications have somewhere to go) and their byline."""
        User = get_user_model()
        for username, group, author_slug in DEMO_STAFF:
            author = authors[author_slug]
            first_name, _, last_name = author.name.partition(" ")
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": True}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                self.log(f"Demokonto: {username} / {DEMO_PASSWORD} ({group}, {author.name})")
            if created or not user.get_full_name():  # accounts made before they had names
                user.first_name, user.last_name = first_name, last_name
                user.email = user.email or f"{username}@almene-nyheder.example"
                user.save()
            user.groups.add(Group.objects.get(name=group))
            if author.user_id is None and not Author.objects.filter(user=user).exists():
                author.user = user
                author.save(update_fields=["user"])

    def seed_tags(self) -> dict[str, Tag]:
        existing = {tag.name.lower(): tag for tag in Tag.objects.filter(name__in=content.TAGS)}
        tags = {}
        for name in content.TAGS:
            tag = existing.get(name.lower())
            if tag is None:
                tag = Tag.objects.create(name=name)  # Tag.save() makes the slug
            tags[name] = tag
        return tags

    def image_pool(self) -> list[PoolImage]:
        field = Article._meta.get_field("hero_image")
        pool = []
        for number in range(self.image_count):
            name = f"demo/estate-{number:02d}.jpg"
            if not default_storage.exists(name):
                name = default_storage.save(name, ContentFile(housing_scene(number)))
            renditions = build_renditions(FieldFile(None, field, name), ("hero", "card"))
            pool.append(PoolImage(name, renditions))
        return pool

    def published_at(self, index: int):
        """Newest first, spread over two years, at working hours."""
        rng = random.Random(f"date-{index}")
        moment = self.now - timedelta(days=DAYS_SPREAD * index / max(self.article_count, 1))
        local = timezone.localtime(moment).replace(
            hour=rng.randint(7, 17), minute=rng.randint(0, 59), second=0, microsecond=0
        )
        return local if local <= self.now else local - timedelta(days=1)

    def article_specs(self, sections, authors, tags):
        """Yields (slug, fields, author slugs, tag names) for every demo article."""
        for index in range(self.article_count):
            if index < HANDWRITTEN:
                data = content.ARTICLES[index]
                slug = danish_slugify(data["title"])
            else:
                data = self.filler(index, authors, sections)
                slug = f"{danish_slugify(data['title'], 180)}-{index}"
            status = Article.Status.PUBLISHED
            published_at = self.published_at(index)
            if index == HANDWRITTEN - 2:
                # One article waiting for an editor and one scheduled, for the admin's sake.
                status, published_at = Article.Status.REVIEW, None
            elif index == HANDWRITTEN - 1:
                published_at = self.now + timedelta(days=3)
            fields = {
                "title": data["title"],
                "slug": slug,
                "section": sections[data["section"]],
                "lead": data["lead"],
                "body": data["body"],
                "hero_alt": data["hero_alt"],
                "hero_caption": data["hero_caption"],
                "hero_credit": data["hero_credit"],
                "status": status,
                "published_at": published_at,
            }
            yield index, fields, data["authors"], data["tags"]

    def filler(self, index: int, authors, sections) -> dict:
        rng = random.Random(f"article-{index}")
        place = rng.choice(content.PLACES)
        paragraphs = rng.sample(content.FILLER_PARAGRAPHS, 6)
        headings = rng.sample(content.FILLER_SUBHEADINGS, 2)
        quote, attribution = rng.choice(content.FILLER_QUOTES)
        items = rng.sample(content.FILLER_LIST_ITEMS, 4)
        body = "".join(
            [
                f"<p>{paragraphs[0]}</p>",
                f"<p>{paragraphs[1]}</p>",
                f"<h2>{headings[0]}</h2>",
                f"<p>{paragraphs[2]}</p>",
                "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>",
                f"<p>{paragraphs[3]}</p>",
                f'<blockquote class="pull-quote"><p>{quote}</p>'
                f'<p class="attribution">{attribution}</p></blockquote>',
                f"<h2>{headings[1]}</h2>",
                f"<p>{paragraphs[4]}</p>",
                f"<p>{paragraphs[5]}</p>",
            ]
        )
        author_slugs = rng.sample(sorted(authors), 2 if rng.random() < 0.2 else 1)
        return {
            "title": rng.choice(content.FILLER_HEADLINES).format(place=place),
            "section": rng.choice(sorted(sections)),
            "authors": author_slugs,
            "tags": rng.sample(content.TAGS, rng.randint(3, 5)),
            "lead": rng.choice(content.FILLER_LEADS).format(place=place),
            "body": body,
            "hero_alt": f"Almene boligblokke og grønne arealer i {place}",
            "hero_caption": f"Boligområdet i {place}.",
            "hero_credit": rng.choice(
                ["Maja Kjærgaard", "Jonas Bech", "Sofie Lund", "Anders Vinther"]
            ),
        }

    def seed_articles(self, sections, authors, tags, pool) -> int:
        specs = list(self.article_specs(sections, authors, tags))
        existing = set(
            Article.objects.filter(
                slug__in=[fields["slug"] for _, fields, _, _ in specs]
            ).values_list("slug", flat=True)
        )
        new_specs = [spec for spec in specs if spec[1]["slug"] not in existing]
        if not new_specs:
            return 0
        articles = []
        for index, fields, _, _ in new_specs:
            picture = pool[index % len(pool)]
            articles.append(
                Article(**fields, hero_image=picture.name, hero_renditions=picture.renditions)
            )
        Article.objects.bulk_create(articles, batch_size=500)
        created = {article.slug: article for article in articles}
        if any(article.pk is None for article in articles):  # databases that return no ids
            created = Article.objects.in_bulk(list(created), field_name="slug")

        bylines, taggings = [], []
        for _, fields, author_slugs, tag_names in new_specs:
            article = created[fields["slug"]]
            for position, author_slug in enumerate(author_slugs):
                bylines.append(
                    ArticleAuthor(article=article, author=authors[author_slug], position=position)
                )
            for name in tag_names:
                taggings.append(TaggedArticle(content_object=article, tag=tags[name]))
        ArticleAuthor.objects.bulk_create(bylines, batch_size=1000)
        TaggedArticle.objects.bulk_create(taggings, batch_size=1000)
        RelatedArticle.objects.bulk_create(self.curated_links(new_specs, created), batch_size=500)
        # Each article's first version, as the admin would have kept it: "Sammenlign
        # versioner" then has the text before a journalist's first change to compare with.
        with reversion.create_revision():
            reversion.set_comment("Demoindhold")
            for article in created.values():
                reversion.add_to_revision(article)
        return len(articles)

    def curated_links(self, new_specs, created) -> list[RelatedArticle]:
        """Two related articles for each handwritten one: the handwritten articles sharing
        the most tags with it, as an editor would pick them."""
        handwritten = {
            fields["slug"]: set(tag_names)
            for index, fields, _, tag_names in new_specs
            if index < HANDWRITTEN and fields["status"] == Article.Status.PUBLISHED
        }
        links = []
        for slug, tag_names in handwritten.items():
            others = sorted(
                (other for other in handwritten if other != slug),
                key=lambda other: (-len(tag_names & handwritten[other]), other),
            )
            for position, other in enumerate(others[:2]):
                links.append(
                    RelatedArticle(
                        from_article=created[slug], to_article=created[other], position=position
                    )
                )
        return links
