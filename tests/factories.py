import importlib
import io
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from articles.models import Article, ArticleAuthor, Author, RelatedArticle, Section, Tag
from articles.text import danish_slugify


def image_file(
    size=(1200, 800), colour=(40, 120, 90), name="billede.jpg", exif=None
) -> ContentFile:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, colour)
    image.save(buffer, "JPEG", **({"exif": exif} if exif else {}))
    return ContentFile(buffer.getvalue(), name=name)


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Sektion {n}")
    slug = factory.LazyAttribute(lambda o: danish_slugify(o.name))
    description = factory.LazyAttribute(lambda o: f"Artikler i sektionen {o.name}.")


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Skribent Nummer{n}")
    slug = factory.LazyAttribute(lambda o: danish_slugify(o.name))
    role = "Journalist"
    bio = factory.LazyAttribute(lambda o: f"{o.name.split()[0]} skriver om boligpolitik.")


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Emne {n}")


class ArticleFactory(DjangoModelFactory):
    """A published article by one author. Traits: ``draft``, ``review``, ``scheduled``,
    ``with_image``; ``authors=[…]`` and ``tags=[…]`` set the byline and tags."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        review = factory.Trait(status=Article.Status.REVIEW, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )
        with_image = factory.Trait(
            hero_image=factory.LazyFunction(image_file),
            hero_alt="Beboere i gården foran en renoveret boligblok",
            hero_caption="Gården blev renoveret sidste sommer.",
            hero_credit="Maja Kjærgaard",
        )

    title = factory.Sequence(lambda n: f"Artikel nummer {n} om almene boliger")
    slug = factory.LazyAttribute(lambda o: danish_slugify(o.title))
    section = factory.SubFactory(SectionFactory)
    lead = factory.LazyAttribute(lambda o: f"Manchet til {o.title.lower()}.")
    body = "<h2>Mellemrubrik</h2><p>Brødtekst om den almene sektor.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - timedelta(hours=1, minutes=n))

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if not create:
            return
        authors = extracted if extracted is not None else [AuthorFactory()]
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=self, author=author, position=position)
            for position, author in enumerate(authors)
        )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


def relate(article, *others):
    """Curate ``others`` as related to ``article``, in that order."""
    RelatedArticle.objects.bulk_create(
        RelatedArticle(from_article=article, to_article=other, position=position)
        for position, other in enumerate(others)
    )


class UserFactory(DjangoModelFactory):
    """A staff user; ``groups=["Journalist"]`` or ``["Redaktør"]`` gives them a role."""

    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bruger{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    is_staff = True
    password = factory.django.Password("en-lang-og-god-adgangskode")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            groups = newsroom_groups()
            self.groups.add(*(groups[name] for name in extracted))


def newsroom_groups() -> dict:
    """The groups of migration 0003, made again if they are gone: a transactional test (the
    browser tests) empties every table when it ends, the migration's groups included. The
    permissions themselves come back with the flush's post_migrate signal."""
    from django.contrib.auth.models import Group, Permission

    migration = importlib.import_module("articles.migrations.0003_newsroom_groups")
    groups = {}
    for name, codenames in migration.GROUPS.items():
        group, created = Group.objects.get_or_create(name=name)
        if created:
            group.permissions.set(
                Permission.objects.filter(
                    content_type__app_label="articles", codename__in=codenames
                )
            )
        groups[name] = group
    return groups
