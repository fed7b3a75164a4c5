"""Citattjek (issue 23): a source checks their own quotes through a link that shows them their
paragraphs and nothing else. The paragraphs, every step and who may take it, the source's
page (only their paragraphs; 410 after the deadline, a revoke and publishing; 404 and 429 for
wrong links), the answer on the log, the desk and in the writers' mail, and the newsroom's
page. The browser half (axe, no JavaScript, every request) is
tests/browser/test_quotecheck_browser.py."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleEvent, EditorialMail
from newsroom import quotechecks, workflow
from quotecheck import paragraphs as body
from quotecheck.models import MAX_ANSWERS, QuoteAnswer, QuoteCheck, digest_of

from .factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

Action = ArticleEvent.Action

# Anna Holm's statements are paragraphs 1 and 4; Bent Lund's 3 and 6; the rest is the
# journalist's own text. Each paragraph has words found nowhere else.
BODY = (
    "<p>Indledning om fjernvarmen i Hasseris.</p>"
    "<p>»Vi har ventet i tre år på de nye rør,« siger Anna Holm, formand for "
    "afdelingsbestyrelsen.</p>"
    "<h2>Kommunen svarer igen</h2>"
    "<p>»Rørene kommer til foråret,« siger rådmand Bent Lund.</p>"
    '<blockquote class="pull-quote"><p>Vi giver ikke op.</p>'
    '<p class="attribution">Anna Holm, formand</p></blockquote>'
    "<ul><li>Hemmelig budgetpost på 12 mio.</li><li>Tidsplan for 2027</li></ul>"
    '<p>Bent Lund tilføjer, at <a href="https://example.org/bents-plan">planen</a> er '
    "offentlig.</p>"
)
LEAD = "Manchetten nævner en fortrolig vinkel."
ANNA = (1, 4)
ANNAS_WORDS = ["Vi har ventet i tre år", "Vi giver ikke op"]
# What Anna's page must never hold, in text or attributes.
OTHERS_WORDS = [
    "Indledning",
    "Hasseris",
    "Kommunen svarer",
    "Rørene kommer",
    "Bent Lund",
    "rådmand",
    "Hemmelig budgetpost",
    "Tidsplan for 2027",
    "bents-plan",
    "offentlig",
    "fortrolig vinkel",
]


@pytest.fixture
def journalist():
    user = UserFactory(
        username="jette", first_name="Jette", last_name="Jensen", groups=["Journalist"]
    )
    AuthorFactory(name="Jette Jensen", user=user)
    return user


@pytest.fixture
def other_journalist():
    user = UserFactory(username="ole", first_name="Ole", groups=["Journalist"])
    AuthorFactory(name="Ole Olsen", user=user)
    return user


@pytest.fixture
def editor():
    return UserFactory(username="rikke", first_name="Rikke", groups=["Redaktør"])


@pytest.fixture
def draft(journalist):
    return ArticleFactory(
        draft=True,
        title="Beboerne i Gellerup venter på fjernvarmen",
        lead=LEAD,
        body=BODY,
        created_by=journalist,
        authors=[journalist.author_profile],
        with_image=True,
    )


def choices(article, positions):
    paragraphs = body.split(article.body)
    return [quotechecks.choice_value(paragraphs[position]) for position in positions]


def open_check(article, actor, positions=ANNA, name="Anna Holm", **kwargs):
    kwargs.setdefault("deadline", quotechecks.default_deadline())
    return quotechecks.open_check(
        article, actor, source_name=name, chosen=choices(article, positions), **kwargs
    )


def page_url(token):
    return reverse("quotecheck:check", args=[token])


def shown_token(client, token):
    html = client.get(page_url(token)).content.decode()
    return re.search(r'name="vist" value="([0-9a-f]+)"', html).group(1)


class Everything(HTMLParser):
    """Every piece of text and every attribute value of a page, to look for words in."""

    def __init__(self):
        super().__init__()
        self.pieces = []

    def handle_starttag(self, tag, attrs):
        self.pieces.extend(value or "" for _, value in attrs)

    def handle_data(self, data):
        self.pieces.append(data)


def all_of(html: str) -> str:
    parser = Everything()
    parser.feed(html)
    return "\n".join(parser.pieces)


# --- The paragraphs ------------------------------------------------------------------------------


def test_the_body_splits_into_its_top_level_blocks():
    paragraphs = body.split(BODY)
    assert [p.tag for p in paragraphs] == ["p", "p", "h2", "p", "blockquote", "ul", "p"]
    assert [p.kind for p in paragraphs] == [
        "Afsnit",
        "Afsnit",
        "Mellemrubrik",
        "Afsnit",
        "Citat",
        "Liste",
        "Afsnit",
    ]
    assert paragraphs[4].text == "Vi giver ikke op.\nAnna Holm, formand"
    assert paragraphs[5].text == "Hemmelig budgetpost på 12 mio.\nTidsplan for 2027"
    # The same block always gives the same HTML, so the same fingerprint.
    assert [p.fingerprint for p in body.split(BODY)] == [p.fingerprint for p in paragraphs]
    assert len({p.fingerprint for p in paragraphs}) == len(paragraphs)


def test_loose_text_and_entities_are_blocks_of_their_own():
    paragraphs = body.split("Løs tekst med <strong>fed</strong> &amp; mere<p>Et &lt;afsnit&gt;</p>")
    assert [p.html for p in paragraphs] == [
        "Løs tekst med <strong>fed</strong> &amp; mere",
        "<p>Et &lt;afsnit&gt;</p>",
    ]
    assert body.split("") == [] and body.split("<p> </p>")[0].text == ""


def test_a_chosen_paragraph_is_found_where_it_stands_now_or_reported_gone():
    chosen = [body.chosen_record(body.split(BODY)[i]) for i in ANNA]
    # Unchanged.
    located = body.locate(chosen, body.split(BODY))
    assert [item.paragraph.position for item in located] == [1, 4]
    # A paragraph written above both: found moved, by fingerprint.
    moved = body.locate(chosen, body.split("<p>Ny indledning.</p>" + BODY))
    assert [(item.paragraph.position, item.moved) for item in moved] == [(2, True), (5, True)]
    # Anna's first quote rewritten as Bent's: gone, and Bent's words never stand in for it.
    changed = BODY.replace("Vi har ventet i tre år på de nye rør", "Bent Lund har ret")
    located = body.locate(chosen, body.split(changed))
    assert [item.found for item in located] == [False, True]
    assert located[1].paragraph.text.startswith("Vi giver ikke op")


# --- Who may open a check ---------------------------------------------------------------------


def test_the_own_journalist_opens_a_check_logged_and_its_token_never_kept(draft, journalist):
    check, token = open_check(draft, journalist, source_email="anna@example.org")
    assert len(token) == 43 and check.token_digest == digest_of(token)
    assert not QuoteCheck.objects.filter(token_digest=token).exists()
    assert [item["position"] for item in check.paragraphs] == list(ANNA)
    event = ArticleEvent.objects.get(article=draft)
    assert (event.action, event.actor) == (Action.QUOTE_CHECK_OPENED, journalist)
    assert "Til Anna Holm: 2 afsnit" in event.note
    # The source's mail holds the link and none of the text.
    mail = EditorialMail.objects.get(to=["anna@example.org"])
    assert page_url(token) in mail.text and page_url(token) in mail.html
    assert "Beboerne i Gellerup venter på fjernvarmen" in mail.subject
    # In the site's mail layout (templates/mail/layout.html), from the quote check's desk.
    assert mail.html.startswith("<!DOCTYPE html>") and " · citattjek</td>" in mail.html
    assert "Eller kopiér adressen" in mail.html and "send det ikke videre." in mail.html
    for words in ANNAS_WORDS + OTHERS_WORDS[2:]:
        assert words not in mail.text and words not in mail.html, words


def test_an_editor_opens_a_check_on_anyones_article(draft, editor):
    check, _ = open_check(draft, editor)
    assert check.created_by == editor


def test_a_journalist_cannot_open_a_check_on_someone_elses_article(client, draft, other_journalist):
    with pytest.raises(workflow.TransitionRefused):
        open_check(draft, other_journalist)
    client.force_login(other_journalist)
    url = reverse("admin:articles_article_quote_checks", args=[draft.pk])
    assert client.get(url).status_code == 403
    data = {
        "_open": "1",
        "source_name": "Anna Holm",
        "paragraphs": choices(draft, ANNA),
        "deadline": timezone.localtime(quotechecks.default_deadline()).strftime("%Y-%m-%dT%H:%M"),
    }
    assert client.post(url, data).status_code == 403
    assert not QuoteCheck.objects.exists()
    # Nor see or revoke the checks there are.
    check, _ = open_check(draft, draft.created_by)
    assert client.post(url, {"check": check.pk, "_revoke": "1"}).status_code == 403
    with pytest.raises(workflow.TransitionRefused):
        quotechecks.revoke(check, other_journalist)
    assert QuoteCheck.objects.get().state == QuoteCheck.State.OPEN
    # The change form offers the link only to those who may use it.
    change = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert url not in change.content.decode()


def test_no_check_on_a_published_or_trashed_article(journalist, editor, draft):
    published = ArticleFactory(body=BODY, created_by=journalist)
    for actor in (journalist, editor):
        with pytest.raises(workflow.TransitionRefused):
            open_check(published, actor)
    workflow.trash(draft, journalist)
    with pytest.raises(workflow.TransitionRefused):
        open_check(draft, journalist)


def test_the_deadline_is_two_days_by_default_and_fourteen_at_most(draft, journalist):
    now = timezone.now()
    default = quotechecks.default_deadline(now)
    assert timedelta(days=2) <= default - now < timedelta(days=2, minutes=15)
    assert timezone.localtime(default).minute % 15 == 0
    on_the_quarter = timezone.localtime(now).replace(minute=30, second=20)
    assert timezone.localtime(quotechecks.default_deadline(on_the_quarter)).minute == 45
    for wrong in (now - timedelta(minutes=1), now + timedelta(days=14, hours=1)):
        with pytest.raises(ValidationError):
            open_check(draft, journalist, deadline=wrong)
    open_check(draft, journalist, deadline=now + timedelta(days=14))


def test_paragraphs_that_moved_since_the_page_was_shown_are_refused(draft, journalist):
    chosen = choices(draft, ANNA)
    draft.body = "<p>Ny indledning.</p>" + BODY
    draft.save()
    with pytest.raises(quotechecks.ParagraphsMovedOn):
        quotechecks.open_check(
            draft,
            journalist,
            source_name="Anna Holm",
            chosen=chosen,
            deadline=quotechecks.default_deadline(),
        )
    assert not QuoteCheck.objects.exists()


# --- The source's page --------------------------------------------------------------------------


def test_the_page_holds_the_chosen_paragraphs_and_none_of_the_others(client, draft, journalist):
    _, token = open_check(draft, journalist)
    response = client.get(page_url(token))
    assert response.status_code == 200
    html = response.content.decode()
    everything = all_of(html)
    assert draft.title in everything
    for words in ANNAS_WORDS:
        assert words in everything, words
    for words in OTHERS_WORDS:
        # Not in the text, not in any attribute, not anywhere in the page's source.
        assert words not in everything and words not in html, words
    # No script at all: the page asks the site for nothing that could carry text.
    assert "<script" not in html
    assert 'rel="canonical"' not in html and "og:url" not in html
    # Personal, short-lived, for nobody's index or cache.
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex' in html
    # The deadline, in Danish time.
    assert "Svar senest" in html and "<time datetime=" in html


def test_several_sources_each_see_only_their_own(client, draft, journalist):
    _, anna = open_check(draft, journalist, ANNA, "Anna Holm")
    _, bent = open_check(draft, journalist, (3, 6), "Bent Lund")
    annas = client.get(page_url(anna)).content.decode()
    bents = client.get(page_url(bent)).content.decode()
    assert "Rørene kommer" in bents and "bents-plan" in bents
    assert "Vi har ventet" not in bents and "Vi giver ikke op" not in bents
    assert "Rørene kommer" not in annas and "Vi har ventet" in annas


def test_a_changed_paragraph_is_reported_never_replaced(client, draft, journalist):
    _, token = open_check(draft, journalist)
    draft.body = BODY.replace("Vi har ventet i tre år på de nye rør", "Rørene kommer snart")
    draft.save()
    html = client.get(page_url(token)).content.decode()
    assert "1 af de afsnit, der var valgt til dig, er ændret" in html
    assert "Vi giver ikke op" in html
    assert "Rørene kommer" not in html and "Vi har ventet" not in html
    # Everything changed: nothing to answer.
    draft.body = "<p>Helt ny tekst.</p>"
    draft.save()
    html = client.get(page_url(token)).content.decode()
    assert "Afsnittene, der var valgt til dig, er ændret" in html
    assert "Helt ny tekst" not in html and 'name="svar"' not in html


def test_the_page_shows_the_paragraphs_as_they_stand_now(client, draft, journalist):
    _, token = open_check(draft, journalist)
    # A paragraph written above Anna's: hers still show, found where they went.
    draft.body = "<p>Et nyt første afsnit.</p>" + BODY
    draft.save()
    html = client.get(page_url(token)).content.decode()
    assert all(words in html for words in ANNAS_WORDS)
    assert "Et nyt første afsnit" not in html and "ændret" not in html


@pytest.mark.parametrize("how", ["deadline", "revoked", "published", "scheduled", "trashed"])
def test_the_link_answers_410_once_it_has_stopped_working(client, draft, journalist, editor, how):
    check, token = open_check(draft, journalist)
    assert client.get(page_url(token)).status_code == 200
    shown = shown_token(client, token)
    if how == "deadline":
        QuoteCheck.objects.filter(pk=check.pk).update(deadline=timezone.now())
    elif how == "revoked":
        quotechecks.revoke(check, journalist)
    elif how == "published":
        workflow.publish(draft, editor)
    elif how == "scheduled":
        workflow.publish(draft, editor, at=timezone.now() + timedelta(days=3))
    else:
        workflow.trash(draft, journalist)
    response = client.get(page_url(token))
    assert response.status_code == 410
    html = response.content.decode()
    assert "Linket virker ikke længere" in html
    # It names nothing of the article.
    assert draft.title not in html and "Vi har ventet" not in html
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]
    # Nor takes an answer.
    answer = {"svar": "godkendt", "vist": shown}
    assert client.post(page_url(token), answer).status_code == 410
    assert not QuoteAnswer.objects.exists()
    if how in ("published", "scheduled", "trashed"):
        # Closed by the workflow, in the publication's own transaction.
        check.refresh_from_db()
        assert check.state == QuoteCheck.State.CLOSED and check.closed_at is not None


def test_publishing_closes_every_open_check_of_the_article_only(draft, journalist, editor):
    first, _ = open_check(draft, journalist)
    second, _ = open_check(draft, journalist, (3,), "Bent Lund")
    elsewhere = ArticleFactory(draft=True, body=BODY, created_by=journalist)
    other, _ = open_check(elsewhere, journalist)
    workflow.publish(draft, editor)
    states = dict(QuoteCheck.objects.values_list("pk", "state"))
    assert states == {first.pk: "closed", second.pk: "closed", other.pk: "open"}
    assert QuoteCheck.objects.get(pk=first.pk).closed_note == "Artiklen blev udgivet."


def test_a_closed_link_stays_closed_when_the_article_is_unpublished(
    client, draft, journalist, editor
):
    _, token = open_check(draft, journalist)
    workflow.publish(draft, editor)
    workflow.unpublish(Article.objects.get(pk=draft.pk), editor)
    assert client.get(page_url(token)).status_code == 410


def test_the_page_is_never_stored_by_the_page_cache(client, settings, draft, journalist):
    settings.PAGE_CACHE_SECONDS = 600
    check, token = open_check(draft, journalist)
    assert client.get(page_url(token)).status_code == 200
    assert client.get(page_url(token)).get("X-Page-Cache") is None
    quotechecks.revoke(check, journalist)
    assert client.get(page_url(token)).status_code == 410


def test_anything_else_under_citattjek_is_404(client, draft, journalist):
    _, token = open_check(draft, journalist)
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    for path in [
        "/citattjek/",
        f"/citattjek/{wrong}/",
        f"/citattjek/{token[:20]}/",
        f"/citattjek/{token}",
        f"/citattjek/{token}/mere/",
        "/citattjek/admin/",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert "no-store" in response["Cache-Control"], path
        assert "Vi har ventet" not in response.content.decode()


def test_repeated_wrong_tokens_are_slowed_down(client, settings, draft, journalist):
    settings.QUOTECHECK_WRONG_TOKENS_PER_CLIENT = 3
    _, token = open_check(draft, journalist)
    guesser = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    for n in range(3):
        assert client.get(f"/citattjek/{'x' * 42}{n}/", **guesser).status_code == 404
    response = client.get(f"/citattjek/{'y' * 43}/", **guesser)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "For mange forsøg" in response.content.decode()
    # Over the limit, every link is refused: a right guess tells nothing either.
    assert client.get(page_url(token), **guesser).status_code == 429
    # Another client, and the source, are not slowed down.
    assert client.get(page_url(token), HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200
    for _ in range(10):
        assert client.get(page_url(token)).status_code == 200


# --- The answer -----------------------------------------------------------------------------


def test_the_answer_reaches_the_log_the_desk_and_the_writers_mail(
    client, smtp_server, committed, draft, journalist, editor
):
    # The writers: Jette (creator and byline), and the editor who opened the check.
    with committed():
        _, token = open_check(draft, editor)
    shown = shown_token(client, token)
    with committed():
        response = client.post(
            page_url(token),
            {"svar": "rettelser", "rettelser": "Jeg sagde to år, ikke tre.", "vist": shown},
        )
    assert response.status_code == 302 and response["Location"] == page_url(token) + "#svar"
    page = client.get(page_url(token)).content.decode()
    assert "Tak, vi har modtaget dit svar" in page and "Rettelser" in page

    reply = QuoteAnswer.objects.get()
    assert (reply.verdict, reply.corrections) == ("corrections", "Jeg sagde to år, ikke tre.")
    # The paragraphs exactly as the source saw them.
    assert [item["html"] for item in reply.paragraphs] == [body.split(BODY)[i].html for i in ANNA]

    event = ArticleEvent.objects.get(action=Action.QUOTE_CHECK_ANSWERED)
    assert event.actor is None and event.article == draft
    assert event.note == "Anna Holm: Rettelser.\nJeg sagde to år, ikke tre."
    # The answer does not stand in for the article's latest note, nor its place on the desk.
    assert workflow.latest_note(draft) is None

    # The desk of the journalist, and of the editor who opened it.
    for user in (journalist, editor):
        client.force_login(user)
        desk = client.get(reverse("admin:index")).content.decode()
        section = re.search(r'<section[^>]*id="citattjek".*?</section>', desk, re.S).group(0)
        assert "Anna Holm" in section and "Rettelser" in section
        assert "Jeg sagde to år, ikke tre." in section
        assert draft.title in section

    # Mail to both, through a real SMTP server, with the paragraphs as seen.
    received = {tuple(to): message for to, message in smtp_server.messages}
    assert ("jette@example.org",) in received and ("rikke@example.org",) in received
    mail = received[("jette@example.org",)]
    text = mail.get_body(("plain",)).get_content()
    assert "Citattjek besvaret" in mail["Subject"] and "Anna Holm" in mail["Subject"]
    assert "Jeg sagde to år, ikke tre." in text and "Vi har ventet i tre år" in text
    assert reverse("admin:articles_article_quote_checks", args=[draft.pk]) in text


def test_approving_and_the_form_refusing_what_it_cannot_take(client, draft, journalist):
    _, token = open_check(draft, journalist)
    shown = shown_token(client, token)
    # Corrections need words; an unknown answer is no answer.
    response = client.post(page_url(token), {"svar": "rettelser", "rettelser": " ", "vist": shown})
    assert response.status_code == 400 and "Skriv dine rettelser." in response.content.decode()
    response = client.post(page_url(token), {"svar": "maaske", "vist": shown})
    assert response.status_code == 400
    assert not QuoteAnswer.objects.exists()
    assert client.post(page_url(token), {"svar": "godkendt", "vist": shown}).status_code == 302
    assert QuoteAnswer.objects.get().verdict == "approved"
    assert ArticleEvent.objects.filter(note="Anna Holm: Godkendt.").exists()


def test_an_answer_binds_to_the_text_the_page_showed(client, draft, journalist):
    _, token = open_check(draft, journalist)
    shown = shown_token(client, token)
    # Moved, the paragraphs are the same text: the answer still holds.
    draft.body = "<p>Ny indledning.</p>" + BODY
    draft.save()
    assert client.post(page_url(token), {"svar": "godkendt", "vist": shown}).status_code == 302
    # Changed after the page was drawn: refused, and the page shows the text as it is now.
    shown = shown_token(client, token)
    draft.body = draft.body.replace("Vi giver ikke op.", "Vi giver aldrig op.")
    draft.save()
    response = client.post(page_url(token), {"svar": "godkendt", "vist": shown})
    assert response.status_code == 409
    assert "Teksten er ændret, mens du læste den" in response.content.decode()
    assert QuoteAnswer.objects.count() == 1


def test_a_link_takes_a_limited_number_of_answers(client, draft, journalist):
    _, token = open_check(draft, journalist)
    shown = shown_token(client, token)
    for _ in range(MAX_ANSWERS):
        assert client.post(page_url(token), {"svar": "godkendt", "vist": shown}).status_code == 302
    assert client.post(page_url(token), {"svar": "godkendt", "vist": shown}).status_code == 429
    assert QuoteAnswer.objects.count() == MAX_ANSWERS


def test_the_answer_needs_its_csrf_token(draft, journalist):
    from django.test import Client

    _, token = open_check(draft, journalist)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(page_url(token), {"svar": "godkendt"}).status_code == 403
    assert not QuoteAnswer.objects.exists()


# --- The newsroom's page -------------------------------------------------------------------------


def test_the_journalist_opens_a_check_in_the_admin_and_sees_the_link_once(
    client, draft, journalist
):
    client.force_login(journalist)
    change = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    url = reverse("admin:articles_article_quote_checks", args=[draft.pk])
    assert f'href="{url}"' in change
    page = client.get(url).content.decode()
    # Every paragraph, with a box carrying its position and fingerprint.
    boxes = re.findall(r'name="paragraphs" value="(\d+:[0-9a-f]{32})"', page)
    assert len(boxes) == len(body.split(BODY))
    deadline = re.search(r'name="deadline" value="([^"]+)"', page).group(1)
    response = client.post(
        url,
        {
            "_open": "1",
            "source_name": "Anna Holm",
            "source_email": "anna@example.org",
            "paragraphs": [boxes[i] for i in ANNA],
            "deadline": deadline,
        },
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    link = re.search(r'id="nyt-link"[^>]*value="([^"]+)"', page).group(1)
    assert link.startswith("http") and "/citattjek/" in link
    assert "Det er også sendt til anna@example.org" in page
    # Shown once: the next visit has no link, and the database has only its hash.
    assert 'id="nyt-link"' not in client.get(url).content.decode()
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert QuoteCheck.objects.get().token_digest == digest_of(token)
    client.logout()
    assert client.get(page_url(token)).status_code == 200


def test_the_admin_form_says_what_is_wrong(client, draft, journalist):
    client.force_login(journalist)
    url = reverse("admin:articles_article_quote_checks", args=[draft.pk])
    too_late = timezone.localtime(timezone.now() + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url, {"_open": "1", "source_name": "", "paragraphs": ["1:forkert"], "deadline": too_late}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Artiklen er ændret, siden siden blev vist" in html
    assert "Fristen kan højst være 14 dage fra nu." in html
    assert not QuoteCheck.objects.exists()


def test_revoking_and_choosing_again_in_the_admin(client, draft, journalist):
    check, token = open_check(draft, journalist)
    client.force_login(journalist)
    url = reverse("admin:articles_article_quote_checks", args=[draft.pk])
    # The journalist rewrites Anna's first quote: her page no longer shows it …
    draft.body = BODY.replace("på de nye rør", "på nye rør")
    draft.save()
    page = client.get(url).content.decode()
    assert "Ændret eller slettet siden" in page
    # … until it is chosen again, in the same link.
    response = client.post(
        url, {"check": check.pk, "_choose_again": "1", "paragraphs": choices(draft, ANNA)}
    )
    assert response.status_code == 302
    assert "på nye rør" in client.get(page_url(token)).content.decode()
    assert ArticleEvent.objects.filter(action=Action.QUOTE_CHECK_CHANGED).exists()
    response = client.post(url, {"check": check.pk, "_revoke": "1"})
    assert response.status_code == 302
    assert QuoteCheck.objects.get().state == QuoteCheck.State.REVOKED
    assert client.get(page_url(token)).status_code == 410
    event = ArticleEvent.objects.filter(action=Action.QUOTE_CHECK_REVOKED).get()
    assert event.actor == journalist


def test_the_newsroom_sees_what_changed_since_the_source_answered(client, draft, journalist):
    _, token = open_check(draft, journalist)
    client.post(page_url(token), {"svar": "godkendt", "vist": shown_token(client, token)})
    draft.body = BODY.replace("Vi giver ikke op.", "Vi giver aldrig op.")
    draft.save()
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_quote_checks", args=[draft.pk]))
    html = page.content.decode()
    assert "Uændret siden" in html and "Ændret siden" in html
    assert "<del>ikke</del>" in html and "<ins>aldrig</ins>" in html


def test_the_desk_shows_open_checks_and_when_they_run_out(
    client, draft, journalist, other_journalist
):
    open_check(draft, journalist, deadline=timezone.now() + timedelta(days=3, minutes=1))
    client.force_login(journalist)
    desk = client.get(reverse("admin:index")).content.decode()
    section = re.search(r'<section[^>]*id="citattjek".*?</section>', desk, re.S).group(0)
    assert "Anna Holm" in section and "3\xa0dage tilbage" in section
    assert "Intet svar endnu" in section
    # Another journalist's desk shows none of it.
    client.force_login(other_journalist)
    desk = client.get(reverse("admin:index")).content.decode()
    assert "Anna Holm" not in desk and "Ingen åbne citattjek." in desk


# --- Nobody else keeps it --------------------------------------------------------------------


def test_robots_and_the_service_worker_leave_quote_checks_alone(client):
    assert "Disallow: /citattjek/" in client.get("/robots.txt").content.decode()
    worker = client.get("/sw.js").content.decode()
    assert 'const NEVER = ["/admin/", "/citattjek/"];' in worker
    assert "NEVER.some((prefix) => url.pathname.startsWith(prefix))" in worker
