"""The newsroom desk at /admin/ (issue 12): each user's own drafts and what waits for them;
for editors also what waits for review, what is scheduled and what was published last. The
log entries and pending changes are written directly here: newsroom/workflow.py, which
writes them for real, has its own tests."""

import re
from datetime import datetime, time, timedelta
from html.parser import HTMLParser
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from articles import caching
from articles.models import Article, ArticleEvent, PendingChange, state_change
from newsroom import desk

from .factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

DESK_URL = reverse("admin:index")
APPS_URL = reverse("admin:apps")
Action = ArticleEvent.Action


@pytest.fixture
def journalist():
    user = UserFactory(
        username="jette", first_name="Jette", last_name="Journalist", groups=["Journalist"]
    )
    AuthorFactory(name="Jette Journalist", user=user)
    return user


@pytest.fixture
def other_journalist():
    return UserFactory(username="ole", first_name="Ole", last_name="Olsen", groups=["Journalist"])


@pytest.fixture
def editor():
    return UserFactory(
        username="rikke", first_name="Rikke", last_name="Redaktør", groups=["Redaktør"]
    )


def log(article, action, actor=None, note="", ago=timedelta(0), **fields):
    """A log entry for ``article``, ``ago`` before now."""
    return ArticleEvent.objects.create(
        article=article,
        actor=actor,
        action=action,
        to_status=fields.pop("to_status", article.status),
        note=note,
        created_at=timezone.now() - ago,
        **fields,
    )


def submitted(actor, title, ago, note="", **fields):
    """An article in review that ``actor`` sent ``ago`` ago."""
    article = ArticleFactory(review=True, title=title, **fields)
    log(article, Action.SUBMITTED, actor, note, ago, from_status=Article.Status.DRAFT)
    return article


def change(article, proposed_by, state=PendingChange.State.PENDING, ago=timedelta(0), **fields):
    return PendingChange.objects.create(
        article=article,
        proposed_by=proposed_by,
        state=state,
        created_at=timezone.now() - ago,
        **fields,
    )


def section(html: str, anchor: str) -> str:
    """The HTML of the desk's section with id ``anchor`` (empty when it is not there)."""
    found = re.search(rf'<section[^>]*id="{anchor}".*?</section>', html, re.S)
    return found.group(0) if found else ""


def desk_html(client, user) -> str:
    client.force_login(user)
    response = client.get(DESK_URL)
    assert response.status_code == 200
    assert response.templates[0].name == "admin/desk.html"
    return response.content.decode()


def in_local_time(day_offset: int, at: time) -> datetime:
    """A Copenhagen time ``day_offset`` days from today."""
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today + timedelta(days=day_offset), at))


# --- Who sees what -----------------------------------------------------------------------------


