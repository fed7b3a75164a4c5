"""The article list in the admin as the newsroom reads it: short Danish dates, a chip for
every status ("Sendt tilbage" too), a byline cut with the whole of it in its title, search in
titles and leads; and the Danish the admin says around it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from newsroom import workflow
from newsroom.templatetags.newsroom import short_date, short_datetime
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
CPH = ZoneInfo("Europe/Copenhagen")


def test_short_dates_are_lowercase_with_the_sites_abbreviations():
    assert short_date(datetime(2026, 12, 7, 9, 5, tzinfo=CPH)) == "7. dec. 2026"
    assert short_date(datetime(2026, 5, 17, tzinfo=CPH)) == "17. maj 2026"  # never "maj."
    assert short_datetime(datetime(2026, 12, 7, 9, 5, tzinfo=CPH)) == "7. dec. 2026 kl. 09:05"
    assert short_date(None) == ""


def test_the_admins_times_say_kl():
    when = datetime(2026, 12, 7, 16, 28, tzinfo=CPH)
    assert date_format(when, "DATETIME_FORMAT") == "7. december 2026 kl. 16:28"


def test_the_list_shows_every_status_as_a_chip(client, journalist, editor):
    returned = ArticleFactory(review=True, title="Sendt tilbage med en note", created_by=journalist)
    workflow.return_to_author(returned, editor, "Tjek tallene.")
    ArticleFactory(draft=True, title="En kladde")
    ArticleFactory(review=True, title="Til redigering")
    ArticleFactory(scheduled=True, title="I morgen")
    ArticleFactory(
        title="Udgivet",
        published_at=datetime(2026, 12, 7, 16, 28, tzinfo=CPH),
        authors=[AuthorFactory(name=name) for name in ("Anne Ager", "Bo Bech", "Carl Cold")],
    )
    client.force_login(editor)
    page = client.get(CHANGELIST).content.decode()
    for css, text in [
        ("returned", "Sendt tilbage"),
        ("draft", "Kladde"),
        ("review", "Klar til redigering"),
        ("scheduled", "Planlagt"),
        ("published", "Udgivet"),
    ]:
        assert f'<span class="article-status article-status--{css}">{text}</span>' in page
    assert '<time datetime="2026-12-07T16:28+01:00"><span>7. dec. 2026</span>' in page
    byline = "Anne Ager, Bo Bech, Carl Cold"
    assert f'<span class="article-byline" title="{byline}">{byline}</span>' in page
    assert "<h1>Artikler</h1>" in page


def test_search_finds_titles_and_leads_not_body_text(client, journalist):
    ArticleFactory(title="Varmepumper i Vollsmose", lead="Om fjernvarme.", body="<p>Solceller</p>")
    ArticleFactory(title="Nye altaner", lead="Beboerne i Vollsmose stemte ja.")
    client.force_login(journalist)
    page = client.get(CHANGELIST, {"q": "vollsmose"}).content.decode()
    assert "Varmepumper i Vollsmose" in page and "Nye altaner" in page
    assert "Varmepumper" not in client.get(CHANGELIST, {"q": "solceller"}).content.decode()
    assert 'placeholder="Titel eller manchet"' in page


def test_the_admin_says_it_in_danish(client, journalist):
    client.force_login(journalist)
    article = ArticleFactory(draft=True, created_by=journalist)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert ">Skrivebord</a>" in page and ">Hjem<" not in page
    assert "Almene Nyheder – Redaktionen" in page
    history = client.get(
        reverse("admin:articles_article_history", args=[article.pk])
    ).content.decode()
    assert "Revertere" not in history and "viadette" not in history
    add = client.get(reverse("admin:articles_article_add")).content.decode()
    assert "<h1>Ny artikel</h1>" in add
