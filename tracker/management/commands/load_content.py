"""`manage.py load_content`: brings the built-in guide and tips up to the files in content/
(English) and content/<language>/ (each other language, into its own rows),
leaving every section and tip an editor has changed in the admin as the editor left it.
`migrate` does the same after its migrations; this reports what it did."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from tracker.guide import content, loading
from tracker.models import GuideSection, Tip


class Command(BaseCommand):
    help = (
        "Load the built-in guide and tips from content/, each language into its own rows "
        "(an editor's changes are kept)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="Only read and check the files.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database to load into.")

    def handle(self, *args, check: bool = False, database: str = DEFAULT_DB_ALIAS, **options):
        try:
            by_language = content.read_languages()
        except content.ContentError as error:
            raise CommandError(str(error)) from error
        if check:
            for language, (sections, tips) in by_language.items():
                self.stdout.write(
                    f"{language}: {len(sections)} sections and {len(tips)} tips, all valid."
                )
            return
        report = loading.load_languages(GuideSection, Tip, by_language, using=database)
        self.stdout.write(str(report))
