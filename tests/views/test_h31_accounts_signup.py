"""Signing up and logging in, in plain words (issue 31): what is asked, each thing said once,
and every password rule still checked by the server."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_user

SIGNUP = {
    "username": "newperson",
    "password1": "a-long-unusual-passphrase-42",
    "timezone": "Europe/London",
    "confirm_age": "on",
}
DJANGOS_HINTS = [
    "150 characters or fewer",
    "@/./+/-/_",
    "Password confirmation",
    "Enter the same password as before",
    "Your password can’t be too similar",
    "Your password can’t be a commonly used password",
    "Your password can’t be entirely numeric",
    "Required.",
]
EMAIL_PURPOSE = "We send a link to confirm it."


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_sign_up_asks_in_plain_words_with_one_password_and_one_rule(client, db):
    html = client.get(reverse("signup")).content.decode()
    for hint in DJANGOS_HINTS:
        assert hint not in html, hint
    text = _text(html)
    assert "A name to log in with" in text
    assert "At least 8 characters." in text
    assert html.count('type="password"') == 1
    assert 'data-min-length="8"' in html


def test_sign_up_says_once_what_the_email_is_for(client, db):
    html = client.get(reverse("signup")).content.decode()
    assert "optional, for password reset" not in html
    assert html.count(EMAIL_PURPOSE) == 1
    assert "get reminders if you turn them on" in html


@pytest.mark.parametrize("path", ["tracker:home", "signup"])
def test_the_disclaimer_shows_once_a_page(client, db, path):
    text = _text(client.get(reverse(path)).content.decode())
    assert text.count("not a diagnosis") == 1
    assert text.count("16 and over") == 1


def test_one_password_is_enough_and_it_is_the_one_kept(client, db):
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newperson")
    assert user.check_password(SIGNUP["password1"])


@pytest.mark.parametrize(
    ("password", "says"),
    [
        ("short1x", "too short"),
        ("password123", "too common"),
        ("83749201947362", "entirely numeric"),
        ("newperson1", "too similar"),
    ],
)
def test_every_password_rule_is_still_checked(client, db, password, says):
    response = client.post(reverse("signup"), {**SIGNUP, "password1": password})
    assert response.status_code == 200
    assert says in response.content.decode()
    assert not get_user_model().objects.filter(username="newperson").exists()


def test_a_taken_or_odd_name_is_refused_in_plain_words(client, db):
    make_user("taken")
    taken = client.post(reverse("signup"), {**SIGNUP, "username": "Taken"}).content.decode()
    assert "That name is taken. Try another." in taken
    odd = client.post(reverse("signup"), {**SIGNUP, "username": "two words"}).content.decode()
    assert "Use only letters, numbers and . _ - + (no spaces)." in odd
    assert "@/./+/-/_" not in odd


@pytest.mark.parametrize(
    ("posted", "stored"),
    [("Asia/Calcutta", "Asia/Kolkata"), ("Zulu", "UTC"), ("Mars/Olympus_Mons", "UTC"), ("", "UTC")],
)
def test_sign_up_stores_the_zones_current_name_or_the_default(client, db, posted, stored):
    client.post(reverse("signup"), {**SIGNUP, "timezone": posted})
    assert get_user_model().objects.get(username="newperson").profile.timezone == stored


def test_log_in_says_a_username_or_an_email_works(db):
    html = Client().get(reverse("login")).content.decode()
    assert '<label for="id_username">Username or e-mail:</label>' in html
    person = make_user("ann")  # confirmed ann@example.com
    client = Client()
    response = client.post(reverse("login"), {"username": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("tracker:home")).context["user"] == person
