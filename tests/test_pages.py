import datetime as dt
import re
from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom import workflow

from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    SectionFactory,
    TagFactory,
    UserFactory,
    relate,
)

pytestmark = pytest.mark.django_db


def shown_suggestions(page: str) -> list[str]:
    """The titles of the cards under "Fik du læst disse?", as the reader sees them."""
    band = page[page.index("Fik du læst disse?") :]
    band = band[: band.index("</section>")]
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', band)


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


class TestFrontPage:
    def test_top_story_latest_sections_and_count(self, client):
        section = SectionFactory(name="Byggeri og renovering")
        older = ArticleFactory(title="Ældre nyhed", section=section)
        newest = ArticleFactory(
            title="Den nyeste historie", published_at=timezone.now() - timedelta(minutes=1)
        )
        ArticleFactory(title="Hemmelig kladde", draft=True)
        ArticleFactory(title="Planlagt nyhed", scheduled=True)

        page = html(client.get("/"))

        assert '<html lang="da">' in page
        assert 'id="tophistorie"' in page
        assert (
            f'id="tophistorie" class="top-story__title"><a href="{newest.get_absolute_url()}">'
            in page
        )
        assert page.index("Den nyeste historie") < page.index("Ældre nyhed")
        assert older.lead in page
        assert "Byggeri og renovering" in page and section.description in page
        assert "Se alle artikler (2)" in page
        assert "Hemmelig kladde" not in page and "Planlagt nyhed" not in page

    def test_editors_choose_top_story_and_pinned_articles(self, client):
        newest = ArticleFactory(title="Helt ny nyhed")
        top = ArticleFactory(
            title="Valgt tophistorie",
            front_page=Article.FrontPage.TOP,
            published_at=timezone.now() - timedelta(days=10),
        )
        pinned = ArticleFactory(
            title="Fastgjort artikel",
            front_page=Article.FrontPage.PINNED,
            published_at=timezone.now() - timedelta(days=20),
        )
        ArticleFactory(title="Planlagt top", front_page=Article.FrontPage.PINNED, scheduled=True)

        response = client.get("/")
        assert response.context["top_story"] == top
        assert response.context["latest_articles"][:2] == [pinned, newest]
        assert "Planlagt top" not in response.content.decode()

    def test_empty_site(self, client):
        page = html(client.get("/"))
        assert "Der er endnu ingen udgivne artikler." in page
        assert "Se alle artikler (0)" in page


class TestArchive:
    def test_newest_first_twenty_a_page(self, client):
        articles = [ArticleFactory() for _ in range(23)]  # factory makes each one older
        first = html(client.get("/artikler/"))
        assert "23 artikler" in first
        assert first.count('class="card"') == 20
        assert first.index(articles[0].title) < first.index(articles[19].title)
        assert articles[20].title not in first
        assert 'href="?side=2"' in first

        second = html(client.get("/artikler/?side=2"))
        assert second.count('class="card"') == 3
        assert articles[22].title in second
        assert "Side 2 af 2" in second

    @pytest.mark.parametrize("value", ["abc", "0", "-3", "", "1.5", "1e3", "%00", "２"])
    def test_bad_page_numbers_give_the_first_page(self, client, value):
        ArticleFactory(title="Eneste artikel")
        assert "Eneste artikel" in html(client.get("/artikler/", {"side": value}))

    @pytest.mark.parametrize("value", ["2", "99999", "99999999999999999999999999"])
    def test_pages_past_the_end_are_404(self, client, value):
        ArticleFactory()
        response = client.get("/artikler/", {"side": value})
        assert response.status_code == 404
        assert "Siden findes ikke" in response.content.decode()

    def test_other_query_parameters_kept_in_page_links(self, client):
        for _ in range(21):
            ArticleFactory()
        page = html(client.get("/artikler/?utm_source=nyhedsbrev"))
        assert 'href="?utm_source=nyhedsbrev&amp;side=2"' in page


