"""`manage.py load_content`: brings the built-in guide and tips up to the files in content/,
leaving every section and tip an editor has changed in the admin as the editor left it.
`migrate` does the same after its migrations; this reports what it did."""

from django.core.management.base import BaseCommand, CommandError

from tracker import content
from tracker.models import GuideSection, Tip


class Command(BaseCommand):
    help = "Load the built-in guide and tips from content/ (an editor's changes are kept)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="Only read and check the files.")

    def handle(self, *args, check: bool = False, **options) -> None:
        try:
            sections, tips = content.read_all()
        except content.ContentError as error:
            raise CommandError(str(error)) from error
        if check:
            self.stdout.write(f"{len(sections)} sections and {len(tips)} tips, all valid.")
            return
        report = content.load(GuideSection, Tip, sections, tips)
        self.stdout.write(str(report))
