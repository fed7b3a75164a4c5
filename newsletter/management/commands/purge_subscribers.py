from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter.purge import purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Sletter tilmeldinger til nyhedsbrevet, der ikke er bekræftet inden for 7 dage "
        "(køres dagligt eller ugentligt, fx fra cron)."
    )

    def handle(self, *args, **options):
        count = purge_unconfirmed(timezone.now())
        self.stdout.write(f"{count} ubekræftede tilmeldinger fjernet.")
