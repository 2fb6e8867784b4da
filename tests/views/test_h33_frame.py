"""Issue 33, the page frame in Spanish: the page's `lang`, the header, footer and error pages,
the language switch for people not signed in, the words the scripts and the service worker
show, the importer and the offline pages; English unchanged."""

import datetime as dt
import html
import json
import re
import uuid

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.views.test_h32_import_flow import IMPORT, upload
from tracker.dates import today_for
from tracker.templatetags import page_assets

ES = {"HTTP_ACCEPT_LANGUAGE": "es"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
LOGIN = reverse("login")
SETLANG = reverse("set_language")


def _page(client: Client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def _lang(page: str) -> str:
    return re.search(r'<html lang="([^"]+)"', page).group(1)


def _words(page: str) -> dict[str, str]:
    found = re.search(r'<div id="script-words" data-words="([^"]*)" hidden>', page)
    return json.loads(html.unescape(found.group(1)))


@pytest.fixture
def spanish(user):
    user.profile.language = "es"
    user.profile.save()
    return user


# --- lang, the header and the footer ------------------------------------------------------------


def test_a_spanish_browser_gets_a_spanish_frame(client, db):
    page = _page(client, LOGIN, **ES)
    assert _lang(page) == "es"
    for words in ("Saltar al contenido", "Guía", "Iniciar sesión", "Crear cuenta"):
        assert words in page
    assert "backhabits da información general, no un diagnóstico" in page
    header = page.split("<main", 1)[0]
    footer = page.split('<footer class="site-footer">', 1)[1]
    for english in ("Skip to content", ">Log in<", ">Sign up<", ">Guide<", '"Main"'):
        assert english not in header
    assert "not a diagnosis" not in footer and ">Language<" not in footer


def test_an_english_browser_gets_the_english_frame(client, db):
    page = _page(client, LOGIN, **EN)
    assert _lang(page) == "en"
    assert "Skip to content" in page and ">Log in<" in page and "not a diagnosis" in page
    assert "Iniciar sesión" not in page


def test_a_signed_in_persons_setting_wins_over_the_browser(client, spanish):
    client.force_login(spanish)
    page = _page(client, reverse("tracker:history"), **EN)
    assert _lang(page) == "es"
    nav = page.split('<nav aria-label="Principal">', 1)[1].split("</nav>", 1)[0]
    for words in ("Registrar", "Historial", "Tendencias", "Guía", "Ajustes", "Cerrar sesión"):
        assert words in nav
    for english in ("History", "Trends", "Settings", "Log out", "Check in"):
        assert english not in nav
    # Signed in, the language is a setting: the footer leads there, with no form of its own.
    footer = page.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]
    assert "Idioma: cámbialo en Ajustes" in footer and reverse("tracker:settings") in footer
    assert "<form" not in footer


def test_the_checkin_reminder_line_is_spanish(client, spanish):
    spanish.profile.show_reminder = True
    spanish.profile.save()
    client.force_login(spanish)
    page = _page(client, reverse("tracker:history"))
    assert "Hoy no has registrado tu día." in page and "Registra tu día" in page
    assert "You haven't checked in today." not in page


# --- error pages -------------------------------------------------------------------------------


def test_the_not_found_page_is_spanish(client, db):
    response = client.get("/no-such-page/", **ES)
    page = response.content.decode()
    assert response.status_code == 404
    assert _lang(page) == "es" and "Página no encontrada" in page and "Volver a hoy" in page
    assert "Page not found" not in page


@pytest.mark.parametrize(
    ("template", "spanish", "english"),
    [
        ("400.html", "No se pudo leer esa solicitud", "could not be read"),
        ("500.html", "Algo salió mal por nuestra parte", "went wrong"),
        ("503.html", "no está disponible por un momento", "briefly unavailable"),
    ],
)
def test_the_plain_error_pages_follow_the_language(template, spanish, english):
    with translation.override("es"):
        page = render_to_string(template)
    assert _lang(page) == "es" and spanish in page and english not in page
    with translation.override("en"):
        page = render_to_string(template)
    assert _lang(page) == "en" and english in page


# --- the language switch -----------------------------------------------------------------------


def test_the_switch_is_a_plain_form_naming_each_language_in_itself(client, db):
    page = _page(client, LOGIN, **EN)
    form = re.search(r'<form class="language-switch".*?</form>', page, re.S).group(0)
    assert f'action="{SETLANG}"' in form and 'method="post"' in form
    assert "csrfmiddlewaretoken" in form
    assert f'name="next" value="{LOGIN}"' in form
    assert re.search(
        r'<button type="submit" name="language" value="en" lang="en"[^>]*>English<', form
    )
    assert re.search(
        r'<button type="submit" name="language" value="es" lang="es"[^>]*>Español<', form
    )
    # The language the page is in is marked as the current one.
    assert re.search(r'value="en" lang="en" class="language-button" aria-current="true"', form)
    assert "<script" not in form and "onclick" not in form


@pytest.mark.parametrize("url", ["/", reverse("signup"), LOGIN, reverse("password_reset")])
def test_the_pages_one_starts_from_offer_the_switch(client, db, url):
    assert 'class="language-switch"' in _page(client, url)


def test_pages_kept_by_the_service_worker_have_no_switch(client, db):
    page = _page(client, LOGIN, HTTP_X_BACKHABITS_KEEPING="1")
    assert 'class="language-switch"' not in page


def test_the_switch_sets_the_cookie_and_the_next_page_is_spanish(db):
    client = Client(enforce_csrf_checks=True)
    page = _page(client, LOGIN, **EN)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        SETLANG, {"language": "es", "next": LOGIN, "csrfmiddlewaretoken": token}, **EN
    )
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert client.cookies["django_language"].value == "es"
    # The browser still asks for English: the choice made on the page wins.
    page = _page(client, LOGIN, **EN)
    assert _lang(page) == "es" and "Iniciar sesión" in page
    assert re.search(r'value="es" lang="es" class="language-button" aria-current="true"', page)


