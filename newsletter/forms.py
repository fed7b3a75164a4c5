"""The newsletter's forms: the topics to follow, on the axes of the feeds (sections, tags,
authors, the current goals, or everything), and the address to send them to.

Field names are the Danish ones of the links into the form (``?sektion=…`` preselects in
``sektioner``); choices are given by slug, so a link names its topic readably and an unknown
slug simply matches no checkbox.
"""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef, Q

from articles.models import Article, ArticleAuthor, Author, Section, Tag
from goals.models import Goal

from .addresses import validate_address
from .models import Subscriber
from .subscriptions import Choice

# The topic fields, the query parameter that preselects each, and the subscriber's field.
AXES = (
    ("sektioner", "sektion", "sections"),
    ("emner", "emne", "tags"),
    ("skribenter", "skribent", "authors"),
    ("maal", "maal", "goals"),
)
SUBSCRIBER_FIELD = {name: attribute for name, _, attribute in AXES}
LABEL_FIELD = {"sektioner": "name", "emner": "name", "skribenter": "name", "maal": "title"}
# A link may preselect a few topics; more are ignored.
MAX_PRESELECTED = 10

NO_TOPIC = "Vælg mindst ét emne, eller vælg „Alt“."


def public_topics() -> dict:
    """What may be followed: every section, the public tags, the authors with a published
    article, the goals of the current programme."""
    published = Article.objects.published().values("pk")
    return {
        "sektioner": Section.objects.all(),
        "emner": Tag.objects.public(),
        "skribenter": Author.objects.filter(
            Exists(ArticleAuthor.objects.filter(author=OuterRef("pk"), article__in=published))
        ),
        "maal": Goal.objects.filter(programme__is_current=True),
    }


class TopicField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, label: str):
        super().__init__(queryset=Tag.objects.none(), to_field_name="slug", required=False)
        self.label = label


class TopicsForm(forms.Form):
    alt = forms.BooleanField(
        label="Alt",
        required=False,
        help_text="Alle nye artikler, uanset sektion, emne, skribent og mål.",
    )
    sektioner = TopicField("Sektioner")
    emner = TopicField("Emner")
    skribenter = TopicField("Skribenter")
    maal = TopicField("Almene mål")

    def __init__(self, *args, subscriber: Subscriber | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in public_topics().items():
            if subscriber is not None:
                # What a subscriber follows stays a choice on their page even if it is no
                # longer offered (an older programme's goal): saving must not drop it unseen.
                followed = getattr(subscriber, SUBSCRIBER_FIELD[name]).values("pk")
                queryset = queryset.model.objects.filter(
                    Q(pk__in=queryset.values("pk")) | Q(pk__in=followed)
                )
            # A box needs the name and the slug only (not a goal's text or an author's bio).
            self.fields[name].queryset = queryset.only("pk", "slug", LABEL_FIELD[name])

    def clean(self):
        data = super().clean()
        names = [name for name, _, _ in AXES]
        # A topic field with an error of its own (a choice that is gone) already says what
        # is wrong; an error in the address does not keep this one from showing too.
        if not any(name in self.errors for name in names) and not (
            data.get("alt") or any(data.get(name) for name in names)
        ):
            raise forms.ValidationError(NO_TOPIC, code="no_topic")
        return data

    @staticmethod
    def initial_for(subscriber: Subscriber) -> dict:
        initial = {"alt": subscriber.everything}
        for name, attribute in SUBSCRIBER_FIELD.items():
            initial[name] = list(getattr(subscriber, attribute).values_list("slug", flat=True))
        return initial

    def choice(self) -> Choice:
        data = self.cleaned_data
        return Choice(
            everything=data["alt"],
            sections=list(data["sektioner"]),
            tags=list(data["emner"]),
            authors=list(data["skribenter"]),
            goals=list(data["maal"]),
        )

    # --- For the template ---------------------------------------------------------------------

    def topic_fields(self):
        """The topic fields, each with whether any of its boxes is ticked."""
        return [
            (self[name], bool(self[name].value()) or bool(self[name].errors)) for name, _, _ in AXES
        ]

    def chosen(self) -> list[str]:
        """The names of the topics ticked, for a line above the form. Read from the boxes
        themselves, so asking costs no query of its own."""
        names = ["Alt"] if self["alt"].value() else []
        for name, _, _ in AXES:
            names += [box.choice_label for box in self[name].subwidgets if box.data["selected"]]
        return names


class AddressField(forms.EmailField):
    """An address the newsletter can mail (addresses.py): its checks replace Django's, so
    each refusal is one Danish sentence saying what is wrong, and its lengths are counted in
    octets, as mail servers count them (the template's input keeps ``maxlength="254"``)."""

    default_validators = [validate_address]

    def __init__(self, **kwargs):
        super().__init__(max_length=None, **kwargs)


class SubscribeForm(TopicsForm):
    email = AddressField(
        label="Din e-mailadresse",
        error_messages={"required": "Skriv din e-mailadresse."},
    )
    field_order = ["email", "alt", "sektioner", "emner", "skribenter", "maal"]

    @staticmethod
    def preselected(query) -> dict:
        """Initial topics from a link's query string (``?sektion=…`` and so on)."""
        initial = {}
        for name, parameter, _ in AXES:
            slugs = [slug for slug in query.getlist(parameter) if 0 < len(slug) <= 150]
            if slugs:
                initial[name] = slugs[:MAX_PRESELECTED]
        return initial
