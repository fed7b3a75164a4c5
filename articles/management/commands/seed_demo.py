import time

from django.core.management.base import BaseCommand, CommandError

from articles.demo.seed import DemoSeeder


class Command(BaseCommand):
    help = "Fylder sitet med demoindhold på dansk. Kan køres igen uden at lave dubletter."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=120, help="Antal demoartikler i alt (standard 120)."
        )
        parser.add_argument(
            "--images", type=int, default=16, help="Antal forskellige demobilleder (standard 16)."
        )

    def handle(self, *args, articles, images, **options):
        if articles < 1 or images < 1:
            raise CommandError("--articles og --images skal være mindst 1.")
        started = time.monotonic()
        created = DemoSeeder(articles, images, log=self.stdout.write).run()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demoindhold klar: {created} nye artikler ({time.monotonic() - started:.1f} s)."
            )
        )
