import importlib
import io
from datetime import date, timedelta
from decimal import Decimal

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
    slug = factory.LazyAttributeSequence(lambda o, n: f"{danish_slugify(o.title)[:180]}-{n}")
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

    groups = {}
    for app_label, migration_name in [
        ("articles", "0003_newsroom_groups"),
        ("goals", "0002_newsroom_permissions"),
        ("articles", "0011_editors_see_user_accounts"),
        ("newsletter", "0002_editors_read_the_newsletter"),
        ("accountability", "0002_editors_keep_the_kolofon_and_handle_genmaeler"),
        ("newsletter", "0004_consent_texts_and_editors"),
    ]:
        migration = importlib.import_module(f"{app_label}.migrations.{migration_name}")
        permissions_of = getattr(migration, "APP_LABEL", app_label)
        for name, codenames in migration.GROUPS.items():
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=permissions_of, codename__in=codenames
                )
            )
            groups[name] = group
    return groups


class GoalProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = "goals.GoalProgramme"

    title = factory.Sequence(lambda n: f"Almene mål {2020 + n}-{2022 + n}")
    slug = factory.LazyAttribute(lambda o: danish_slugify(o.title))
    first_year = 2024
    last_year = 2026
    adopted_by = "BL's repræsentantskab"
    intro = "Tre mål for sektoren."
    is_current = False


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = "goals.Goal"

    programme = factory.SubFactory(GoalProgrammeFactory)
    title = factory.Sequence(lambda n: f"Mål nummer {n}")
    slug = factory.LazyAttribute(lambda o: danish_slugify(o.title))
    summary = factory.LazyAttribute(lambda o: f"Kort om {o.title.lower()}.")
    description = "<h2>Baggrund</h2><p>Derfor er målet vigtigt.</p>"
    theme = "groen"


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = "goals.Indicator"

    goal = factory.SubFactory(GoalFactory)
    name = "Andel af nybyggeri under klimakravet"
    unit = "%"
    baseline_value = Decimal("60")
    baseline_year = 2023
    target_value = Decimal("90")
    target_year = 2026


class MeasurementFactory(DjangoModelFactory):
    class Meta:
        model = "goals.Measurement"

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: date(2024, 1, 1) + timedelta(days=30 * n))
    value = Decimal("70")
    source = "BL, opgørelse"
