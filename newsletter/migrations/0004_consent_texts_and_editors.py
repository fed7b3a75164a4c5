"""The consent texts, a consent record for every subscription made before consents were kept,
and the editors' permissions for them.

- Version 1 is the wording the subscribe form showed until now (templates/newsletter/
  subscribe.html, the paragraph above the button), word for word. Every subscription made
  before this migration agreed to it.
- Version 2 is the wording shown from now on: the form now also keeps where the sign-up came
  from, which version 1 did not say (newsletter/consent.py, DEFAULT_TEXT).
- Each existing subscription gets the consent record it would have had, from what was stored:
  the times of sign-up, confirmation and unsubscribe, and its topics where they are still
  known (an unsubscribe deleted them). Its source is "ukendt", and its note says it was
  recorded afterwards. A request not yet confirmed gets a record of the request.
- "Redaktør" may export a subscriber's data, read and add consent texts, and read the log of
  exports and erasures.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP_LABEL = "newsletter"
GROUPS = {
    "Redaktør": [
        "export_subscriber",
        "view_consenttext",
        "add_consenttext",
        "view_privacylogentry",
    ],
}

FIRST_TEXT = (
    "Vi sender dig en mail med et link, som du skal klikke på for at bekræfte. Vi gemmer kun din "
    "e-mailadresse, dine valg og hvornår du tilmeldte dig. Bekræfter du ikke inden for 7 dage, "
    "sletter vi adressen igen."
)
SECOND_TEXT = (
    "Vi sender dig en mail med et link, som du skal klikke på for at bekræfte. Vi gemmer din "
    "e-mailadresse, dine valg, hvornår du tilmeldte dig og bekræftede, hvilken side du "
    "tilmeldte dig fra, og denne tekst, så vi kan vise, hvad du har sagt ja til. Bekræfter du "
    "ikke inden for 7 dage, sletter vi adressen igen. Du kan altid afmelde dig med linket i "
    "hvert nyhedsbrev."
)
NOTE_TOPICS_KNOWN = (
    "Tilmeldt før samtykker blev registreret: teksten er den, formularen viste dengang, og "
    "emnerne er dem, abonnenten fulgte, da samtykket blev registreret."
)
NOTE_TOPICS_UNKNOWN = (
    "Tilmeldt før samtykker blev registreret: teksten er den, formularen viste dengang; "
    "emnerne kendes ikke længere (de blev slettet ved afmeldingen)."
)
AXES = (
    ("sektioner", "sections", "name"),
    ("emner", "tags", "name"),
    ("skribenter", "authors", "name"),
    ("maal", "goals", "title"),
)


def snapshot(subscriber) -> dict:
    result = {"alt": subscriber.everything}
    for key, attribute, label in AXES:
        result[key] = [
            {"id": topic.pk, "navn": getattr(topic, label)}
            for topic in getattr(subscriber, attribute).order_by("pk")
        ]
    return result


def empty() -> dict:
    return {"alt": False, **{key: [] for key, _, _ in AXES}}


def record_consents(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    Consent = apps.get_model("newsletter", "Consent")
    Subscriber = apps.get_model("newsletter", "Subscriber")
    first, _ = ConsentText.objects.get_or_create(number=1, defaults={"text": FIRST_TEXT})
    ConsentText.objects.get_or_create(number=2, defaults={"text": SECOND_TEXT})
    for subscriber in Subscriber.objects.all().iterator():
        if subscriber.confirmed_at is not None:
            current = subscriber.state == "confirmed"
            Consent.objects.create(
                subscriber=subscriber,
                wording=first,
                # A returning subscriber's created_at is their new request's: the old one's
                # time is not known, and its confirmation is the latest it can have been.
                requested_at=min(subscriber.created_at, subscriber.confirmed_at),
                confirmed_at=subscriber.confirmed_at,
                withdrawn_at=subscriber.unsubscribed_at,
                topics=snapshot(subscriber) if current else empty(),
                source="ukendt",
                note=NOTE_TOPICS_KNOWN if current else NOTE_TOPICS_UNKNOWN,
            )
        if subscriber.state == "pending":
            Consent.objects.create(
                subscriber=subscriber,
                wording=first,
                requested_at=subscriber.created_at,
                topics=snapshot(subscriber),
                source="ukendt",
                note=NOTE_TOPICS_KNOWN,
            )


def forget_consents(apps, schema_editor):
    apps.get_model("newsletter", "Consent").objects.all().delete()
    apps.get_model("newsletter", "ConsentText").objects.filter(number__in=[1, 2]).delete()


def grant(apps, schema_editor):
    newsletter = apps.get_app_config(APP_LABEL)
    newsletter.models_module = True
    create_permissions(newsletter, apps=apps, verbosity=0)
    newsletter.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label=APP_LABEL, codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Newsletter permissions missing for {name}")
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=APP_LABEL, codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_proof_of_consent"),
    ]

    operations = [
        migrations.RunPython(record_consents, forget_consents),
        migrations.RunPython(grant, revoke),
    ]
