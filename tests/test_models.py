from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from PIL import Image

from articles.models import Article, RelatedArticle, Section
from articles.text import danish_slugify, unique_slug

from .factories import ArticleFactory, AuthorFactory, SectionFactory, image_file, relate

pytestmark = pytest.mark.django_db


class TestPublished:
    def test_only_published_articles_whose_time_has_come(self):
        visible = ArticleFactory()
        ArticleFactory(draft=True)
        ArticleFactory(review=True)
        ArticleFactory(scheduled=True)
        # Published status without a time is not public either.
        ArticleFactory(published_at=None)

        assert list(Article.objects.published()) == [visible]

    def test_scheduled_article_appears_by_itself(self, monkeypatch):
        article = ArticleFactory(published_at=timezone.now() + timedelta(minutes=5))
        assert article not in Article.objects.published()

        later = timezone.now() + timedelta(minutes=6)
        monkeypatch.setattr(timezone, "now", lambda: later)

        assert article in Article.objects.published()
        assert article.is_published

    def test_is_published_agrees_with_published(self):
        articles = [
            ArticleFactory(),
            ArticleFactory(draft=True),
            ArticleFactory(review=True),
            ArticleFactory(scheduled=True),
            ArticleFactory(published_at=None),
            ArticleFactory(status=Article.Status.DRAFT),
        ]
        public = set(Article.objects.published())
        assert [a.is_published for a in articles] == [a in public for a in articles]

    def test_draft_with_past_time_stays_hidden(self):
        article = ArticleFactory(status=Article.Status.DRAFT)
        assert article.published_at is not None
        assert not Article.objects.published().filter(pk=article.pk).exists()


HOSTILE = (
    '<h2 onclick="steal()">Overskrift</h2>'
    "<script>alert(1)</script>"
    '<p style="color:red">Tekst med <a href="javascript:alert(1)">link</a> og '
    '<a href="https://example.org/side" onmouseover="x()">et godt link</a>.</p>'
    '<img src="x" onerror="alert(1)">'
    "<iframe src='https://evil.example'></iframe>"
    '<blockquote class="pull-quote evil"><p>Citat</p><p class="attribution">Navn, titel</p>'
    "</blockquote><figure><figcaption>Ikke tilladt</figcaption></figure>"
)


def assert_clean(html: str):
    for bad in (
        "<script",
        "alert(1)",
        "onclick",
        "onmouseover",
        "onerror",
        "style=",
        "javascript:",
        "<iframe",
        "<img",
        "evil",
    ):
        assert bad not in html, bad
    assert "<h2>Overskrift</h2>" in html
    assert '<a href="https://example.org/side" rel="noopener noreferrer">et godt link</a>' in html
    assert (
        '<blockquote class="pull-quote"><p>Citat</p><p class="attribution">Navn, titel</p>'
        "</blockquote>" in html
    )
    assert "<figure" not in html and "<figcaption" not in html


class TestSanitizedBody:
    def test_save_cleans_instance_and_database(self):
        article = ArticleFactory(body=HOSTILE)
        assert_clean(article.body)
        assert_clean(Article.objects.get(pk=article.pk).body)

    def test_queryset_update_is_cleaned(self):
        article = ArticleFactory()
        Article.objects.filter(pk=article.pk).update(body=HOSTILE)
        assert_clean(Article.objects.get(pk=article.pk).body)

    def test_bulk_create_is_cleaned(self):
        section = SectionFactory()
        Article.objects.bulk_create(
            [Article(title="Import", slug="import", section=section, body=HOSTILE)]
        )
        assert_clean(Article.objects.get(slug="import").body)

    def test_empty_link_title_is_dropped(self):
        article = ArticleFactory(body='<p><a href="https://bl.dk" title="">BL</a></p>')
        assert article.body == '<p><a href="https://bl.dk" rel="noopener noreferrer">BL</a></p>'

    def test_allowed_markup_survives_unchanged(self):
        body = (
            "<h2>Mellemrubrik</h2><h3>Underrubrik</h3><p><strong>Fed</strong> og <em>kursiv</em>"
            "</p><ul><li>Et</li></ul><ol><li>To</li></ol><blockquote><p>Citat</p></blockquote>"
        )
        assert ArticleFactory(body=body).body == body


class TestDeletionNeverTakesArticles:
    def test_author_with_articles_cannot_be_deleted(self):
        author = AuthorFactory()
        article = ArticleFactory(authors=[author])
        with pytest.raises(ProtectedError):
            author.delete()
        assert Article.objects.filter(pk=article.pk).exists()

    def test_section_with_articles_cannot_be_deleted(self):
        article = ArticleFactory()
        with pytest.raises(ProtectedError):
            article.section.delete()
        assert Article.objects.filter(pk=article.pk).exists()

    def test_deleting_an_article_removes_only_its_links(self):
        author = AuthorFactory()
        article, other = ArticleFactory(authors=[author]), ArticleFactory(authors=[author])
        relate(other, article)
        article.delete()
        assert not RelatedArticle.objects.exists()
        author.refresh_from_db()
        assert Section.objects.filter(pk=other.section_id).exists()


