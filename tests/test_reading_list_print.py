"""The reading list on paper (issue 15, "On paper"): /laeseliste/udskriv/ shows the reader's
saved, published articles in full, for the browser's print or "Gem som PDF"."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from articles.models import Article, Reader, ReadingListItem, state_change

from .factories import ArticleFactory, AuthorFactory, UserFactory
from .test_reading_list import SAME_ORIGIN, add

pytestmark = pytest.mark.django_db

PRINT = "/laeseliste/udskriv/"


def printed(client) -> str:
    response = client.get(PRINT)
    assert response.status_code == 200
    return response.content.decode()


def printed_articles(page: str) -> list[str]:
    """The titles of the articles the print view shows, in its order."""
    return re.findall(r'<h2 class="print-article__title" id="artikel-\d+">([^<]*)</h2>', page)


def today_in_danish() -> str:
    """Today as Danish readers write it: "3. december 2026"."""
    with translation.override("da"):
        return dateformat.format(timezone.localdate(), "j. F Y")


def test_the_address_and_its_name():
    assert reverse("articles:reading_list_print") == PRINT


def test_every_saved_article_in_full_in_the_lists_order(client):
    first = ArticleFactory(
        title="Først gemt",
        lead="Manchetten til den første.",
        body=(
            "<h2>Mellemrubrik</h2><p>Brødtekst med <a href='https://example.org/rapport'>"
            "en rapport</a>.</p><blockquote><p>Et citat.</p></blockquote>"
        ),
        authors=[AuthorFactory(name="Kasper Friis"), AuthorFactory(name="Lone Berg")],
        with_image=True,
    )
    second = ArticleFactory(title="Sidst gemt", with_image=True)
    add(client, first)
    add(client, second)
    page = printed(client)

    # Newest added first, as on the list.
    assert printed_articles(page) == ["Sidst gemt", "Først gemt"]
    assert page.count('<article class="print-article"') == 2
    assert "Manchetten til den første." in page
    assert "Af Kasper Friis og Lone Berg" in page
    # The body as it was saved (sanitized then), its links and quotes kept.
    assert "<h2>Mellemrubrik</h2>" in page and "<blockquote><p>Et citat.</p></blockquote>" in page
    assert 'href="https://example.org/rapport"' in page
    # The hero with its caption and photographer; a modest rendition, there when printed.
    assert page.count("Gården blev renoveret sidste sommer.") == 2
    assert page.count('<span class="article__credit">Foto: Maja Kjærgaard</span>') == 2
    figure = page[page.index('<figure class="article__hero">') :]
    figure = figure[: figure.index("</figure>")]
    assert 'alt="Beboere i gården foran en renoveret boligblok"' in figure
    assert 'sizes="(min-width: 46rem) 42rem, 100vw"' in figure
    assert 'loading="lazy"' not in figure and "fetchpriority" not in figure
    # The article's address written out in full, so it works on paper.
    for article in (first, second):
        address = f"http://testserver{article.get_absolute_url()}"
        assert f'Artiklens adresse: <a href="{address}">{address}</a>' in page


def test_no_buttons_or_forms_of_the_list_in_the_pages_content(client):
    add(client, ArticleFactory())
    page = printed(client)
    content = page[page.index('<main id="indhold"') : page.index("</main>")]
    assert "data-reading-list-form" not in content
    assert "<form" not in content
    # The print button is shown by its script only; the page is useful without it.
    assert '<p data-print-actions hidden><button type="button"' in content
    assert "/static/js/print.js" in page


def test_in_danish_with_the_count_and_the_day_it_was_printed(client):
    article = ArticleFactory(published_at=timezone.now() - timedelta(days=3))
    add(client, article)
    page = printed(client)
    assert '<html lang="da">' in page
    assert f"<h1>Læseliste – 1 artikel – udskrevet {today_in_danish()}</h1>" in page
    published = timezone.localtime(article.published_at)
    assert f'<time datetime="{published.isoformat(timespec="seconds")}">' in page
    assert re.search(r"\d\d\. [a-z]{3}\.? \d{4} kl\. \d\d:\d\d</time>", page)

    for _ in range(4):
        add(client, ArticleFactory())
    assert f"<h1>Læseliste – 5 artikler – udskrevet {today_in_danish()}</h1>" in printed(client)


def test_an_empty_list_says_so(client):
    page = printed(client)
    assert "Din læseliste er tom." in page and "Der er ingen artikler at udskrive." in page
    assert f"<h1>Læseliste – udskrevet {today_in_danish()}</h1>" in page
    assert printed_articles(page) == []
    # Looking at the print view makes no reader and sets no cookie.
    assert not Reader.objects.exists() and "laeseliste" not in client.cookies


def test_another_readers_list_is_never_shown(client):
    mine, theirs = ArticleFactory(title="Min artikel"), ArticleFactory(title="Deres artikel")
    add(client, mine)
    other = Client()
    add(other, theirs)
    assert printed_articles(printed(client)) == ["Min artikel"]
    assert printed_articles(printed(other)) == ["Deres artikel"]
    # A visitor without a list, or with a forged cookie, sees no one's list.
    assert printed_articles(printed(Client())) == []
    forged = Client()
    forged.cookies["laeseliste"] = client.cookies["laeseliste"].value[:-2] + "xx"
    assert printed_articles(printed(forged)) == []


def test_a_logged_in_reader_prints_the_list_on_their_account(client):
    user = UserFactory(is_staff=False)
    on_account = ArticleFactory(title="På kontoen")
    ReadingListItem.objects.create(reader=Reader.objects.create(user=user), article=on_account)
    assert printed_articles(printed(client)) == []
    client.force_login(user)
    assert printed_articles(printed(client)) == ["På kontoen"]


def test_articles_no_longer_published_are_left_out(client):
    kept = ArticleFactory(title="Stadig udgivet")
    withdrawn = ArticleFactory(title="Trukket tilbage", body="<p>Hemmelig kladde.</p>")
    postponed = ArticleFactory(title="Udskudt")
    for article in (kept, withdrawn, postponed):
        add(client, article)
    with state_change():  # behind the workflow's back, on purpose
        Article.objects.filter(pk=withdrawn.pk).update(status=Article.Status.DRAFT)
    with state_change():  # behind the workflow's back, on purpose
        Article.objects.filter(pk=postponed.pk).update(
            published_at=timezone.now() + timedelta(days=1)
        )
    page = printed(client)
    assert printed_articles(page) == ["Stadig udgivet"]
    assert "Hemmelig kladde." not in page and "Udskudt" not in page
    assert "Læseliste – 1 artikel –" in page
    # Still on the list: they come back when they are published again.
    assert ReadingListItem.objects.count() == 3


def test_never_cached(client):
    add(client, ArticleFactory())
    response = client.get(PRINT)
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_query_count_does_not_grow_with_the_list(client, django_assert_max_num_queries):
    """Bodies, bylines and sections come in a fixed number of queries: the print view of ten
    articles, each by two authors in a section of its own, costs what one costs."""

    def save(count):
        for _ in range(count):
            add(client, ArticleFactory(authors=[AuthorFactory(), AuthorFactory()], with_image=True))

    save(1)
    printed(client)  # the site-wide values (navigation, content version) kept, as in use
    with CaptureQueriesContext(connection) as captured:
        page = printed(client)
    assert len(printed_articles(page)) == 1
    # Counted now: the next request empties the connection's log of queries.
    one = len(captured)

    save(9)
    printed(client)
    with django_assert_max_num_queries(one):
        page = printed(client)
    assert len(printed_articles(page)) == 10
    assert page.count('<p class="article__byline">Af ') == 10
    # The reader, the items with their articles and sections, the bylines with their
    # authors, the header's counter.
    with django_assert_max_num_queries(4):
        printed(client)


def test_the_list_page_links_to_the_print_view(client):
    empty = client.get("/laeseliste/").content.decode()
    assert "Udskriv læselisten" not in empty  # nothing to print yet
    add(client, ArticleFactory())
    page = client.get("/laeseliste/").content.decode()
    assert f'<a href="{PRINT}">Udskriv læselisten</a>' in page


def test_every_page_has_the_print_stylesheet(client):
    article = ArticleFactory()
    for url in ("/", article.get_absolute_url(), "/laeseliste/", PRINT):
        page = client.get(url, **SAME_ORIGIN).content.decode()
        assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in page, url
