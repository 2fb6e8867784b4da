from django.db import transaction

from tracker.forms import SignupForm


def create_account(form: SignupForm):
    with transaction.atomic():
        user = form.save()
        profile = user.profile
        profile.timezone = form.cleaned_data["timezone"]
        profile.save(update_fields=["timezone"])
    return user


def delete_account(user) -> None:
    """Deletes the person and, by cascade, every row that belongs to them."""
    with transaction.atomic():
        user.delete()
