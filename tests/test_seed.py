import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from articles.demo import content
from articles.models import Article, Author, RelatedArticle, Section, Tag

pytestmark = pytest.mark.django_db


def test_seed_demo_fills_the_site_and_is_idempotent(client):
    call_command("seed_demo", articles=50, images=2)
    counts = (Article.objects.count(), Author.objects.count(), Tag.objects.count())
    assert counts == (50, len(content.AUTHORS), len(content.TAGS))
    assert Section.objects.count() == len(content.SECTIONS)

    call_command("seed_demo", articles=50, images=2)
    assert (Article.objects.count(), Author.objects.count(), Tag.objects.count()) == counts
    # Each article has its first version, byline included, for "Sammenlign versioner".
    first = Version.objects.get_for_model(Article)
    assert first.count() == 50
    article = Article.objects.first()
    assert Version.objects.get_for_object(article).get().field_dict["title"] == article.title

    # Drafts and scheduled articles exist for the admin, but only published ones are public.
    assert Article.objects.published().count() == 48
    assert Article.objects.filter(status=Article.Status.REVIEW).count() == 1
    assert RelatedArticle.objects.exists()

    article = Article.objects.published().first()
    assert article.body.count("<h2>") >= 2 and 'class="pull-quote"' in article.body
    assert "<ul>" in article.body and article.hero_picture and article.hero_alt
    assert all(author.portrait for author in Author.objects.all())
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Om skribenten" in page and "Foto: " in page and "Læs også" in page


def test_seed_demo_rejects_nonsense():
    with pytest.raises(CommandError):
        call_command("seed_demo", articles=0)


def test_demo_accounts_only_on_development_machines(settings):
    from django.contrib.auth.models import User

    call_command("seed_demo", articles=3, images=1)
    assert not User.objects.exists()  # DEBUG is off: no accounts with a known password

    settings.DEBUG = True
    call_command("seed_demo", articles=3, images=1)
    journalist, editor = (
        User.objects.get(username="journalist"),
        User.objects.get(username="redaktoer"),
    )
    assert journalist.groups.get().name == "Journalist" and journalist.is_staff
    assert editor.groups.get().name == "Redaktør"
    # People, with their names, addresses and bylines: the newsroom shows names, not logins.
    assert journalist.get_full_name() == "Sara Vestergaard Nielsen"
    assert editor.get_full_name() == "Jonas Brøndum Lauridsen"
    assert journalist.email and editor.email
    assert journalist.author_profile.name == journalist.get_full_name()
    assert editor.author_profile.name == editor.get_full_name()