class TestListings:
    def test_section_page(self, client):
        section = SectionFactory(name="Boligpolitik")
        mine = ArticleFactory(section=section, title="Ny lov om husleje")
        ArticleFactory(title="Fra en anden sektion")
        ArticleFactory(section=section, title="Kladde i sektionen", draft=True)
        page = html(client.get(section.get_absolute_url()))
        assert "<h1>Boligpolitik</h1>" in page and section.description in page
        assert mine.title in page and "1 artikel" in page
        assert "Fra en anden sektion" not in page and "Kladde i sektionen" not in page
        assert 'aria-current="page"' in page

    def test_tag_page(self, client):
        tagged = ArticleFactory(tags=["Biodiversitet"], title="Vilde blomster i gården")
        ArticleFactory(tags=["Andet"], title="Uden emnet")
        ArticleFactory(tags=["Biodiversitet"], title="Planlagt om blomster", scheduled=True)
        page = html(client.get("/emner/biodiversitet/"))
        assert "<h1>Biodiversitet</h1>" in page
        assert tagged.title in page
        assert "Uden emnet" not in page and "Planlagt om blomster" not in page

    def test_author_page(self, client):
        author = AuthorFactory(name="Mette Holm", bio="Mette skriver om byggeri.")
        co_author = AuthorFactory()
        own = ArticleFactory(authors=[co_author, author], title="Fælles artikel")
        ArticleFactory(title="En andens artikel")
        ArticleFactory(authors=[author], title="Mettes kladde", draft=True)
        page = html(client.get("/skribenter/mette-holm/"))
        assert "<h1>Mette Holm</h1>" in page and "Mette skriver om byggeri." in page
        assert own.title in page
        assert "En andens artikel" not in page and "Mettes kladde" not in page

    def test_empty_listing_says_so(self, client):
        SectionFactory(name="Fjernvarme")
        page = html(client.get("/sektioner/fjernvarme/"))
        assert "Der er endnu ingen artikler i Fjernvarme." in page

    def test_a_tag_without_a_published_article_is_not_public(self, client, committed):
        """Journalists make tags: one used by drafts only, or by nothing, has not been
        reviewed and must not put its text on the site (issue 11, item 4)."""
        TagFactory(name="Ubrugt emne")
        draft = ArticleFactory(tags=["Hemmeligt projekt"], draft=True, with_image=True)
        ArticleFactory(tags=["Kommer snart"], scheduled=True)
        ArticleFactory(tags=["Offentligt emne"])
        for slug in ("ubrugt-emne", "hemmeligt-projekt", "kommer-snart"):
            assert client.get(f"/emner/{slug}/").status_code == 404, slug
            assert client.get(f"/emner/{slug}/feed/").status_code == 404, slug
        assert client.get("/emner/offentligt-emne/").status_code == 200
        search = html(client.get("/soeg/", {"q": "noget"}))
        assert "Offentligt emne" in search
        for name in ("Ubrugt emne", "Hemmeligt projekt", "Kommer snart"):
            assert name not in search
        sitemap = html(client.get("/sitemap-emner.xml"))
        assert "offentligt-emne" in sitemap and "hemmeligt-projekt" not in sitemap

        with committed():
            workflow.publish(draft, UserFactory(groups=["Redaktør"]))
        assert client.get("/emner/hemmeligt-projekt/").status_code == 200
        assert "Hemmeligt projekt" in html(client.get("/soeg/", {"q": "noget"}))

    @pytest.mark.parametrize(
        "url", ["/sektioner/findes-ikke/", "/emner/findes-ikke/", "/skribenter/findes-ikke/"]
    )
    def test_unknown_slugs_are_404(self, client, url):
        assert client.get(url).status_code == 404


class TestArticlePage:
    def test_every_block_of_the_page(self, client):
        author = AuthorFactory(
            name="Kasper Friis", role="Journalist", bio="Kasper skriver om nyt byggeri."
        )
        older = ArticleFactory(
            authors=[author],
            title="Kaspers forrige artikel",
            published_at=timezone.now() - timedelta(days=3),
        )
        article = ArticleFactory(
            with_image=True,
            authors=[author],
            title="Almene mål peger frem mod 2026",
            lead="Repræsentantskabet har vedtaget tre mål.",
            body="<h2>Tre mål</h2><p>Første afsnit.</p>"
            '<blockquote class="pull-quote"><p>Vi står sammen.</p>'
            '<p class="attribution">Lone Berg, formand</p></blockquote><ul><li>Et punkt</li></ul>',
            tags=["Beboerdemokrati", "Grøn omstilling"],
            published_at=timezone.now() - timedelta(hours=1),
        )
        page = html(client.get(article.get_absolute_url()))

        assert "<title>Almene mål peger frem mod 2026 – Almene Nyheder</title>" in page
        assert '<h1 class="article__title">Almene mål peger frem mod 2026</h1>' in page
        assert '<p class="article__lead">Repræsentantskabet har vedtaget tre mål.</p>' in page
        machine_time = timezone.localtime(article.published_at).isoformat(timespec="seconds")
        assert f'<time datetime="{machine_time}">' in page
        assert 'type="image/webp"' in page and 'fetchpriority="high"' in page
        assert 'alt="Beboere i gården foran en renoveret boligblok"' in page
        assert 'width="1200" height="800"' in page
        assert "Gården blev renoveret sidste sommer." in page
        assert "Foto: Maja Kjærgaard" in page
        assert (
            "<h2>Tre mål</h2>" in page and '<p class="attribution">Lone Berg, formand</p>' in page
        )
        assert 'href="/emner/groen-omstilling/"' in page
        assert "Om skribenten" in page and "Kasper skriver om nyt byggeri." in page
        assert 'href="/skribenter/kasper-friis/"' in page
        assert "Seneste artikel" in page and older.title in page
        assert "Se alle artikler (2)" in page

    def test_related_curated_first_then_by_tags_and_suggestions(self, client):
        article = ArticleFactory(tags=["Renovering"])
        curated = ArticleFactory(title="Håndplukket af redaktionen")
        by_tag = ArticleFactory(tags=["Renovering"], title="Samme emne")
        relate(article, curated)
        others = [ArticleFactory(title=f"Anden nyhed {n}") for n in range(6)]

        response = client.get(article.get_absolute_url())
        page = html(response)
        # Filled up only with articles that share tags: two here, not three.
        assert response.context["neighbours"].related == [curated, by_tag]
        assert page.index("Læs også") < page.index(curated.title) < page.index(by_tag.title)
        assert shown_suggestions(page) == [other.title for other in others[:4]]

    def test_suggestions_relevant_first(self, client):
        article = ArticleFactory(tags=["Ensomhed", "Ældre"])
        days_ago = [timezone.now() - timedelta(days=n) for n in range(10, 14)]
        relevant = [ArticleFactory(tags=["Ensomhed"], published_at=when) for when in days_ago]
        newer = [ArticleFactory() for _ in range(5)]

        response = client.get(article.get_absolute_url())

        # "Læs også" takes the three newest relevant articles; the fourth, although older
        # than the rest, leads the suggestions.
        assert response.context["neighbours"].related == relevant[:3]
        expected = [relevant[3], *newer[:3]]
        assert shown_suggestions(html(response)) == [item.title for item in expected]

    def test_author_box_for_every_author_in_byline_order(self, client):
        first, second = AuthorFactory(name="Anna Ahl"), AuthorFactory(name="Bo Berg")
        article = ArticleFactory(authors=[second, first])
        page = html(client.get(article.get_absolute_url()))
        assert 'Af <a href="/skribenter/bo-berg/">Bo Berg</a> og <a' in page
        assert page.count("Om skribenten") == 2
        assert page.index("Alle artikler af Bo") < page.index("Alle artikler af Anna")

    def test_author_without_other_articles(self, client):
        article = ArticleFactory()
        page = html(client.get(article.get_absolute_url()))
        assert "Om skribenten" in page and "Seneste artikel" not in page

    @pytest.mark.parametrize("trait", ["draft", "review", "scheduled"])
    def test_unpublished_articles_are_404(self, client, trait):
        article = ArticleFactory(**{trait: True})
        response = client.get(article.get_absolute_url())
        assert response.status_code == 404
        assert article.title not in response.content.decode()

    def test_unknown_slug_is_404_in_danish(self, client):
        response = client.get("/artikler/findes-ikke/")
        assert response.status_code == 404
        assert "Siden findes ikke" in response.content.decode()


