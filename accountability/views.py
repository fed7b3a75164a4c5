"""The pages of accountable journalism: the kolofon (/om/), the complaints guide
(/klagevejledning/) and the form for a genmæle (/genmaele/).

The kolofon and the guide are public pages like the articles' (``public_page``): the same
for every reader, stored whole, and retired when the kolofon changes (signals.py). The kolofon
itself is remembered per content version, so a page built again costs no query for it.

The form and the page after it are never cached (``never_cache``), as the newsletter's form:
the form holds a CSRF token, and a form sent back holds what one reader typed. Sending it
is a POST protected against cross-site requests by Django's CSRF middleware and limited per
client and address (ratelimit.py); after it the browser is sent on to the thank-you page
(post/redirect/get), so a reload sends nothing twice.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from articles.caching.remembered import remembered

from . import ratelimit, requests
from .forms import GenmaeleForm
from .models import GENMAELE_WEEKS, Kolofon

RATE_LIMITED = (
    "Der er sendt mange anmodninger herfra på kort tid, så vi har ikke modtaget denne. Prøv "
    "igen om en time{contact}. Det, du skrev, står her stadig."
)


def current_kolofon() -> Kolofon | None:
    return remembered("kolofon", Kolofon.current)


@require_safe
def kolofon(request):
    return render(request, "accountability/kolofon.html", {"kolofon": current_kolofon()})


@require_safe
def klagevejledning(request):
    return render(
        request,
        "accountability/klagevejledning.html",
        {"kolofon": current_kolofon(), "genmaele_weeks": GENMAELE_WEEKS},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def genmaele(request):
    kolofon = current_kolofon()
    options = {
        "hosts": {request.get_host().rsplit(":", 1)[0]},
        "site": settings.SITE_URL.rstrip("/"),
        "site_name": settings.SITE_NAME,
    }
    status = 200
    if request.method == "POST":
        form = GenmaeleForm(request.POST, **options)
        if form.is_valid():
            data = form.cleaned_data
            client = ratelimit.client_address(request)
            if ratelimit.allow_request(data["email"], client):
                requests.submit(
                    article=form.article,
                    article_text=data["artikel"],
                    text=data["genmaele"],
                    name=data["navn"],
                    email=data["email"],
                    phone=data["telefon"],
                )
                return redirect("accountability:genmaele_sent")
            contact = f", eller skriv til redaktionen på {kolofon.email}" if kolofon else ""
            form.add_error(None, RATE_LIMITED.format(contact=contact))
            status = 429
    else:
        form = GenmaeleForm(initial={"artikel": request.GET.get("artikel", "")[:500]}, **options)
    return render(
        request,
        "accountability/genmaele.html",
        {"form": form, "kolofon": kolofon, "genmaele_weeks": GENMAELE_WEEKS},
        status=status,
    )


@never_cache
@require_safe
def genmaele_sent(request):
    return render(request, "accountability/genmaele_sent.html", {"kolofon": current_kolofon()})
