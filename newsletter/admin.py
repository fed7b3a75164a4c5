"""The newsletter in the admin: its subscribers, each digest sent with its counts, and a
preview of the next digest.

Everything here is read-only. Subscribers give and withdraw their consent themselves (the
subscribe, preferences and unsubscribe pages), so staff neither add subscribers nor change
their address or topics; they may delete one (a request to be forgotten). Digests and their
deliveries are the send log that keeps sending idempotent: a digest deleted would be made and
sent again for its period, so nobody may delete one here.

A subscriber's page shows the proof of their consent (each consent with its text version,
times, topics and source, and the changes of topics) and, for those allowed, two buttons:
export their data (a JSON file) and erase it (privacy.py). Deleting a subscriber is always the
erasure: the admin's own delete page and "delete selected" action are replaced by it, so no
deletion skips the suppression list or the log, and the admin's own history (whose entries
name an object by its address) is not written for it.

Permissions: superusers see everything. An editor needs ``newsletter.view_subscriber``,
``newsletter.view_digest`` (the digests and the preview) and ``newsletter.view_delivery``
(the failed and pending mails behind a digest's counts), ``newsletter.export_subscriber`` to
export a subscriber's data and ``newsletter.delete_subscriber`` to erase it, and
``newsletter.add_consenttext`` to write a new consent text (the "Redaktør" group has them:
migrations 0002 and 0004).
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from articles.models import Author, Section, Tag
from goals.models import Goal

from . import consent, content, privacy
from .mails import digest_message
from .models import (
    Consent,
    ConsentText,
    Delivery,
    Digest,
    PrivacyLogEntry,
    Subscriber,
    TopicChange,
)

# The sending engine's own limit on a mail's articles, so the preview shows what would go out.
from .sending import MAX_ARTICLES

State = Subscriber.State


# --- Subscribers -------------------------------------------------------------------------------


def subscriber_summary() -> dict:
    """Subscribers by state, and the confirmed ones by topic: one query for the states and
    one per kind of topic (sections, tags, authors, goals), however many topics there are."""
    states = dict.fromkeys(State.values, 0)
    paused = everything = 0
    for state, is_paused, is_everything, number in (
        Subscriber.objects.order_by()
        .values_list("state", "paused", "everything")
        .annotate(number=Count("pk"))
    ):
        states[state] = states.get(state, 0) + number
        if state == State.CONFIRMED:
            paused += number if is_paused else 0
            everything += number if is_everything else 0
    confirmed = Q(subscriber__state=State.CONFIRMED)

    def followed(model, label_field: str) -> list[tuple[str, int]]:
        return list(
            model.objects.annotate(number=Count("subscriber", filter=confirmed))
            .filter(number__gt=0)
            .order_by("-number", label_field)
            .values_list(label_field, "number")
        )

    return {
        "states": [(State(state).label, number) for state, number in states.items()],
        "total": sum(states.values()),
        "paused": paused,
        "receiving": states[State.CONFIRMED] - paused,
        "axes": [
            ("Alt", [("Alle nye artikler", everything)] if everything else []),
            ("Sektioner", followed(Section, "name")),
            ("Emner", followed(Tag, "name")),
            ("Skribenter", followed(Author, "name")),
            ("Almene mål", followed(Goal, "title")),
        ],
    }


class ReadOnlyInline(admin.TabularInline):
    """Part of the subscriber's record: seen with it, never edited."""

    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("newsletter.view_subscriber")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ConsentInline(ReadOnlyInline):
    model = Consent
    fields = [
        "wording_number",
        "requested_at",
        "confirmed_at",
        "withdrawn_at",
        "chosen_topics",
        "source",
        "referrer",
        "note",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("wording")

    @admin.display(description="samtykketekst")
    def wording_number(self, record):
        return format_html(
            '<a href="{}">Version {}</a>',
            reverse("admin:newsletter_consenttext_change", args=[record.wording_id]),
            record.wording.number,
        )

    @admin.display(description="valgte emner")
    def chosen_topics(self, record):
        return consent.describe(record.topics)


class TopicChangeInline(ReadOnlyInline):
    model = TopicChange
    fields = ["changed_at", "via", "added_topics", "removed_topics"]
    readonly_fields = fields

    @admin.display(description="tilføjet")
    def added_topics(self, change):
        return consent.describe(change.added) if change.added else "–"

    @admin.display(description="fjernet")
    def removed_topics(self, change):
        return consent.describe(change.removed) if change.removed else "–"


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "state", "paused", "everything", "created_at", "confirmed_at"]
    list_filter = ["state", "paused", "everything"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    fields = [
        "email",
        "state",
        "paused",
        "everything",
        "sections",
        "tags",
        "authors",
        "goals",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    readonly_fields = fields
    inlines = [ConsentInline, TopicChangeInline]
    actions = ["erase_selected"]
    # The summary above the list counts what the filters do not show at a glance.
    change_list_template = "admin/newsletter/subscriber/change_list.html"
    # The export and erase buttons.
    change_form_template = "newsletter/admin/subscriber_change_form.html"

    def has_add_permission(self, request):
        return False  # consent is given by the subscriber, on the subscribe page

    def has_change_permission(self, request, obj=None):
        return False

    def has_export_permission(self, request, obj=None):
        return request.user.has_perm("newsletter.export_subscriber")

    def changelist_view(self, request, extra_context=None):
        context = {"summary": subscriber_summary(), **(extra_context or {})}
        return super().changelist_view(request, extra_context=context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = {
            "can_export": self.has_export_permission(request),
            "can_erase": self.has_delete_permission(request),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context=context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Deleting is erasing (erase_selected): the admin's own deletion would skip the
        # suppression list and the log.
        actions.pop("delete_selected", None)
        return actions

    def get_urls(self):
        return [
            path(
                "<path:object_id>/eksport/",
                self.admin_site.admin_view(self.export_view),
                name="newsletter_subscriber_export",
            ),
            path(
                "<path:object_id>/slet-persondata/",
                self.admin_site.admin_view(self.erase_view),
                name="newsletter_subscriber_erase",
            ),
            *super().get_urls(),
        ]

    # --- Export and erasure (privacy.py) ------------------------------------------------------

    def _subscriber(self, object_id) -> Subscriber:
        object_id = str(object_id)
        if not (object_id.isascii() and object_id.isdigit()) or len(object_id) > 18:
            raise Http404("Abonnenten findes ikke.")
        return get_object_or_404(Subscriber, pk=int(object_id))

    def export_view(self, request, object_id):
        """A JSON file of everything kept about one subscriber (a POST: it is logged)."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        return _export(request, self._subscriber(object_id))

    def erase_view(self, request, object_id):
        """Erase one subscriber's data, after a page that says what goes and what stays."""
        if not self.has_delete_permission(request):
            raise PermissionDenied
        subscriber = self._subscriber(object_id)
        if request.method == "POST" and request.POST.get("bekraeft") == "ja":
            number = privacy.erase(subscriber, request.user)
            self.message_user(request, erased_message([number]), messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:newsletter_subscriber_changelist"))
        return self.erase_confirmation(request, [subscriber], action=False)

    def delete_view(self, request, object_id, extra_context=None):
        # The admin's own delete page is the erasure's.
        return self.erase_view(request, object_id)

    def log_deletions(self, request, queryset):
        # Never reached (deleting is erasing, logged by privacy.log); were it reached, the
        # admin's history would keep the address as the deleted object's name.
        return []

    @admin.action(description="Slet de valgte abonnenters persondata", permissions=["delete"])
    def erase_selected(self, request, queryset):
        subscribers = list(queryset)
        if request.POST.get("bekraeft") == "ja":
            numbers = [privacy.erase(subscriber, request.user) for subscriber in subscribers]
            self.message_user(request, erased_message(numbers), messages.SUCCESS)
            return None
        return self.erase_confirmation(request, subscribers, action=True)

    def erase_confirmation(self, request, subscribers, *, action: bool):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Slet persondata",
            "subscribers": subscribers,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "newsletter/admin/erase_confirm.html", context)


@require_POST
def _export(request, subscriber: Subscriber) -> HttpResponse:
    response = HttpResponse(
        privacy.export_json(subscriber, request.user), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="abonnent-{subscriber.pk}.json"'
    response["Cache-Control"] = "no-store, private"
    return response


def erased_message(numbers: list[int]) -> str:
    which = ", ".join(f"nr. {number}" for number in numbers)
    return (
        f"Persondata slettet for abonnent {which}. Adressen står kun tilbage som en hash på "
        "spærrelisten, og sletningen er logget."
    )


@admin.register(ConsentText)
class ConsentTextAdmin(admin.ModelAdmin):
    """The consent texts: a new version is added here, and the subscribe form shows it; a
    version someone has agreed to is never changed or deleted."""

    list_display = ["__str__", "created_at", "short_text", "consent_count"]
    fields = ["number", "text", "created_at"]
    readonly_fields = ["number", "created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_consents=Count("consents"))

    @admin.display(description="tekst")
    def short_text(self, text):
        return text.text if len(text.text) <= 120 else text.text[:119] + "…"

    @admin.display(description="samtykker", ordering="n_consents")
    def consent_count(self, text):
        return text.n_consents

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.in_use:
            return False  # agreed to: make a new version instead
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.in_use:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(PrivacyLogEntry)
class PrivacyLogEntryAdmin(admin.ModelAdmin):
    """Who exported or erased which subscriber's data, and when."""

    list_display = ["done_at", "action", "subscriber_number", "done_by_name"]
    list_filter = ["action"]
    fields = list_display
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Digests -----------------------------------------------------------------------------------


def deliveries_in(*states: str) -> Count:
    return Count("deliveries", filter=Q(deliveries__state__in=states))


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "period",
        "ends_at",
        "article_count",
        "sent_count",
        "nothing_count",
        "pending_count",
        "failed_count",
        "on_site",
    ]
    fields = [
        "number",
        "period",
        "starts_at",
        "ends_at",
        "created_at",
        "article_count",
        "sent_count",
        "nothing_count",
        "pending_count",
        "failed_count",
        "on_site",
        "articles",
    ]
    readonly_fields = fields
    change_list_template = "admin/newsletter/digest/change_list.html"

    def get_queryset(self, request):
        # Counts of the deliveries by state in the same query (one join, one GROUP BY); the
        # articles are counted in a subquery, as a second join would multiply the rows.
        through = Digest.articles.through
        articles = (
            through.objects.filter(digest_id=OuterRef("pk"))
            .order_by()
            .values("digest_id")
            .annotate(number=Count("pk"))
            .values("number")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_articles=Coalesce(Subquery(articles, output_field=IntegerField()), 0),
                n_sent=deliveries_in(Delivery.State.SENT),
                n_nothing=deliveries_in(Delivery.State.NOTHING),
                n_pending=deliveries_in(Delivery.State.PENDING, Delivery.State.SENDING),
                n_failed=deliveries_in(Delivery.State.FAILED),
            )
        )

    def has_add_permission(self, request):
        return False  # made by the sending engine, one a period

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the send log: without it the period would be made and sent again

    def _deliveries_link(self, digest, number: int, *states: str):
        """The count, linked to those deliveries (their subscribers, attempts and errors)."""
        if not number:
            return number
        url = reverse("admin:newsletter_delivery_changelist")
        query = f"digest__id__exact={digest.pk}&state__in={','.join(states)}"
        return format_html('<a href="{}?{}">{}</a>', url, query, number)

    @admin.display(description="artikler", ordering="n_articles")
    def article_count(self, digest):
        return digest.n_articles

    @admin.display(description="sendt", ordering="n_sent")
    def sent_count(self, digest):
        return self._deliveries_link(digest, digest.n_sent, Delivery.State.SENT)

    @admin.display(description="intet nyt på emnerne", ordering="n_nothing")
    def nothing_count(self, digest):
        return digest.n_nothing

    @admin.display(description="venter", ordering="n_pending")
    def pending_count(self, digest):
        return self._deliveries_link(
            digest, digest.n_pending, Delivery.State.PENDING, Delivery.State.SENDING
        )

    @admin.display(description="fejlet", ordering="n_failed")
    def failed_count(self, digest):
        return self._deliveries_link(digest, digest.n_failed, Delivery.State.FAILED)

    @admin.display(description="på sitet")
    def on_site(self, digest):
        if not digest.n_sent:
            return "–"  # the archive shows a digest once a mail of it has gone out
        return format_html('<a href="{}">Se nyhedsbrevet</a>', digest.get_absolute_url())

    def changelist_view(self, request, extra_context=None):
        context = {"preview_url": reverse("admin:newsletter_digest_preview")}
        return super().changelist_view(request, extra_context={**context, **(extra_context or {})})

    # --- The next digest, as it would be sent now ---------------------------------------------

    def get_urls(self):
        return [
            path(
                "forhaandsvisning/",
                self.admin_site.admin_view(self.preview_view),
                name="newsletter_digest_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = TopicsForm(request.GET or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Forhåndsvisning af næste nyhedsbrev",
            "form": form,
        }
        if form.is_bound and form.is_valid():
            context.update(next_digest_preview(form.topics(), request.user))
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/newsletter/digest/preview.html", context)


class TopicsForm(forms.Form):
    """The topics a subscriber can choose, for the preview."""

    everything = forms.BooleanField(label="Alt: alle nye artikler", required=False)
    sections = forms.ModelMultipleChoiceField(
        Section.objects.order_by("position", "name"),
        label="Sektioner",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.ModelMultipleChoiceField(
        Tag.objects.order_by("name"),
        label="Emner",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    authors = forms.ModelMultipleChoiceField(
        Author.objects.order_by("name"),
        label="Skribenter",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    goals = forms.ModelMultipleChoiceField(
        Goal.objects.filter(programme__is_current=True).order_by("position", "pk"),
        label="Almene mål",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        if not (
            data.get("everything")
            or any(data.get(name) for name in ("sections", "tags", "authors", "goals"))
        ):
            raise forms.ValidationError("Vælg mindst ét emne, eller vælg „Alt“.")
        return data

    def topics(self) -> content.Topics:
        data = self.cleaned_data

        def ids(name):
            return frozenset(item.pk for item in data.get(name) or ())

        return content.Topics(
            everything=bool(data.get("everything")),
            sections=ids("sections"),
            tags=ids("tags"),
            authors=ids("authors"),
            goals=ids("goals"),
        )


def next_digest_preview(topics: content.Topics, user) -> dict:
    """The next digest's mail for a subscriber following ``topics``, as it would be sent now:
    the articles published since the last digest's end, chosen as the sending engine
    chooses them, built by ``digest_message`` itself."""
    now = timezone.now()
    last = Digest.objects.order_by("-number").first()
    since = last.ends_at if last else now - timedelta(days=7)
    articles = content.articles_between(since, now)
    chosen = content.select(articles, topics, None)[:MAX_ARTICLES]
    # Unsaved: nothing is written. The digest's page does not exist until it is sent.
    digest = Digest(
        number=(last.number + 1) if last else 1, period="", starts_at=since, ends_at=now
    )
    subscriber = Subscriber(
        email=user.email or "modtager@example.org",
        state=State.CONFIRMED,
        everything=topics.everything,
        token="forhaandsvisning",
    )
    result = {"since": since, "now": now, "available": len(articles), "chosen": chosen}
    if chosen:
        message = digest_message(subscriber, digest, chosen)
        html = message.alternatives[0][0]
        result.update(
            message=message,
            headers=[
                ("Fra", message.from_email),
                ("Til", ", ".join(message.to)),
                ("Emne", message.subject),
                *sorted(message.extra_headers.items()),
            ],
            text=message.body,
            # Links in the framed mail open in a new window (the admin may not be framed).
            html=html.replace("<head>", '<head><base target="_blank">', 1),
        )
    return result


# --- Deliveries --------------------------------------------------------------------------------


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The send log, to look up why a mail failed or what is still waiting."""

    list_display = ["subscriber", "digest", "state", "attempts", "sent_at", "last_error"]
    # Digests are few (one a week): the filter lists them all, without a DISTINCT over the log.
    list_filter = ["digest", "state"]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber", "digest"]
    # Tens of thousands of rows a digest: no second COUNT over the whole table per page.
    show_full_result_count = False
    fields = [
        "digest",
        "subscriber",
        "state",
        "attempts",
        "claimed_at",
        "claimed_by",
        "sent_at",
        "last_error",
        "article_ids",
    ]
    readonly_fields = fields

    def has_module_permission(self, request):
        return False  # reached from the digests' counts, not listed on its own

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