class TestDanishDates:
    @pytest.mark.parametrize(
        ("utc", "shown", "machine"),
        [
            # Winter time (CET, +01:00)
            (
                dt.datetime(2024, 2, 7, 15, 12, tzinfo=dt.UTC),
                "07. feb. 2024 kl. 16:12",
                "2024-02-07T16:12:00+01:00",
            ),
            # Summer time (CEST, +02:00)
            (
                dt.datetime(2024, 7, 1, 10, 5, tzinfo=dt.UTC),
                "01. jul. 2024 kl. 12:05",
                "2024-07-01T12:05:00+02:00",
            ),
            # May is never abbreviated; just after the night the clocks go forward
            (
                dt.datetime(2024, 5, 31, 22, 30, 45, 123456, tzinfo=dt.UTC),
                "01. jun. 2024 kl. 00:30",
                "2024-06-01T00:30:45+02:00",
            ),
            (
                dt.datetime(2024, 5, 3, 9, 0, tzinfo=dt.UTC),
                "03. maj 2024 kl. 11:00",
                "2024-05-03T11:00:00+02:00",
            ),
        ],
    )
    def test_article_page_time(self, client, utc, shown, machine):
        article = ArticleFactory(published_at=utc)
        page = html(client.get(article.get_absolute_url()))
        assert f'<time datetime="{machine}">{shown}</time>' in page


def test_every_public_page_hides_drafts_and_scheduled(client):
    """One walk over every public page: no unpublished title may show anywhere."""
    section = SectionFactory()
    author = AuthorFactory()
    public = ArticleFactory(section=section, authors=[author], tags=["Delt"])
    secrets = [
        ArticleFactory(section=section, authors=[author], tags=["Delt"], draft=True),
        ArticleFactory(section=section, authors=[author], tags=["Delt"], review=True),
        ArticleFactory(section=section, authors=[author], tags=["Delt"], scheduled=True),
    ]
    relate(public, *secrets)
    goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True))
    for article in [public, *secrets]:
        article.goals.add(goal)
    urls = [
        "/",
        "/artikler/",
        public.get_absolute_url(),
        section.get_absolute_url(),
        "/emner/delt/",
        author.get_absolute_url(),
        "/almene-maal/",
        goal.get_absolute_url(),
        "/feeds/artikler/",
        f"/sektioner/{section.slug}/feed/",
        "/emner/delt/feed/",
        f"/skribenter/{author.slug}/feed/",
        f"/almene-maal/{goal.slug}/feed/",
    ]
    for url in urls:
        page = html(client.get(url))
        for secret in secrets:
            assert secret.title not in page, url
            assert secret.get_absolute_url() not in page, url


def test_server_error_page_is_danish_and_standalone():
    page = render_to_string("500.html")
    assert '<html lang="da">' in page and "Der opstod en fejl" in page


def test_url_names():
    assert reverse("articles:archive") == "/artikler/"
    assert reverse("articles:detail", kwargs={"slug": "x"}) == "/artikler/x/"