def test_anonymous_users_are_sent_to_the_login_page(client):
    for url in [DESK_URL, APPS_URL]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_a_journalist_sees_their_own_drafts_with_the_latest_note(
    client, journalist, other_journalist, editor
):
    created = ArticleFactory(draft=True, title="Min egen kladde", created_by=journalist)
    in_byline = ArticleFactory(
        draft=True, title="Kladde med mig i bylinen", authors=[journalist.author_profile]
    )
    returned = ArticleFactory(draft=True, title="Sendt tilbage til mig", created_by=journalist)
    log(returned, Action.SUBMITTED, journalist, "Første udkast", timedelta(days=2))
    log(returned, Action.RETURNED, editor, "Kilden mangler i andet afsnit", timedelta(hours=2))
    # Withdrawn by its journalist: the latest note is the one sent with it, and it is no
    # longer "returned".
    log(in_byline, Action.RETURNED, editor, "Gammel note", timedelta(days=4))
    log(in_byline, Action.SUBMITTED, journalist, "Nu med kilder", timedelta(days=3, hours=1))
    log(in_byline, Action.WITHDRAWN, journalist, ago=timedelta(days=3))
    ArticleFactory(draft=True, title="Andres kladde", created_by=other_journalist)
    ArticleFactory(title="Min udgivne artikel", created_by=journalist)
    # Newest change first.
    Article.objects.filter(pk=in_byline.pk).update(updated_at=timezone.now() - timedelta(days=3))
    Article.objects.filter(pk=created.pk).update(updated_at=timezone.now() - timedelta(days=1))

    html = desk_html(client, journalist)
    drafts = section(html, "mine-kladder")
    titles = re.findall(r'<a href="/admin/articles/article/\d+/change/">([^<]+)</a>', drafts)
    assert titles == ["Sendt tilbage til mig", "Min egen kladde", "Kladde med mig i bylinen"]
    assert "Andres kladde" not in html and "Min udgivne artikel" not in html
    rows = re.findall(r"<tr>.*?</tr>", drafts, re.S)[1:]
    assert ["Sendt tilbage</span>" in row for row in rows] == [True, False, False]
    assert "Kilden mangler i andet afsnit" in rows[0] and "Første udkast" not in drafts
    assert "Nu med kilder" in rows[2] and "Gammel note" not in drafts
    assert "Ingen note" in rows[1]
    assert "Rikke Redaktør" in drafts
    # The editors' lists are not there at all.
    for heading in ["Afventer redigering", "Planlagt", "Senest udgivet"]:
        assert heading not in html
    assert section(html, "afventer-redigering") == section(html, "planlagt") == ""


def test_a_journalist_with_nothing_gets_danish_empty_states(client, journalist):
    html = desk_html(client, journalist)
    assert "Du har ingen kladder." in html
    assert "Du har intet, der venter på en redaktør." in html


def test_returned_and_waiting_changes_are_the_journalists_own(
    client, journalist, other_journalist, editor
):
    own = ArticleFactory(title="Min udgivne artikel", created_by=journalist)
    change(
        own,
        journalist,
        PendingChange.State.RETURNED,
        timedelta(days=2),
        decided_by=editor,
        decided_at=timezone.now() - timedelta(days=1),
        note="Tallene skal have en kilde",
    )
    redone = ArticleFactory(title="Rettet og sendt igen", created_by=journalist)
    change(redone, journalist, PendingChange.State.RETURNED, timedelta(days=3), note="Gammel note")
    change(redone, journalist, ago=timedelta(hours=5))  # the returned one is done with
    others = ArticleFactory(title="Oles artikel", created_by=other_journalist)
    change(others, other_journalist, PendingChange.State.RETURNED, note="Til Ole")
    submitted(journalist, "Min artikel til redigering", timedelta(hours=3), created_by=journalist)
    submitted(
        other_journalist, "Oles til redigering", timedelta(hours=1), created_by=other_journalist
    )

    drafts = section(desk_html(client, journalist), "mine-kladder")
    returned_part, sent_part = drafts.split("<h3>Sendt til redigering</h3>")
    assert "Ændringer sendt tilbage" in returned_part
    assert "Min udgivne artikel" in returned_part and "Tallene skal have en kilde" in returned_part
    assert "Rikke Redaktør" in returned_part
    for others_work in ["Gammel note", "Til Ole", "Oles artikel", "Oles til redigering"]:
        assert others_work not in drafts
    assert "Rettet og sendt igen" in sent_part and "i 5\xa0timer" in sent_part
    assert "Min artikel til redigering" in sent_part and "i 3\xa0timer" in sent_part


