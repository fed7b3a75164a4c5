"""The proof of consent (GDPR art. 7(1): the sender must be able to show that the person
agreed): what each subscriber agreed to, when, to which topics and where on the site.

- The wording is a ``ConsentText``, a numbered version that is never changed once someone has
  agreed to it; the subscribe form shows the newest (``current_text``) and sends its number
  in a hidden field, so the version recorded is the one the person saw, even if a new one is
  made while their form is open.
- Each request to subscribe is a ``Consent`` (``record_request``, by the task that handles the
  request): the version, the time the form was sent, the topics chosen (by id and by the
  name they had then, so the record still reads right after a topic is renamed or deleted),
  the ``source`` (which page or form: a hidden field restricted to ``Consent.Source``) and
  the page of this site the person came from (``referrer``: a path, never a query string,
  and never a page whose address holds a subscriber's secret). Its confirmation (the double
  opt-in) dates it (``record_confirmation``); an unsubscribe dates its withdrawal.
- A later change of topics is a ``TopicChange``: what was added and removed, and when.

A request that is never confirmed proves nothing and is not kept: it goes with the purge of
unconfirmed subscriptions (purge.py), or when the same address asks again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme

from articles.caching.store import safe_delete, safe_get, safe_set

from .models import Consent, ConsentText, Subscriber, TopicChange

Source = Consent.Source

# The wording the form shows when no version exists yet (a new, empty database: the data
# migration made version 1, the wording shown before versions were kept, and version 2, this).
DEFAULT_TEXT = (
    "Vi sender dig en mail med et link, som du skal klikke på for at bekræfte. Vi gemmer din "
    "e-mailadresse, dine valg, hvornår du tilmeldte dig og bekræftede, hvilken side du "
    "tilmeldte dig fra, og denne tekst, så vi kan vise, hvad du har sagt ja til. Bekræfter du "
    "ikke inden for 7 dage, sletter vi adressen igen. Du kan altid afmelde dig med linket i "
    "hvert nyhedsbrev."
)
# The newest version, kept in the cache (the form is asked for often, versions are rare). The
# number and the text are kept together, so the number sent with a form is always that of
# the text it showed; a new version shows within CACHE_SECONDS in every process.
CACHE_KEY = "newsletter:consent-text"
CACHE_SECONDS = 60

# What a consent recorded for a subscription from before consents were kept says about itself.
LEGACY_NOTE = (
    "Tilmeldt før samtykker blev registreret: teksten er den, formularen viste dengang, og "
    "emnerne er dem, abonnenten fulgte, da samtykket blev registreret."
)
MAX_REFERRER = 200

# The topic axes as a consent records them: (key, the subscriber's field, the name's field).
AXES = (
    ("sektioner", "sections", "name"),
    ("emner", "tags", "name"),
    ("skribenter", "authors", "name"),
    ("maal", "goals", "title"),
)


# --- The wording -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Wording:
    number: int
    text: str


def current_text() -> Wording:
    """The newest consent text: the one the form shows."""
    cached = safe_get(CACHE_KEY)
    if cached:
        return Wording(*cached)
    latest = ConsentText.objects.order_by("-number").first()
    if latest is None:
        latest, _ = ConsentText.objects.get_or_create(number=1, defaults={"text": DEFAULT_TEXT})
    safe_set(CACHE_KEY, (latest.number, latest.text), CACHE_SECONDS)
    return Wording(latest.number, latest.text)


def forget_current_text() -> None:
    """A new version was saved: the form shows it from now on (and once it is committed)."""
    safe_delete(CACHE_KEY)
    transaction.on_commit(lambda: safe_delete(CACHE_KEY))


def wording_for(number) -> ConsentText:
    """The version a form sent (the one it showed); the newest if it names none that exists."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = None
    if number is not None and 0 < number < 2**31:
        found = ConsentText.objects.filter(number=number).first()
        if found is not None:
            return found
    return ConsentText.objects.get(number=current_text().number)


# --- Where the sign-up came from --------------------------------------------------------------