def test_the_switch_is_refused_without_the_csrf_token(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SETLANG, {"language": "es", "next": LOGIN})
    assert response.status_code == 403
    assert "django_language" not in client.cookies


def test_the_switch_never_sends_anyone_to_another_site(client, db):
    response = client.post(SETLANG, {"language": "es", "next": "https://evil.example/"})
    assert response.status_code == 302 and "evil.example" not in response["Location"]


# --- the words the scripts show ----------------------------------------------------------------


def test_each_language_is_named_in_itself_whatever_the_pages_language(client, db):
    for headers in (ES, EN):
        form = _page(client, LOGIN, **headers).split('class="language-switch"', 1)[1]
        assert ">English</button>" in form and ">Español</button>" in form
        assert "Inglés" not in form and "Spanish" not in form


def test_the_scripts_words_come_in_the_pages_language(client, db):
    words = _words(_page(client, LOGIN, **ES))
    assert set(words) == set(page_assets.SCRIPT_WORDS)
    assert words["show_password"] == "Mostrar contraseña"
    assert words["offline_signed_out"] == "Sin conexión: las páginas tachadas necesitan conexión."
    assert (
        words["saved_here"].startswith("Guardado en este teléfono")
        and "%(day)s" in words["saved_here"]
    )
    with translation.override("en"):
        english = {key: str(value) for key, value in page_assets.SCRIPT_WORDS.items()}
    # Every sentence is in Spanish (a placeholder-only pattern reads the same in both).
    same = {key for key in words if words[key] == english[key]}
    assert same <= {"refused_day"}
    assert _words(_page(client, LOGIN, **EN)) == english


def test_the_words_are_data_the_content_security_policy_never_runs(client, db):
    page = _page(client, LOGIN, **ES)
    # Every <script> on a page is one of our files with its hash; the words are an attribute.
    assert all("src=" in tag and "integrity=" in tag for tag in re.findall(r"<script[^>]*>", page))


def test_the_service_worker_speaks_the_language_it_was_fetched_in(client, spanish):
    client.force_login(spanish)
    script = client.get(reverse("service_worker")).content.decode()
    words = json.loads(re.search(r"self\.BackhabitsWords = (\{.*?\});", script).group(1))
    assert words["push_body"] == "¿Cómo está tu espalda hoy?"
    assert words["log_pain"] == "Registrar dolor" and words["done_today"] == "Hecho hoy"
    assert words["care_waiting"].startswith("Tienes un aviso de salud pendiente")
    code = re.sub(r"^\s*//.*$", "", script, flags=re.M)  # what runs, not what explains it
    assert "How is your back today?" not in code and '"Log pain"' not in code
    english = Client().get(reverse("service_worker"), **EN).content.decode()
    assert "How is your back today?" in english


# --- the importer --------------------------------------------------------------------------------


def test_the_import_page_is_spanish(client, spanish):
    client.force_login(spanish)
    page = _page(client, IMPORT)
    for words in (
        "Importar tus días",
        "Tu archivo exportado (CSV, JSON o zip de Loop)",
        "Revisar el archivo",
        "Qué se puede importar",
    ):
        assert words in page
    for english in ("Import your days", "Check the file", "What can be imported"):
        assert english not in page


def test_no_file_is_refused_in_spanish_beside_the_field(client, spanish):
    client.force_login(spanish)
    response = client.post(IMPORT, {})
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        '<p class="field-error" id="import-file-error">Elige un archivo para importar.</p>' in page
    )
    assert "No se importó nada." in page and "Choose a file" not in page


def test_a_bad_files_problems_are_spanish(client, spanish):
    client.force_login(spanish)
    day = today_for(spanish) - dt.timedelta(days=1)
    response = upload(client, f"date,posture,discomfort,colour\n{day},9,11,red\n")
    page = response.content.decode()
    assert response.status_code == 400
    assert "No se importó nada: 1 problema en el archivo." in page
    assert "«colour» no es una columna que backhabits exporte." in page
    assert "<strong>Línea 1</strong>" in page
    assert "Nothing was imported" not in page and "is not a column" not in page