def test_an_editor_sees_all_four_lists_in_order(client, editor, journalist, other_journalist):
    submitted(journalist, "Venter i to dage", timedelta(days=2, hours=1), "Kan den nå i dag?")
    submitted(other_journalist, "Venter i tre timer", timedelta(hours=3, minutes=5))
    never_logged = ArticleFactory(review=True, title="Uden forløb", created_by=other_journalist)
    Article.objects.filter(pk=never_logged.pk).update(updated_at=timezone.now() - timedelta(days=5))
    # Sent, returned and sent again: the latest sending counts.
    again = submitted(journalist, "Sendt igen", timedelta(days=9))
    log(again, Action.RETURNED, editor, "Kort den ned", timedelta(days=8))
    log(again, Action.SUBMITTED, journalist, "Nu kortere", timedelta(minutes=30))
    published = ArticleFactory(title="Udgivet med ændringer", created_by=journalist)
    change(published, journalist, ago=timedelta(days=1, hours=2))
    log(published, Action.CHANGE_PROPOSED, journalist, "Rettet stavefejl", timedelta(days=1))
    change(ArticleFactory(title="Nyere ændring"), other_journalist, ago=timedelta(hours=1))
    scheduled = ArticleFactory(title="Planlagt i morgen", published_at=in_local_time(1, time(9)))
    log(scheduled, Action.SCHEDULED, editor, published_at=scheduled.published_at)
    log(published, Action.PUBLISHED, editor, ago=timedelta(days=3))

    html = desk_html(client, editor)
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert headings == [
        "Mine kladder",
        "Citattjek",  # quote checks of their own articles (issue 23)
        "Genmæler",  # readers' requests for a genmæle (accountability/desk.py)
        "Afventer redigering",
        "Planlagt",
        "Senest udgivet",
    ]

    waiting = section(html, "afventer-redigering")
    articles_part, changes_part = waiting.split("<h3>Ændringer til udgivne artikler</h3>")
    titles = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', articles_part)
    assert titles == ["Uden forløb", "Venter i to dage", "Venter i tre timer", "Sendt igen"]
    assert "i 5\xa0dage" in articles_part and "i 2\xa0dage" in articles_part
    assert "i 3\xa0timer" in articles_part and "i 30\xa0minutter" in articles_part
    assert "Jette Journalist" in articles_part and "Ole Olsen" in articles_part
    assert "Kan den nå i dag?" in articles_part and "Nu kortere" in articles_part
    assert "Kort den ned" not in articles_part
    change_titles = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', changes_part)
    assert change_titles == ["Udgivet med ændringer", "Nyere ændring"]
    assert "Rettet stavefejl" in changes_part and "i 1\xa0dag" in changes_part
    assert desk.change_review_url(published.pk) in changes_part

    assert "Planlagt i morgen" in section(html, "planlagt")
    latest = section(html, "senest-udgivet")
    assert "Udgivet med ændringer" in latest and "Rikke Redaktør" in latest
    assert "Planlagt i morgen" not in latest  # not public yet


def test_pending_changes_link_to_the_review_page_or_else_the_change_page(editor):
    article = ArticleFactory()
    change_page = reverse("admin:articles_article_change", args=[article.pk])

    def without_review_page(name, args=None):
        if name == "admin:articles_article_review_change":
            raise NoReverseMatch(name)
        return reverse(name, args=args)

    with mock.patch("newsroom.desk.reverse", side_effect=without_review_page):
        assert desk.change_review_url(article.pk) == change_page
    try:
        review_page = reverse("admin:articles_article_review_change", args=[article.pk])
    except NoReverseMatch:
        review_page = change_page
    assert desk.change_review_url(article.pk) == review_page


# --- Planlagt and Senest udgivet ---------------------------------------------------------------


