"""Issue 33: reminders are written in each person's language, though they are sent by a
command, outside any request: a Spanish person's e-mail and push are Spanish, an English
person's English, in the same run."""

import datetime as dt
import json

import pytest
import pywebpush
from django.core import mail
from django.utils import translation

from tests.factories import make_user
from tracker.accounts import delivery, reminders
from tracker.models import CareAlert, PushSubscription

NUDGE_ES = "Aún no has registrado tu día. ¿20 segundos?"
NUDGE_EN = "You haven't checked in today. 20 seconds?"
NOW = dt.datetime(2026, 6, 15, 21, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def pushed(settings, monkeypatch) -> list[dict]:
    """What each push would carry, before encryption, by endpoint."""
    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = (
        delivery.generate_vapid_keys()
    )
    sent: list[dict] = []

    def webpush(*, subscription_info, data, **kwargs):
        sent.append({"endpoint": subscription_info["endpoint"], **json.loads(data)})

    monkeypatch.setattr(pywebpush, "webpush", webpush)
    return sent


def _reminded(name: str, language: str):
    person = make_user(name, language=language, reminders_enabled=True, reminder_email=True,
                       reminder_time=dt.time(20, 0))  # fmt: skip
    PushSubscription.objects.create(
        user=person, endpoint=f"https://fcm.googleapis.com/fcm/send/{name}", p256dh="k", auth="a"
    )
    return person


def _email_to(name: str):
    (message,) = [message for message in mail.outbox if message.to == [f"{name}@example.com"]]
    return message


def test_each_person_gets_their_reminder_in_their_language_in_one_run(db, pushed):
    _reminded("ana", "es")
    _reminded("ben", "en")
    _reminded("cleo", "")  # never chose: the site's language
    # The run's own language (a command's) must not leak into anyone's reminder.
    with translation.override("es"):
        summary = reminders.send_due_reminders(now=NOW)
    assert summary.sent == 3

    spanish = _email_to("ana")
    assert spanish.subject == "backhabits: ¿cómo está tu espalda hoy?"
    assert "Aún no has registrado tu día. ¿20 segundos?" in spanish.body
    assert "Abrir backhabits:" in spanish.body and "Desactívalos con un clic" in spanish.body
    html = spanish.alternatives[0][0]
    assert '<html lang="es">' in html and "Dejar de recibirlos" in html
    for english in ("how is your back", "checked in", "Open backhabits", "You get this"):
        assert english not in spanish.body and english not in html

    for name in ("ben", "cleo"):
        english = _email_to(name)
        assert english.subject == "backhabits: how is your back today?"
        assert "You haven't checked in today. 20 seconds?" in english.body
        assert '<html lang="en">' in english.alternatives[0][0]
        assert "espalda" not in english.body

    by_person = {push["endpoint"].rsplit("/", 1)[1]: push for push in pushed}
    assert by_person["ana"]["title"] == "backhabits: ¿cómo está tu espalda hoy?"
    assert by_person["ana"]["body"] == "Aún no has registrado tu día. ¿20 segundos?"
    assert by_person["ben"]["title"] == "backhabits: how is your back today?"
    assert by_person["ben"]["body"] == "You haven't checked in today. 20 seconds?"
    assert by_person["cleo"]["title"] == "backhabits: how is your back today?"
    # The notification's buttons come with each push in the person's language: the service
    # worker's own words are those of the language it was installed in.
    assert by_person["ana"]["actions"] == {
        "log-pain": "Registrar dolor",
        "done-today": "Hecho hoy",
    }
    assert by_person["ben"]["actions"] == {"log-pain": "Log pain", "done-today": "Done today"}


def test_an_open_care_alert_nudge_is_in_spanish(db, pushed):
    person = _reminded("ana", "es")
    CareAlert.objects.create(user=person, rule="r", tier="urgent", last_evidence_date=NOW.date())
    reminders.send_due_reminders(now=NOW)
    message = _email_to("ana")
    assert message.subject == "backhabits: lee tu aviso de salud"
    assert "Tienes un aviso de salud abierto en backhabits." in message.body
    assert pushed[0]["title"] == "backhabits: lee tu aviso de salud"


def test_build_message_is_in_the_persons_language_whatever_is_active(db):
    spanish = make_user("ana", language="es")
    english = make_user("ben", language="en")
    with translation.override("en"):
        assert reminders.build_message(spanish).body == NUDGE_ES
    with translation.override("es"):
        assert reminders.build_message(english).body == NUDGE_EN
    # And the language active around the call is left as it was.
    with translation.override("es"):
        reminders.build_message(english)
        assert translation.get_language() == "es"


def test_an_unknown_stored_language_falls_back_to_the_sites(db, settings):
    person = make_user("ana", language="xx")
    assert delivery.language_of(person) == settings.LANGUAGE_CODE