def test_a_bad_values_line_and_column_are_spanish(client, spanish):
    client.force_login(spanish)
    day = today_for(spanish) - dt.timedelta(days=1)
    page = upload(client, f"date,posture\n{day},2\n{day},3\n").content.decode()
    assert "<strong>Línea 3</strong>" in page and "también está en línea 2." in page


def test_a_file_not_in_utf8_is_refused_in_spanish(client, spanish):
    client.force_login(spanish)
    page = upload(client, "date,notes\n2026-01-01,Café\n".encode("cp1252")).content.decode()
    assert "El archivo no es texto UTF-8." in page


def test_a_file_too_large_says_its_size_in_spanish(client, spanish, settings):
    settings.IMPORT_MAX_BYTES = 64 * 1024
    client.force_login(spanish)
    page = upload(client, b"date\n" + b"2026-01-01\n" * 8000).content.decode()
    assert "El archivo pesa más de 0,0625 MB." in page


def test_the_preview_is_spanish(client, spanish):
    client.force_login(spanish)
    day = today_for(spanish) - dt.timedelta(days=1)
    upload(client, f"date,posture\n{day},3\n")
    page = _page(client, reverse("tracker:import_preview"))
    assert "Revisa antes de importar" in page and "Postura (1–5)" in page
    assert "Importar 1 día" in page and "Check before importing" not in page


# --- the offline pages ---------------------------------------------------------------------------


def test_the_offline_page_is_spanish(client, db):
    page = _page(client, reverse("tracker:offline"), **ES)
    assert _lang(page) == "es"
    assert "Esta página necesita conexión" in page and "Lo que funciona sin conexión" in page
    assert "This page needs a connection" not in page


def test_a_day_sent_from_the_phone_is_answered_in_spanish(client, spanish):
    client.force_login(spanish)
    data = {
        "account": str(spanish.pk),
        "day_id": str(uuid.uuid4()),
        "date": today_for(spanish).isoformat(),
        "saved_at": timezone.now().isoformat(),
        "discomfort": "4",
    }
    answer = client.post(reverse("tracker:checkin_sync"), data).json()
    assert "enviado desde este teléfono y guardado" in answer["message"]


# --- the web app manifest ------------------------------------------------------------------------


def test_the_manifest_speaks_the_requests_language(client, db):
    response = client.get(reverse("tracker:manifest"), **ES)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == "es" and manifest["dir"] == "ltr"
    assert manifest["description"].startswith("Un registro diario de 20 segundos")
    assert manifest["name"] == "backhabits" and manifest["start_url"] == "/"
    # Relative to the manifest (at the root), as the static file had them.
    assert [icon["src"].split(".")[0] for icon in manifest["icons"]] == [
        "static/icons/icon-192",
        "static/icons/icon-512",
        "static/icons/icon",
    ]
    english = json.loads(client.get(reverse("tracker:manifest"), **EN).content)
    assert english["lang"] == "en" and english["description"].startswith("A 20-second daily")
    assert "Accept-Language" in response["Vary"]


def test_every_page_links_the_manifest_the_service_worker_keeps(client, db):
    url = reverse("tracker:manifest")
    assert f'<link rel="manifest" href="{url}">' in _page(client, LOGIN)
    assert f'"{url}"' in client.get(reverse("service_worker")).content.decode()


def test_a_loop_files_mapping_page_and_its_errors_are_spanish(client, spanish):
    from tests.test_h32_loop_format import loop_zip
    from tests.views.test_h32_loopui_flow import LOOP, habits
    from tests.views.test_h32_loopui_flow import upload as upload_zip

    client.force_login(spanish)
    assert upload_zip(client, loop_zip(habits(spanish))).status_code == 302
    page = _page(client, LOOP)
    for words in (
        "En qué se convierte cada hábito",
        "es una exportación de Loop Habit Tracker con 4 hábitos.",
        "Omitir este hábito",
        "Ejercicio: el número de cada día son minutos",
        "Buena postura: un día con «sí» es postura",
        "Para vasos: ml en un vaso",
        "Ver qué entraría",
    ):
        assert words in page, words
    assert "Skip this habit" not in page and "What each habit becomes" not in page
    both = {"habit_0": "exercise_minutes", "habit_1": "skip", "habit_2": "exercise_done"}
    refused = client.post(LOOP, {**both, "habit_3": "skip", "minutes_2": "20"}).content.decode()
    assert "Revisa los hábitos marcados abajo." in refused
    assert "El ejercicio solo puede venir de un hábito: elígelo solo para uno de" in refused
    glass = client.post(LOOP, {"habit_0": "skip", "habit_1": "water_glasses", "glass_ml_1": "5"})
    assert "Escribe al menos 50 ml." in glass.content.decode()
