"""The source's page: ``/citattjek/<token>/``.

It shows the article's title, the paragraphs chosen for this source as they stand in the
article now (and says so when one of them has changed or gone, rather than showing what
stands in its place), the deadline, and a form: "Godkend" or corrections. Nothing else of the
article is on the page: not the lead, not other paragraphs, not in attributes, and the page
loads no scripts and asks the site for nothing else that could carry them.

Every answer under /citattjek/ is personal and short-lived: ``Cache-Control: no-store``
(``never_cache``), ``X-Robots-Tag: noindex``, no referrer to other sites; it is not a public
page, so the page cache never stores it (articles/caching/pages.py stores only what
``public_page`` marks), the service worker leaves the path alone (templates/articles/sw.js),
robots.txt disallows it, and search has never heard of it. A link that has stopped working
(deadline, revoked, the article published or trashed) is a Danish page with status 410 that
names nothing of the article; anything else under /citattjek/ is the site's 404, and a
client that asks for many of those is answered 429 for a while (ratelimit.py).

Sending the answer is a POST with Django's CSRF token, bound to what the page showed
(newsroom/quotechecks.py, ``answer``); after it the browser is sent back to the page
(post/redirect/get), which then shows the answer received.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from articles.text import sanitize_html
from newsroom import quotechecks
from newsroom.people import display_name

from . import paragraphs as body
from . import ratelimit
from .models import QuoteAnswer, QuoteCheck

ANSWERS = {"godkendt": QuoteAnswer.Verdict.APPROVED, "rettelser": QuoteAnswer.Verdict.CORRECTIONS}


def personal(view):
    """The headers every answer under /citattjek/ carries."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
        # The address holds the token: no other site a link leads to is told it. (Not
        # "no-referrer": the browser would then send the answer with "Origin: null", which
        # the CSRF check rightly refuses.)
        response["Referrer-Policy"] = "same-origin"
        return response

    return never_cache(wrapper)


def _not_found(request):
    client = ratelimit.client_address(request)
    if not ratelimit.count_wrong(client):
        return _too_many(request)
    return render(request, "404.html", status=404)


def _too_many(request):
    response = render(request, "quotecheck/too_many.html", status=429)
    response["Retry-After"] = str(ratelimit.RETRY_AFTER)
    return response


def _gone(request):
    return render(request, "quotecheck/gone.html", status=410)


@personal
@require_http_methods(["GET", "HEAD", "POST"])
def check_page(request, token):
    client = ratelimit.client_address(request)
    if ratelimit.blocked(client):
        return _too_many(request)
    check = QuoteCheck.objects.by_token(token)
    if check is None:
        return _not_found(request)
    if not check.is_live():
        return _gone(request)

    errors, corrections, status = [], "", 200
    if request.method == "POST":
        corrections = request.POST.get("rettelser", "")[:5000]
        verdict = ANSWERS.get(request.POST.get("svar", ""))
        try:
            if verdict is None:
                raise ValidationError("Vælg »Godkend« eller »Send rettelser«.")
            quotechecks.answer(check, verdict, corrections, shown=request.POST.get("vist", ""))
        except quotechecks.CheckClosed:
            return _gone(request)
        except quotechecks.ShownMovedOn:
            errors.append(
                "Teksten er ændret, mens du læste den, så dit svar er ikke sendt. Læs afsnittene "
                "herunder igen, som de står nu, og send dit svar igen."
            )
            status = 409
        except quotechecks.TooManyAnswers:
            errors.append(
                "Der er sendt mange svar fra dette link. Skriv direkte til journalisten, hvis "
                "du har mere."
            )
            status = 429
        except ValidationError as error:
            errors.extend(error.messages)
            status = 400
        else:
            return HttpResponseRedirect(request.path + "#svar")
        check.refresh_from_db()

    located = check.located()
    shown = [item.paragraph for item in located if item.found]
    shown.sort(key=lambda paragraph: paragraph.position)
    blocks = []
    for paragraph in shown:
        # A mark between paragraphs that do not follow each other in the article.
        gap = bool(blocks) and paragraph.position != blocks[-1]["position"] + 1
        # Sanitized once more as it goes out (it was when it was saved).
        html = sanitize_html(paragraph.html)
        blocks.append({"position": paragraph.position, "html": html, "gap_before": gap})
    journalist = check.created_by
    context = {
        "check": check,
        "title": check.article.title,
        "blocks": blocks,
        "missing": sum(not item.found for item in located),
        "shown": body.shown_token(located),
        "latest_answer": check.answers.first(),
        "errors": errors,
        "corrections": corrections,
        "journalist": display_name(journalist, "") if journalist else "",
        "journalist_email": getattr(journalist, "email", "") if journalist else "",
        "deadline": check.deadline,
    }
    return render(request, "quotecheck/check.html", context, status=status)


@personal
@require_http_methods(["GET", "HEAD", "POST"])
def not_found(request, rest=""):
    """Anything else under /citattjek/: the site's 404, counted as a wrong link."""
    client = ratelimit.client_address(request)
    if ratelimit.blocked(client):
        return _too_many(request)
    return _not_found(request)
