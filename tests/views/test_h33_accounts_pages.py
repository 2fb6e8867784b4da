"""Issue 33: the account pages, Settings and their messages in Spanish, and choosing the
language (the browser's Accept-Language, then the profile's, which wins)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_user
from tracker.models import Profile

ES = {"HTTP_ACCEPT_LANGUAGE": "es"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}

SIGNUP = {
    "username": "nueva",
    "email": "nueva@example.com",
    "password1": "a-long-unusual-passphrase-42",
    "timezone": "Europe/Madrid",
    "confirm_age": "on",
}


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _main(response) -> str:
    """The page's own part: the header and footer (base.html) are another part's words."""
    page = response.content.decode()
    found = re.search(r"<main\b.*?</main>", page, re.S)
    return found.group(0) if found else page


# Each page: where, whether logged in, Spanish that must be there, English that must not.
PAGES = {
    "landing": (
        "/", False,
        ["Cuida tu espalda, día a día", "Crear cuenta", "Iniciar sesión"],
        ["Look after your back", "A 20-second daily check-in", "Sign up", "Log in"],
    ),
    "signup": (
        "/accounts/signup/", False,
        ["Un nombre para iniciar sesión", "Tengo 16 años o más", "Zona horaria",
         "Al menos", "¿Ya tienes cuenta?"],
        ["A name to log in with", "I am 16 or older", "Time zone", "At least",
         "Already have an account", "Create account", "Password"],
    ),
    "login": (
        "/accounts/login/", False,
        ["Nombre de usuario o correo", "¿Olvidaste tu contraseña?", "Crear cuenta"],
        ["Username or e-mail", "Forgotten your password", "New here", "Log in"],
    ),
    "password reset": (
        "/accounts/password_reset/", False,
        ["Restablece tu contraseña", "Enviar enlace"],
        ["Reset your password", "Send reset link"],
    ),
    "password reset sent": (
        "/accounts/password_reset/done/", False,
        ["Revisa tu correo"],
        ["Check your e-mail", "If an account uses that address"],
    ),
    "password reset bad link": (
        "/accounts/reset/MQ/set-password-x/", False,
        ["no es válido o ya se usó", "Pide uno nuevo"],
        ["This password reset link is invalid", "Ask for a new one"],
    ),
    "password set": (
        "/accounts/reset/done/", False,
        ["Tu nueva contraseña está guardada"],
        ["Password set", "Your new password is set"],
    ),
    "confirm e-mail bad link": (
        "/confirm-email/not-a-token/", False,
        ["Este enlace no funciona", "los enlaces duran 3 días", "Ir a Ajustes"],
        ["This link doesn't work", "It has expired", "Go to settings"],
    ),
    "unsubscribe bad link": (
        "/reminders/unsubscribe/not-a-token/", False,
        ["Este enlace no es válido"],
        ["This link is not valid", "It may have been changed"],
    ),
    "settings": (
        "/settings/", True,
        ["Ajustes", "Idioma", "La de mi navegador", "Español", "Zona horaria", "Guardar ajustes",
         "Tu cuenta y tus datos", "Cerrar sesión en todos los dispositivos",
         "Objetivo diario de agua", "Enviarme un recordatorio diario"],
        ["Save settings", "Your account and data", "Time zone", "Daily water goal",
         "Send me a daily reminder", "Same as my browser", "Log out on every device",
         "Change password", "Remind me by e-mail", "E-mail:"],
    ),
    "delete account": (
        "/settings/delete-account/", True,
        ["Eliminar tu cuenta", "Tu contraseña", "Eliminar mi cuenta y mis datos"],
        ["Delete your account", "Your password", "It cannot be undone", "download your data"],
    ),
    "health profile": (
        "/settings/health/", True,
        ["Tu perfil de salud (opcional)", "He tenido cáncer", "Tengo osteoporosis", "Ahora no"],
        ["Your health profile", "I have had cancer", "I have osteoporosis", "Not now",
         "These answers help"],
    ),
    "change password": (
        "/accounts/password_change/", True,
        ["Cambiar contraseña"],
        ["Change password"],
    ),
    "password changed": (
        "/accounts/password_change/done/", True,
        ["Tu contraseña se ha cambiado", "Volver a hoy"],
        ["Password changed", "Back to today"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(PAGES))
def test_each_account_page_is_in_spanish_for_a_spanish_browser(client, user, name):
    url, logged_in, spanish, english = PAGES[name]
    if logged_in:
        client.force_login(user)
    main = _main(client.get(url, **ES))
    for words in spanish:
        assert words in main, (name, words)
    for words in english:
        assert words not in main, (name, words)


@pytest.mark.parametrize("name", list(PAGES))
def test_each_account_page_is_still_english_for_an_english_browser(client, user, name):
    url, logged_in, _spanish, english = PAGES[name]
    if logged_in:
        client.force_login(user)
    main = _main(client.get(url, **EN))
    assert any(words in main for words in english), name
    assert "Guardar" not in main and "contraseña" not in main


def test_the_page_says_its_language_when_the_frame_says_it(client, db):
    page = client.get("/accounts/login/", **ES).content.decode()
    # base.html (the frame) is another part's; once it names the language, it must be "es".
    if 'lang="en"' not in page:
        assert 'lang="es"' in page


def test_the_profile_language_wins_over_the_browser(client, db):
    person = make_user("ana", language="es")
    client.force_login(person)
    assert "Guardar ajustes" in client.get("/settings/", **EN).content.decode()
    person.profile.language = "en"
    person.profile.save()
    assert "Save settings" in client.get("/settings/", **ES).content.decode()


def test_a_blank_profile_language_follows_the_browser(client, db):
    person = make_user("ana", language="")
    client.force_login(person)
    assert "Guardar ajustes" in client.get("/settings/", **ES).content.decode()
    assert "Save settings" in client.get("/settings/", **EN).content.decode()


def _settings_data(person, **changes) -> dict:
    profile = person.profile
    return {
        "email": person.email,
        "timezone": profile.timezone,
        "water_unit": profile.water_unit,
        "water_goal": str(profile.water_goal_ml),
        "exercise_goal_minutes": str(profile.exercise_goal_minutes),
        "reminder_time": "20:00",
        **changes,
    }


def test_settings_saves_the_language_and_the_next_page_is_in_it(client, db):
    person = make_user("ana")
    client.force_login(person)
    response = client.post("/settings/", _settings_data(person, language="es"), follow=True, **EN)
    assert Profile.objects.get(user=person).language == "es"
    page = response.content.decode()
    # The message and the page after saving: already in the language just chosen.
    assert "Ajustes guardados." in page and "Settings saved." not in page
    assert "Guardar ajustes" in page
    assert re.search(r'<input[^>]*name="language"[^>]*value="es"[^>]*checked', page)


def test_settings_clears_the_language_back_to_the_browsers(client, db):
    person = make_user("ana", language="es")
    client.force_login(person)
    response = client.post("/settings/", _settings_data(person, language=""), follow=True, **EN)
    assert Profile.objects.get(user=person).language == ""
    page = response.content.decode()
    assert "Settings saved." in page and "Save settings" in page
    assert re.search(r'<input[^>]*name="language"[^>]*value=""[^>]*checked', page)


def test_settings_refuses_a_language_it_does_not_speak(client, db):
    person = make_user("ana", language="es")
    client.force_login(person)
    response = client.post("/settings/", _settings_data(person, language="xx"), **ES)
    assert response.status_code == 200
    assert Profile.objects.get(user=person).language == "es"


def test_the_language_choice_names_each_language_in_its_own_words(client, db):
    person = make_user("ana")
    client.force_login(person)
    page = client.get("/settings/", **EN).content.decode()
    assert "English" in page and "Español" in page and "Same as my browser" in page


def test_sign_up_keeps_the_language_the_page_was_in(client, db):
    client.post(reverse("signup"), SIGNUP, **ES)
    profile = Profile.objects.get(user__username="nueva")
    assert profile.language == "es"
    # The confirmation e-mail, sent during the request, is in the page's language too.
    (message,) = mail.outbox
    assert message.subject == "Confirma tu dirección de correo para backhabits"
    assert "Confirma que backhabits puede usar esta dirección" in message.body
    assert "Please confirm" not in message.body


def test_sign_up_in_english_keeps_english(client, db):
    client.post(reverse("signup"), SIGNUP, **EN)
    assert Profile.objects.get(user__username="nueva").language == "en"
    assert mail.outbox[0].subject == "Confirm your e-mail address for backhabits"


def test_signup_errors_are_in_spanish(client, db):
    response = client.post(reverse("signup"), {**SIGNUP, "confirm_age": ""}, **ES)
    main = _main(response)
    assert "backhabits es para personas de 16 años o más." in main
    assert "aged 16 and over" not in main


def test_the_address_in_use_notice_goes_in_its_owners_language(client, db):
    make_user("owner", language="es")
    client.post(reverse("signup"), {**SIGNUP, "email": "owner@example.com"}, **EN)
    (notice,) = mail.outbox
    assert notice.to == ["owner@example.com"]
    assert notice.subject == "Alguien pidió usar tu dirección de correo en backhabits"
    assert "ya pertenece a una cuenta de backhabits" in notice.body


def test_the_password_reset_email_is_in_the_pages_language(client, db):
    make_user("ana")
    response = client.post(reverse("password_reset"), {"email": "ana@example.com"}, **ES)
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "contraseña" in (message.subject + message.body).lower()
    assert "You're receiving this email" not in message.body


def test_the_lockout_page_is_in_spanish(db):
    make_user("ana")
    client = Client()
    for _ in range(5):
        client.post(reverse("login"), {"username": "ana", "password": "wrong"}, **ES)
    response = client.post(reverse("login"), {"username": "ana", "password": PASSWORD}, **ES)
    assert response.status_code == 429
    main = _main(response)
    assert "Demasiados intentos fallidos" in main and "minutos" in main
    assert "Too many failed" not in main and "minutes" not in main


def test_wrong_password_messages_are_whole_spanish_sentences(client, db):
    person = make_user("ana", language="es")
    client.force_login(person)
    response = client.post(reverse("tracker:delete_account"), {"password": "not-it"})
    main = _main(response)
    assert "No se eliminó nada." in main
    assert "That password is not right" not in main and "Nothing was deleted" not in main


def test_the_time_zone_list_names_regions_and_countries_in_spanish(client, db):
    person = make_user("ana", language="es")
    client.force_login(person)
    page = client.get("/settings/").content.decode()
    assert '<optgroup label="Océano Pacífico">' in page
    assert '<optgroup label="Pacific Ocean">' not in page
    assert "Kolkata (India)" in page  # the country's name in Spanish is India too
    assert "Ciudad de México" in page or "(México)" in page
    assert "UTC (tiempo universal coordinado)" in page
    # África sorts beside Antártida, not after the oceans.
    regions = re.findall(r'<optgroup label="([^"]+)">', page)
    assert regions.index("África") < regions.index("Asia")
    assert regions[-1] == "Otras"


def test_the_time_zone_list_stays_english_for_english(client, db):
    person = make_user("ana", language="en")
    client.force_login(person)
    page = client.get("/settings/").content.decode()
    assert '<optgroup label="Pacific Ocean">' in page
    assert "UTC (Coordinated Universal Time)" in page


def test_settings_messages_are_in_spanish(client, db):
    person = make_user("ana", language="es")
    client.force_login(person)
    response = client.post(
        "/settings/", _settings_data(person, language="es", email="nuevo@example.com"), follow=True
    )
    page = response.content.decode()
    assert "Enviamos un enlace de confirmación a nuevo@example.com" in page
    assert "We sent" not in page
    # The confirmation e-mail to the new address, asked for in Spanish, is Spanish.
    assert mail.outbox[-1].subject == "Confirma tu dirección de correo para backhabits"


def test_the_reminder_reach_line_is_in_spanish(client, db):
    person = make_user("ana", language="es", reminders_enabled=True, reminder_email=False)
    client.force_login(person)
    page = client.get("/settings/").content.decode()
    assert "Tus recordatorios están activados, pero todavía no pueden llegarte." in page
    assert "nothing can reach you" not in page


def test_devices_are_listed_with_spanish_words_and_dates(client, db, settings):
    from tracker.accounts import delivery
    from tracker.models import PushSubscription

    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = (
        delivery.generate_vapid_keys()
    )
    person = make_user("ana", language="es")
    PushSubscription.objects.create(
        user=person, endpoint="https://fcm.googleapis.com/x", p256dh="k", auth="a",
        device_label="Chrome on Android",
    )  # fmt: skip
    client.force_login(person)
    main = _main(client.get("/settings/"))
    assert "Chrome en Android, añadido el" in main
    assert " on Android" not in main and "added" not in main


def test_a_time_zone_refused_says_so_in_spanish(client, db):
    person = make_user("ana", language="es")
    client.force_login(person)
    response = client.post("/settings/", _settings_data(person, timezone="Not/AZone"))
    main = _main(response)
    assert "Elige una zona horaria de la lista." in main
    assert "Choose a time zone" not in main


def test_the_kept_zone_and_country_lists_are_kept_per_language(db):
    from django.utils import translation

    from tracker.forms import places

    with translation.override("en"):
        english_zones, english_countries = places.zone_options(), list(places.country_choices())
    with translation.override("es"):
        spanish_zones, spanish_countries = places.zone_options(), list(places.country_choices())
    with translation.override("en"):
        assert places.zone_options() == english_zones  # the English list is not overwritten
    assert english_zones != spanish_zones
    assert "Pacific Ocean" in english_zones and "Océano Pacífico" in spanish_zones
    assert ("ES", "Spain") in english_countries and ("ES", "España") in spanish_countries
    assert english_countries[0][1] == "Not set: the general advice"
    assert spanish_countries[0][1] == "Sin indicar: los consejos generales"


def test_a_devices_stored_label_is_shown_in_the_pages_language(db):
    from django.utils import translation

    from tracker.models import PushSubscription

    device, unnamed = PushSubscription(device_label="Safari on iPhone"), PushSubscription()
    browser_only = PushSubscription(device_label="Browser on Linux")
    with translation.override("en"):
        assert device.label_words == "Safari on iPhone"
        assert unnamed.label_words == "A browser"
    with translation.override("es"):
        assert device.label_words == "Safari en iPhone"
        assert unnamed.label_words == "Un navegador"
        assert browser_only.label_words == "Un navegador en Linux"


def test_the_chosen_language_outlives_the_session_and_blank_forgets_it(client, db, settings):
    person = make_user("ana")
    client.force_login(person)
    client.post("/settings/", _settings_data(person, language="es"), **EN)
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    client.post(reverse("logout"), **EN)
    # Logged out, an English browser: the log-in page is still in the language chosen.
    assert "Nombre de usuario o correo" in client.get("/accounts/login/", **EN).content.decode()

    client.force_login(person)
    client.post("/settings/", _settings_data(person, language=""), **EN)
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""  # deleted
    client.logout()
    assert "Username or e-mail" in client.get("/accounts/login/", **EN).content.decode()


def test_saving_other_settings_leaves_the_language_cookie_alone(client, db, settings):
    person = make_user("ana", language="es")
    client.force_login(person)
    response = client.post("/settings/", _settings_data(person, language="es", water_goal="2000"))
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