def test_the_schedule_is_day_by_day_for_the_next_14_days(client, editor):
    late_tomorrow = ArticleFactory(
        title="Sent i morgen", published_at=in_local_time(1, time(23, 30))
    )
    # 00:30 in Copenhagen is still the day before in UTC: it belongs to the Danish day after.
    early = ArticleFactory(title="Tidligt i overmorgen", published_at=in_local_time(2, time(0, 30)))
    ArticleFactory(title="Om morgenen i morgen", published_at=in_local_time(1, time(8)))
    ArticleFactory(title="Lige inden for", published_at=timezone.now() + timedelta(days=13.9))
    ArticleFactory(title="Om femten dage", published_at=timezone.now() + timedelta(days=15))
    ArticleFactory(title="Allerede udgivet")
    ArticleFactory(draft=True, title="Kladde", published_at=timezone.now() + timedelta(days=2))

    days = desk.scheduled_days(timezone.now())
    assert [[article.title for article in day.articles] for day in days] == [
        ["Om morgenen i morgen", "Sent i morgen"],
        ["Tidligt i overmorgen"],
        ["Lige inden for"],
    ]
    assert days[0].date == timezone.localdate(late_tomorrow.published_at)
    assert days[1].date == timezone.localdate(early.published_at)

    schedule = section(desk_html(client, editor), "planlagt")
    day_headings = re.findall(r'<h3><time datetime="([\d-]+)">([^<]+)</time></h3>', schedule)
    assert [iso for iso, _ in day_headings] == [day.date.isoformat() for day in days]
    weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august"]
    months += ["september", "oktober", "november", "december"]
    for (_, label), day in zip(day_headings, days, strict=True):
        expected = f"{weekdays[day.date.weekday()]} {day.date.day}. {months[day.date.month - 1]}"
        assert label.lower() == expected
    assert "Om femten dage" not in schedule and "Allerede udgivet" not in schedule
    assert "Kladde" not in schedule
    assert "kl. 23:30" in schedule and "kl. 00:30" in schedule
    move = reverse("admin:articles_article_change", args=[early.pk])
    assert f'<a href="{move}#id_published_at_0">Flyt' in schedule


def test_an_editor_with_nothing_scheduled_or_waiting_gets_empty_states(client, editor):
    html = desk_html(client, editor)
    assert "Ingen artikler venter på redigering." in html
    assert "Ingen ændringer venter på godkendelse." in html
    assert "Ingen artikler er planlagt de næste 14 dage." in html
    assert "Ingen artikler er udgivet endnu." in html


def test_recently_published_is_the_last_ten_with_who_published_them(
    client, editor, other_journalist
):
    articles = [
        ArticleFactory(title=f"Udgivet {n}", published_at=timezone.now() - timedelta(hours=n))
        for n in range(1, 13)
    ]
    for article in articles:
        log(article, Action.PUBLISHED, other_journalist, ago=timedelta(days=2))
        log(article, Action.SCHEDULED, editor, ago=timedelta(days=1))
        log(article, Action.CHANGE_APPROVED, other_journalist)  # not a publication
    with state_change():  # behind the workflow's back, on purpose
        Article.objects.filter(pk=articles[1].pk).update(status=Article.Status.DRAFT)
    ArticleFactory(title="Ingen ved hvem", published_at=timezone.now() - timedelta(minutes=5))
    ArticleFactory(scheduled=True, title="Planlagt")

    latest = section(desk_html(client, editor), "senest-udgivet")
    titles = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', latest)
    expected = ["Ingen ved hvem", "Udgivet 1", *(f"Udgivet {n}" for n in range(3, 11))]
    assert titles == expected
    rows = re.findall(r"<tr>.*?</tr>", latest, re.S)[1:]
    assert "Ukendt" in rows[0]
    assert all("Rikke Redaktør" in row and "Ole Olsen" not in row for row in rows[1:])


# --- The app list, no JavaScript, the query budget ----------------------------------------------


@pytest.mark.parametrize("role", ["Journalist", "Redaktør"])
def test_the_app_list_is_still_reachable_and_linked(client, role):
    user = UserFactory(username=f"rolle-{role.lower()}", groups=[role])
    html = desk_html(client, user)
    assert APPS_URL == "/admin/moduler/"
    header = html.split('<div id="user-tools">', 1)[1].split("</div>", 1)[0]
    assert f'href="{APPS_URL}"' in header
    assert f'href="{APPS_URL}">Alle moduler</a>' in html.split('id="content-main"', 1)[1]

    response = client.get(APPS_URL)
    assert response.status_code == 200
    apps = response.content.decode()
    assert f'href="{reverse("admin:articles_article_changelist")}"' in apps
    assert f'<a href="{DESK_URL}">' in apps  # the breadcrumbs lead back to the desk
    assert "<h1>Alle moduler</h1>" in apps


