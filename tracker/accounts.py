from django.db import transaction
from django.db.models import F

from tracker import countries
from tracker.forms import SignupForm


def create_account(form: SignupForm):
    with transaction.atomic():
        user = form.save()
        profile = user.profile
        profile.timezone = form.cleaned_data["timezone"]
        profile.country = countries.guess_country(form.cleaned_data["timezone"])
        profile.save(update_fields=["timezone", "country"])
    return user


def end_all_sessions(user) -> None:
    """Every session started before this call stops working on its next request."""
    profile = user.profile
    profile.session_generation = F("session_generation") + 1
    profile.save(update_fields=["session_generation"])
    profile.refresh_from_db(fields=["session_generation"])


def delete_account(user) -> None:
    """Deletes the person and, by cascade, every row that belongs to them."""
    with transaction.atomic():
        user.delete()
