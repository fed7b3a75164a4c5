from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.reading_list import purge_inactive_readers


class Command(BaseCommand):
    help = (
        "Sletter anonyme læselister, der ikke er brugt i et antal dage "
        "(standard: READING_LIST_PURGE_DAYS). Lister på brugerkonti slettes aldrig."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.READING_LIST_PURGE_DAYS)

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days skal være mindst 1.")
        count = purge_inactive_readers(timedelta(days=days))
        self.stdout.write(f"{count} anonyme læselister ældre end {days} dage er slettet.")