@dataclass(frozen=True)
class SignUp:
    """What a request to subscribe says besides the address and topics: the consent version
    the form showed, the source, the referring page, and when the form was sent. Handed to the
    task as a dict (``as_dict``)."""

    wording: int | None = None
    source: str = Source.UNKNOWN
    referrer: str = ""
    requested_at: datetime | None = None

    def as_dict(self) -> dict:
        values = asdict(self)
        values["requested_at"] = self.requested_at.isoformat() if self.requested_at else None
        return values

    @classmethod
    def from_dict(cls, values: dict | None) -> SignUp:
        """The ``as_dict`` of a task's arguments; a task queued before sign-ups were recorded
        has none."""
        values = values or {}
        requested_at = values.get("requested_at")
        return cls(
            wording=values.get("wording"),
            source=clean_source(values.get("source")),
            referrer=page_path(values.get("referrer") or ""),
            requested_at=parse_datetime(requested_at) if isinstance(requested_at, str) else None,
        )


def clean_source(value) -> str:
    """A known source, or "ukendt": a hidden field can be sent with anything."""
    return value if isinstance(value, str) and value in Source.values else Source.UNKNOWN


def source_of_link(query) -> str:
    """The source of the subscribe page opened with ``query``: ``?kilde=`` if it names a known
    one, else the kind of page whose link preselected a topic, else the page itself."""
    named = query.get("kilde", "")
    if named in Source.values and named != Source.UNKNOWN:
        return named
    for parameter in ("sektion", "emne", "skribent", "maal"):
        if query.get(parameter):
            return parameter
    return Source.SUBSCRIBE_PAGE


