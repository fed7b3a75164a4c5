"""The demo's kolofon and a couple of requests for a genmæle (``manage.py seed_demo``, through
its ``demo_content_seeded`` signal: articles does not know about this app).

The publisher and its address are made up, as is everything in the demo; the responsible
editor is the demo newsroom's editor. Idempotent: the kolofon is updated in place, and the
requests are made only while there are none.
"""

from datetime import timedelta

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from articles.demo.seed import DemoSeeder, demo_content_seeded
from articles.models import Article, Author

from .models import GenmaeleRequest, Kolofon

EDITOR_SLUG = "jonas-broendum-lauridsen"  # the editor of DEMO_STAFF

KOLOFON = {
    "medium": "Almene Nyheder",
    "about": (
        "Almene Nyheder skriver om den almene boligsektor: om beboerdemokrati, byggeri og "
        "renovering, økonomi og de mennesker, der bor og arbejder i de almene boliger."
    ),
    "publisher": "Foreningen Almene Medier",
    "address": "Eksempelvej 12\n2400 København NV",
    "cvr": "",
    "email": "redaktion@almene-nyheder.example",
    "phone": "+45 00 00 00 00",
    "registered_with_pressenaevnet": True,
}

REQUESTS = [
    # (days after the article's publication it arrived, who, their reply)
    (
        6,
        "Birthe Kjærgaard",
        "birthe.kjaergaard@example.org",
        "Artiklen skriver, at afdelingsbestyrelsen ikke blev hørt om budgettet. Det er ikke "
        "rigtigt: bestyrelsen fik budgettet på mødet den 3. marts og stemte om det.",
    ),
    (
        33,
        "Henrik Dalgaard",
        "henrik.dalgaard@example.org",
        "Jeg er citeret for at sige, at renoveringen blev dyrere end planlagt. Jeg sagde, at "
        "den blev forsinket, ikke dyrere.",
    ),
]


@receiver(demo_content_seeded, sender=DemoSeeder, dispatch_uid="accountability-demo")
def seed_accountability(sender, **kwargs):
    editor = Author.objects.filter(slug=EDITOR_SLUG).values_list("name", flat=True).first()
    with transaction.atomic():
        Kolofon.objects.update_or_create(
            pk=1, defaults={**KOLOFON, "editor": editor or "Jonas Brøndum Lauridsen"}
        )
        if GenmaeleRequest.objects.exists():
            return
        now = timezone.now()
        articles = list(Article.objects.published().order_by("-published_at")[:40])
        for days, name, email, text in REQUESTS:
            # An article old enough that the request arrived in the past.
            article = next(
                (a for a in articles if a.published_at + timedelta(days=days) <= now), None
            )
            if article is None:
                continue
            GenmaeleRequest.objects.create(
                article=article,
                article_text=article.get_absolute_url(),
                article_published_at=article.published_at,
                received_at=article.published_at + timedelta(days=days, hours=3),
                text=text,
                name=name,
                email=email,
            )
            articles.remove(article)