class DeskStructure(HTMLParser):
    """What the desk's content holds: scripts, headings, tables and their captions, times."""

    def __init__(self):
        super().__init__()
        self.inside = 0
        self.scripts, self.tables, self.captions, self.times, self.links = 0, 0, 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "content-main":
            self.inside = 1
        elif self.inside and tag == "div":
            self.inside += 1
        if not self.inside:
            return
        self.scripts += tag in ("script", "noscript")
        self.tables += tag == "table"
        self.captions += tag == "caption"
        if tag == "time":
            self.times.append(attrs.get("datetime"))
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)

    def handle_endtag(self, tag):
        if self.inside and tag == "div":
            self.inside -= 1


def test_the_desk_needs_no_javascript(client, editor, journalist):
    ArticleFactory(draft=True, created_by=editor)
    submitted(journalist, "Til redigering", timedelta(hours=2), "En note")
    ArticleFactory(scheduled=True)
    change(ArticleFactory(), journalist)
    html = desk_html(client, editor)
    structure = DeskStructure()
    structure.feed(html)
    assert structure.scripts == 0
    assert structure.tables >= 5 and structure.captions == structure.tables
    assert structure.times and all(structure.times)
    assert all(link.startswith("/admin/") for link in structure.links), structure.links
    assert '<link rel="stylesheet" href="/static/css/admin-desk.css">' in html


def fill_desk(editor, journalist, count: int):
    """``count`` rows in every list of ``editor``'s desk."""
    for n in range(count):
        draft = ArticleFactory(draft=True, created_by=editor)
        log(draft, Action.RETURNED, journalist, f"Note {n}")
        own = submitted(editor, f"Egen {n}", timedelta(hours=n + 1), created_by=editor)
        log(own, Action.CREATED, editor)
        change(ArticleFactory(created_by=editor), editor, PendingChange.State.RETURNED, note="Nej")
        change(ArticleFactory(created_by=editor), editor)
        submitted(journalist, f"Venter {n}", timedelta(hours=n + 1), "Se på den")
        ArticleFactory(scheduled=True)
        log(ArticleFactory(), Action.PUBLISHED, editor)


def test_the_desk_costs_the_same_queries_however_long_its_lists(
    client, editor, journalist, django_assert_num_queries
):
    client.force_login(editor)

    def desk_queries() -> int:
        # What is read once a second (the content version, the sessions' generation) read
        # afresh each time: else it would be read or not as the time the lists took to fill
        # comes out.
        caching.forget_local_state()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DESK_URL).status_code == 200
        return len(queries)

    fill_desk(editor, journalist, 2)
    with_two = desk_queries()
    fill_desk(editor, journalist, 18)
    assert desk_queries() == with_two

    now = timezone.now()
    lists = desk.desk_for(editor, now)
    assert len(lists["drafts"]) == len(lists["in_review"]) == 20
    assert len(lists["returned_changes"]) == 20 and len(lists["pending_changes"]) == 20
    assert len(lists["articles_waiting"]) == 40 and len(lists["changes_waiting"]) == 20
    assert sum(len(day.articles) for day in lists["scheduled_days"]) == 20
    assert len(lists["recently_published"]) == 10
    # Each list in one query: "Mine kladder" with "Sendt til redigering" in two.
    for build in [
        lambda: desk.own_articles(editor, now),
        lambda: desk.own_changes(editor, now),
        lambda: desk.articles_waiting(now),
        lambda: desk.changes_waiting(now),
        lambda: desk.scheduled_days(now),
        lambda: desk.recently_published(),
    ]:
        with django_assert_num_queries(1):
            build()


def test_waiting_times_are_in_danish():
    now = timezone.now()
    assert desk.waited(now - timedelta(seconds=20), now) == "i under et minut"
    assert desk.waited(now - timedelta(minutes=1), now) == "i 1\xa0minut"
    assert desk.waited(now - timedelta(hours=3, minutes=59), now) == "i 3\xa0timer"
    assert desk.waited(now - timedelta(days=2, hours=23), now) == "i 2\xa0dage"
    assert desk.waited(None, now) == ""
