from django.core.management.base import BaseCommand

from newsroom.notifications import MAX_ATTEMPTS, send_queued_mail


class Command(BaseCommand):
    help = (
        "Sender redaktionelle mails, der venter: nye og dem, mailserveren ikke tog imod før "
        f"(med stigende ventetid, højst {MAX_ATTEMPTS} forsøg). Kør den fra cron hvert "
        "par minutter."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=200, help="Højst så mange mails i én kørsel."
        )

    def handle(self, *args, limit, **options):
        sent, failed = send_queued_mail(limit=limit)
        self.stdout.write(f"{sent} mails sendt, {failed} mislykkedes.")