def page_path(path: str) -> str:
    """``path`` if it is a page of this site whose address names nobody; else "". Used for a
    value sent by the browser (the hidden field, the Referer header): it is checked, not
    trusted."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith(("//", "/\\")):
        return ""
    path = path.split("?", 1)[0].split("#", 1)[0]
    if len(path) > MAX_REFERRER or any(ord(char) < 33 or ord(char) == 127 for char in path):
        return ""
    try:
        match = resolve(unquote(path))
    except (Resolver404, ValueError, UnicodeError):
        return ""
    if "token" in match.kwargs:
        # A subscriber's own page (preferences, a mail in the browser): its secret is not kept.
        return ""
    return path


def referring_page(request, *, exclude: str = "") -> str:
    """The page of this site the browser says it came from (``Referer``), as a path; "" for
    another site, a page that names someone, or ``exclude``."""
    referer = request.headers.get("Referer", "")
    if not referer or len(referer) > 2000:
        return ""
    hosts = {request.get_host(), urlsplit(settings.SITE_URL).netloc}
    if not url_has_allowed_host_and_scheme(referer, allowed_hosts=hosts):
        return ""
    path = page_path(urlsplit(referer).path)
    return "" if path == exclude else path


def sign_up_from(request) -> SignUp:
    """The sign-up a POST of the subscribe form (or a form elsewhere on the site) describes:
    its hidden fields ``samtykke``, ``kilde`` and ``fra``, or, without ``fra``, the page the
    form was sent from."""
    subscribe_page = reverse("newsletter:subscribe")
    referrer = page_path(request.POST.get("fra", ""))
    if not referrer:
        referrer = referring_page(request, exclude=subscribe_page)
    wording = request.POST.get("samtykke", "")
    return SignUp(
        wording=int(wording)
        if wording.isascii() and wording.isdigit() and len(wording) < 10
        else None,
        source=clean_source(request.POST.get("kilde")),
        referrer="" if referrer == subscribe_page else referrer,
        requested_at=timezone.now(),
    )


# --- Topics as a record holds them ------------------------------------------------------------


def snapshot(everything: bool, **axes) -> dict:
    """Topics as a consent records them: ``axes`` are the subscriber's field names, each a list
    of the topics (model instances)."""
    result = {"alt": bool(everything)}
    for key, attribute, label in AXES:
        topics = sorted(axes.get(attribute) or (), key=lambda topic: topic.pk)
        result[key] = [{"id": topic.pk, "navn": getattr(topic, label)} for topic in topics]
    return result


def snapshot_of_choice(choice) -> dict:
    """A ``subscriptions.Choice`` as a record holds it."""
    return snapshot(
        choice.everything,
        **{attribute: getattr(choice, attribute) for _, attribute, _ in AXES},
    )


def snapshot_of(subscriber: Subscriber) -> dict:
    """What ``subscriber`` follows now, as a record holds it."""
    return snapshot(
        subscriber.everything,
        **{
            attribute: list(getattr(subscriber, attribute).only("pk", label))
            for _, attribute, label in AXES
        },
    )


def difference(before: dict, after: dict) -> tuple[dict, dict]:
    """(added, removed) between two snapshots; each holds only the axes that changed."""
    added, removed = {}, {}
    if after.get("alt") and not before.get("alt"):
        added["alt"] = True
    if before.get("alt") and not after.get("alt"):
        removed["alt"] = True
    for key, _, _ in AXES:
        old = {topic["id"]: topic for topic in before.get(key, [])}
        new = {topic["id"]: topic for topic in after.get(key, [])}
        if gained := [new[pk] for pk in new if pk not in old]:
            added[key] = gained
        if lost := [old[pk] for pk in old if pk not in new]:
            removed[key] = lost
    return added, removed


def describe(topics: dict) -> str:
    """A snapshot in words: "Alt" or "Sektioner: Klima; Emner: Fjernvarme"."""
    parts = ["Alt"] if topics.get("alt") else []
    for key, label in (
        ("sektioner", "Sektioner"),
        ("emner", "Emner"),
        ("skribenter", "Skribenter"),
        ("maal", "Almene mål"),
    ):
        if topics.get(key):
            parts.append(f"{label}: " + ", ".join(topic["navn"] for topic in topics[key]))
    return "; ".join(parts) or "ingen"


# --- Recording ----------------------------------------------------------------------------------


def record_request(subscriber: Subscriber, choice, sign_up: SignUp) -> Consent:
    """A request to subscribe ``subscriber`` (pending now) to ``choice``: an earlier request
    that was not confirmed is replaced (only one confirmation link's request can be the one
    confirmed: the newest, whose topics the subscription now has)."""
    subscriber.consents.filter(confirmed_at__isnull=True).delete()
    return Consent.objects.create(
        subscriber=subscriber,
        wording=wording_for(sign_up.wording),
        requested_at=sign_up.requested_at or timezone.now(),
        topics=snapshot_of_choice(choice),
        source=sign_up.source,
        referrer=sign_up.referrer,
    )


def record_confirmation(subscriber: Subscriber, at: datetime) -> Consent:
    """The double opt-in confirmed at ``at``: the request it confirms is dated. A subscription
    asked for before consents were recorded gets its record now, marked as such."""
    consent = (
        subscriber.consents.filter(confirmed_at__isnull=True, withdrawn_at__isnull=True)
        .order_by("-requested_at", "-pk")
        .first()
    )
    if consent is None:
        first = ConsentText.objects.order_by("number").first()
        consent = Consent(
            subscriber=subscriber,
            wording=first or wording_for(None),
            requested_at=subscriber.created_at,
            topics=snapshot_of(subscriber),
            source=Source.UNKNOWN,
            note=LEGACY_NOTE,
        )
    consent.confirmed_at = at
    consent.save()
    return consent


def record_withdrawal(subscriber: Subscriber, at: datetime) -> None:
    """The subscriber unsubscribed at ``at``: their consents are dated withdrawn; a request
    they never confirmed is not kept."""
    subscriber.consents.filter(confirmed_at__isnull=True).delete()
    subscriber.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=at)


def record_topic_change(
    subscriber: Subscriber, before: dict, after: dict, via: str
) -> TopicChange | None:
    added, removed = difference(before, after)
    if not (added or removed):
        return None
    return TopicChange.objects.create(
        subscriber=subscriber, via=via, added=added, removed=removed, changed_at=timezone.now()
    )
