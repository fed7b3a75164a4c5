"""The demo's corrections, one of each kind and one withdrawn (``manage.py seed_demo``, through
its ``demo_content_seeded`` signal: articles does not know about this app), so a new user sees
how they look on an article, at /rettelser/ and on the front page. Made only while there are
none. The ruling's link is Pressenævnet's front page: the demo's ruling is made up."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from articles.demo.seed import DemoSeeder, demo_content_seeded
from articles.models import Article

from .models import Correction

Kind = Correction.Kind

# (days after the article's publication, kind, text, ruling link, withdrawn with this reason)
CORRECTIONS = [
    (
        1,
        Kind.CORRECTION,
        "I en tidligere udgave stod der, at huslejen stiger med 5 procent fra januar. Den "
        "vedtagne stigning er 3,2 procent.",
        "",
        "",
    ),
    (
        2,
        Kind.CLARIFICATION,
        "Artiklen er præciseret: det var afdelingsmødet, ikke organisationsbestyrelsen, der "
        "vedtog planen for de nye fællesarealer.",
        "",
        "",
    ),
    (
        1,
        Kind.UPDATE,
        "Opdateret: kommunen har siden godkendt skema B, så byggeriet kan gå i gang til foråret.",
        "",
        "",
    ),
    (
        9,
        Kind.REPLY,
        "Genmæle fra boligselskabets formand: »Vi har ikke afvist beboernes forslag. Vi har "
        "bedt om et nyt overslag, før det kommer til afstemning på afdelingsmødet.«",
        "",
        "",
    ),
    (
        40,
        Kind.RULING,
        "Pressenævnet har kritiseret, at artiklen ikke gav boligselskabet lejlighed til at "
        "svare på kritikken, før den blev bragt. Nævnet har pålagt os at offentliggøre "
        "kendelsen, hvilket vi hermed gør.",
        "https://www.pressenaevnet.dk/",
        "",
    ),
    (
        3,
        Kind.CORRECTION,
        "I en tidligere udgave stod der, at mødet blev holdt i beboerhuset.",
        "",
        "Rettelsen var selv forkert: mødet blev holdt i beboerhuset, som artiklen skrev.",
    ),
]


@receiver(demo_content_seeded, sender=DemoSeeder, dispatch_uid="corrections-demo")
def seed_corrections(sender, **kwargs):
    if Correction.objects.exists():
        return
    editor = get_user_model().objects.filter(username="redaktoer").first()
    now = timezone.now()
    articles = list(Article.objects.published().order_by("-published_at")[:40])
    with transaction.atomic():
        for days, kind, text, ruling_url, withdrawn in CORRECTIONS:
            # An article old enough that the correction came after it, and each its own.
            article = next(
                (a for a in articles if a.published_at + timedelta(days=days) <= now), None
            )
            if article is None:
                continue
            articles.remove(article)
            published_at = article.published_at + timedelta(days=days)
            Correction.objects.create(
                article=article,
                kind=kind,
                text=text,
                ruling_url=ruling_url,
                state=Correction.State.WITHDRAWN if withdrawn else Correction.State.PUBLISHED,
                proposed_by=editor,
                created_at=published_at,
                published_at=published_at,
                published_by=editor,
                withdrawn_at=published_at + timedelta(hours=5) if withdrawn else None,
                withdrawal_note=withdrawn,
            )
            # Not a state of the article's, so no workflow step: the mark its cards carry.
            Article.objects.filter(pk=article.pk).update(corrected_at=published_at)