class TestRelatedArticles:
    def test_not_symmetrical_and_ordered(self):
        first, second, third = ArticleFactory(), ArticleFactory(), ArticleFactory()
        relate(first, third, second)
        assert first.related_for_display() == [third, second]
        assert second.related_for_display() == []

    def test_an_article_cannot_relate_to_itself(self):
        article = ArticleFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            RelatedArticle.objects.create(from_article=article, to_article=article)

    def test_the_same_article_only_once(self):
        article, other = ArticleFactory(), ArticleFactory()
        relate(article, other)
        with pytest.raises(IntegrityError), transaction.atomic():
            RelatedArticle.objects.create(from_article=article, to_article=other, position=5)

    def test_filled_up_with_articles_sharing_tags_and_never_drafts(self):
        article = ArticleFactory(tags=["Renovering", "Klima", "Fællesskab"])
        curated = ArticleFactory(tags=["Ensomhed"])
        two_shared = ArticleFactory(tags=["Renovering", "Klima"])
        one_shared = ArticleFactory(tags=["Fællesskab"])
        ArticleFactory(tags=["Renovering", "Klima", "Fællesskab"], draft=True)
        ArticleFactory(tags=["Renovering", "Klima", "Fællesskab"], scheduled=True)
        ArticleFactory(tags=["Andet"])
        hidden_curated = ArticleFactory(draft=True)
        relate(article, hidden_curated, curated)

        assert article.related_for_display() == [curated, two_shared, one_shared]


class TestSlugs:
    def test_danish_letters_are_spelled_out(self):
        assert danish_slugify("Læseliste for ældre på Østerbro – Århus") == (
            "laeseliste-for-aeldre-paa-oesterbro-aarhus"
        )

    def test_unique_slug_counts_up(self):
        ArticleFactory(slug="gode-nyheder")
        ArticleFactory(slug="gode-nyheder-2")
        assert unique_slug(Article.objects.all(), "Gode nyheder") == "gode-nyheder-3"
        assert unique_slug(Article.objects.all(), "Andre nyheder") == "andre-nyheder"

    def test_tag_slug_spells_out_danish_letters(self):
        article = ArticleFactory(tags=["Grøn omstilling"])
        assert article.tags.get().slug == "groen-omstilling"


class TestRenditions:
    def test_made_once_when_the_image_is_saved(self):
        article = ArticleFactory(with_image=True)
        picture = article.hero_picture
        assert picture.sizes[-1] == [1200, 800]
        assert ".webp 480w" in picture.srcset_webp and ".jpg 1200w" in picture.srcset_jpeg
        card = article.card_picture
        assert [width for width, _ in card.sizes] == [320, 480, 720]
        assert all(abs(width / height - 1.5) < 0.01 for width, height in card.sizes)

        renditions = dict(article.hero_renditions)
        article.title = "Ny titel"
        article.save()
        assert article.hero_renditions == renditions  # unchanged image: nothing remade

    def test_replaced_image_gets_new_renditions(self):
        article = ArticleFactory(with_image=True)
        old = article.hero_renditions["dir"]
        article.hero_image = image_file(colour=(200, 30, 30), name="nyt.jpg")
        article.save()
        assert article.hero_renditions["dir"] != old

        article.hero_image = None
        article.save()
        assert article.hero_renditions == {}
        assert article.hero_picture is None

    def test_orientation_applied_and_metadata_dropped(self, settings):
        exif = Image.Exif()
        exif[0x0112] = 6  # rotate 90° clockwise when shown
        exif[0x8825] = {1: "N", 2: (55.0, 40.0, 0.0)}  # GPS position
        article = ArticleFactory(
            with_image=True, hero_image=image_file(size=(1200, 800), exif=exif.tobytes())
        )
        assert article.hero_picture.sizes[-1] == [800, 1200]
        name = f"{article.hero_renditions['dir']}/hero-800.jpg"
        with Image.open(settings.MEDIA_ROOT / name) as rendition:
            assert rendition.size == (800, 1200)
            assert not rendition.getexif()


def test_cards_borrow_their_sections_and_read_the_missing_ones_once(django_assert_num_queries):
    """Cards take their section from the sections every page reads for its header; sections
    that list lacks (read for a version a moment older than the articles) are read in one
    query for all the cards, not one each, and every card shows its own section."""
    from articles.caching import store

    kept = SectionFactory(name="Boligpolitik")
    first = ArticleFactory(section=kept)
    with store.versions_pinned():
        Section.objects.in_order()  # the header's list, as the page read it
        new_ones = [SectionFactory(name=name) for name in ("Byggeri", "Klima")]
        others = [ArticleFactory(section=section) for section in new_ones * 2]
        ids = [first.pk, *(article.pk for article in others)]
        with django_assert_num_queries(2):  # the cards, and the two sections missing
            cards = Article.objects.published().for_cards().in_bulk(ids)
        with django_assert_num_queries(0):
            shown = {pk: card.section.name for pk, card in cards.items()}
        with django_assert_num_queries(1):  # all lent: the cards alone
            Article.objects.published().for_cards().in_bulk([first.pk])
    assert shown == {
        first.pk: "Boligpolitik",
        **{article.pk: article.section.name for article in others},
    }
