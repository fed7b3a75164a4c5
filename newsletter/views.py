"""The newsletter's pages for readers: subscribing, the confirmation link, preferences and
unsubscribing (the archive is in archive.py).

None of them is cached: each holds a form with a CSRF token or a subscriber's own state,
so each is sent ``never_cache`` and is never part of the shared page cache. Nothing changes
on a GET or HEAD: a mail scanner that opens every link in a mail confirms or unsubscribes
nobody; only the POST of a page's button does.
"""

from __future__ import annotations

from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import consent, subscriptions
from .confirmation import read_link, topic_names
from .forms import SubscribeForm, TopicsForm
from .models import CONFIRM_WITHIN, Subscriber
from .ratelimit import client_address

State = Subscriber.State

# Preferences saved: ?gemt=<what>, and the line the page then shows.
SAVED = {
    "emner": "Dine emner er gemt.",
    "pause": "Nyhedsbrevet er sat på pause. Du får ingen nyhedsbreve, før du genoptager det.",
    "genoptaget": "Nyhedsbrevet er genoptaget. Du får det igen fra næste udsendelse.",
}


def page(view):
    """A page of its own: never cached, and a subscriber who is gone meanwhile (purged, say)
    is a page that is not found."""

    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Subscriber.DoesNotExist:
            raise Http404("Tilmeldingen findes ikke.") from None

    return wrapper


@page
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """The form, with the current consent text above its button, and hidden fields for the
    proof of consent (consent.py): the text's version, where the form was opened from (the
    source: ``?kilde=``, or the kind of link that preselected a topic) and the page of this
    site the reader came from."""
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        sign_up = consent.sign_up_from(request)
        if form.is_valid():
            subscriptions.request_subscription(
                form.cleaned_data["email"],
                form.choice(),
                client=client_address(request),
                sign_up=sign_up,
            )
            # One answer for every address, new, waiting, subscribed or unsubscribed.
            return redirect("newsletter:sent")
        source, referrer = sign_up.source, sign_up.referrer
    else:
        form = SubscribeForm(initial=SubscribeForm.preselected(request.GET))
        source = consent.source_of_link(request.GET)
        referrer = consent.referring_page(request, exclude=reverse("newsletter:subscribe"))
    return render(
        request,
        "newsletter/subscribe.html",
        {
            "form": form,
            "consent_text": consent.current_text(),
            "source": source,
            "referrer": referrer,
        },
    )


@page
@require_safe
def sent(request):
    return render(request, "newsletter/sent.html", {"valid_days": CONFIRM_WITHIN.days})


def invalid_link(request):
    return render(request, "newsletter/link_invalid.html", status=404)


@page
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    link = read_link(token)
    subscriber = link and Subscriber.objects.filter(token=link.token).first()
    if subscriber is None or subscriber.state == State.UNSUBSCRIBED:
        # Forged, mistyped, deleted, or for a subscription that has since been ended.
        return invalid_link(request)
    if subscriber.state == State.CONFIRMED:
        # Used before: confirming again changes nothing, so say so whatever the method.
        return confirmed(request, subscriber)
    if link.expired:
        return render(request, "newsletter/link_expired.html", {"token": token})
    if request.method == "POST":
        return confirmed(request, subscriptions.confirm(subscriber))
    return render(
        request,
        "newsletter/confirm.html",
        {"subscriber": subscriber, "token": token, "topics": topic_names(subscriber)},
    )


def confirmed(request, subscriber):
    return render(
        request,
        "newsletter/confirmed.html",
        {"subscriber": subscriber, "topics": topic_names(subscriber)},
    )


@page
@require_POST
def resend(request):
    """A new confirmation link, asked for from an expired one's page."""
    link = read_link(request.POST.get("token", ""))
    subscriber = link and Subscriber.objects.filter(token=link.token).first()
    if subscriber is None:
        return invalid_link(request)
    subscriptions.resend_confirmation(subscriber, client=client_address(request))
    return redirect("newsletter:sent")


@page
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    """A subscriber's own page, opened by the token in every mail: no login."""
    subscriber = get_object_or_404(Subscriber, token=token)
    here = reverse("newsletter:preferences", kwargs={"token": token})
    form = None
    if subscriber.state != State.UNSUBSCRIBED:
        if request.method == "POST" and request.POST.get("handling") in ("pause", "genoptag"):
            pause = request.POST["handling"] == "pause"
            if subscriptions.set_paused(subscriber, pause):
                return redirect(here + "?gemt=" + ("pause" if pause else "genoptaget"))
            return redirect(here)  # only a confirmed subscription can be paused
        if request.method == "POST":
            form = TopicsForm(request.POST, subscriber=subscriber)
            if form.is_valid() and subscriptions.save_topics(subscriber, form.choice()):
                return redirect(here + "?gemt=emner")
        else:
            form = TopicsForm(subscriber=subscriber, initial=TopicsForm.initial_for(subscriber))
    elif request.method == "POST":
        return redirect(here)
    return render(
        request,
        "newsletter/preferences.html",
        {
            "subscriber": subscriber,
            "form": form,
            "saved": SAVED.get(request.GET.get("gemt", "")) if request.method != "POST" else "",
        },
    )


@csrf_exempt
@page
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """POST: unsubscribe at once (the mail client's one-click unsubscribe, RFC 8058, or the
    page's button); GET: a page with the button.

    Exempt from CSRF: the one-click POST comes from the mail client, with no CSRF token and
    no Origin. The unguessable token in the address is what authenticates it, and all it
    can do is what its owner's mail already offers."""
    subscriber = get_object_or_404(Subscriber, token=token)
    if request.method == "POST":
        subscriber = subscriptions.unsubscribe(subscriber)
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
