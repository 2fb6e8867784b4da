"""Where to get care, for the country a person lives in: the one table of care contacts.

Care wording never names a country's services; it uses these placeholders, filled from the
person's country (tracker.care.prompts), in the person's language:

    {emergency_number}  the number to call in an emergency ("999")
    {urgent_care}       where to get urgent advice when a doctor can't be seen today
    {routine_care}      the doctor a person would book ("your GP")
    {mental_health}     someone to talk to, any time, when it all gets too much
    {physio}            "a physiotherapist" ("a physical therapist" in the US and Canada)

Numbers live in one place, NUMBERS: a number is a fact about a country, the same in every
language. The words around them (WORDS) vary by language and never hold a number themselves:
they name it through {emergency}, {also}, {urgent} and {crisis}, filled from NUMBERS.

Where each number comes from: NHS "When to call 999" and "NHS 111"; the HSE (112 and 999 both
work in Ireland); 911.gov; Health Canada (811 health lines; 9-8-8, the Suicide Crisis Helpline);
healthdirect Australia (000; 1800 022 222) and Lifeline (13 11 14); Health New Zealand (111;
Healthline 0800 611 116; 1737); Samaritans (116 123 in the UK and Ireland); 988lifeline.org.
In the UK, 111 serves England, Scotland (NHS 24) and Wales; Northern Ireland has GP
out-of-hours services instead. The US territories (Puerto Rico, Guam, the US Virgin Islands,
American Samoa, the Northern Mariana Islands, the Minor Outlying Islands) use 911 and the US
contacts. Services change their numbers rarely but they do: review this table with each
release. 112 is the EU-wide emergency number and works from most mobile phones, which is why it
is the default number; in words, a country not in the table reads "your local emergency number
(112 works from most mobile phones)".

Spain (ES), from Spanish-language sources:
- 112, the single emergency number, free, 24 hours, from any phone: "Teléfonos de emergencia:
  ¿Cuál es la diferencia entre el 112 y el 061?", ConSalud.es, 2023,
  https://www.consalud.es/pacientes/telefonos-emergencia-cual-es-diferencia-entre-112-061_133271_102.html
  (also "En caso de emergencia, marcar el 112", Diario Sur,
  https://www.diariosur.es/sociedad/salud/numero-emergencias-20181004200021-nt.html).
- 061, health emergencies in several regions (not all: where it isn't, 112 answers): upday,
  "Si tengo una emergencia, ¿llamo al 112, al 091 o al 061?",
  https://www.upday.com/es/si-tengo-una-emergencia-llamo-al-112-al-091-o-al-061 ; the centro de
  salud and its out-of-hours care ("atención continuada") for what is urgent but not an
  emergency: Levante-EMV, "¿Urgencia? ¿Y ahora qué?",
  http://www.levante-emv.com/safor/2016/11/05/urgencia-ahora/1488349.html . Because 061 is
  regional, the words name the centro de salud and urgencias first and 061 only as "en algunas
  comunidades".
- 024, Línea de atención a la conducta suicida (Ministerio de Sanidad): free, confidential,
  24 hours: RTVE, "Sanidad presenta el 024",
  https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml
  and Maldita.es (citing the BOE of 20 December 2021),
  https://maldita.es/index.php/malditaciencia/20220510/024-numero-telefono-atencion-suicidio-espana-gratuito
- The family doctor (médico de familia / de cabecera) at the centro de salud is the way in for
  what is not an emergency: the same Levante-EMV page.

Mexico (MX), from Spanish-language sources:
- 911, the national emergency number, "el primer punto de contacto a nivel nacional": El
  Mañana / El Universal, 24 August 2025,
  https://www.elmanana.com/noticias/nacional/instituciones-de-salud-mental-en-mexico-servicios-gratuitos/6020415
- Línea de la Vida, 800 911 2000, free, 24 hours, run by CONASAMA (Secretaría de Salud): El
  Universal,
  https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/
- The family doctor at the Unidad de Medicina Familiar (UMF), and its Atención Médica Continua
  (open 24 hours) for what needs seeing but is not a threat to life: IMSS Chihuahua, "Importante
  diferenciar entre urgencias reales y urgencias sentidas", Noticia Central,
  https://noticiacentral.mx/2021/03/06/importante-diferenciar-entre-urgencias-reales-y-urgencias-sentida-imss/
  and IMSS Aguascalientes, El Clarinete,
  https://www.elclarinete.com.mx/invita-imss-aguascalientes-a-utilizar-la-unifila/ . Not everyone
  in Mexico is insured by the IMSS, so the words say "o tu centro de salud" too.

The 988 Lifeline in Spanish (US): Spanish-speaking counsellors 24/7, and callers can choose the
Spanish line: Primera Línea NYC,
https://primeralineanyc.com/988-988-es-la-nueva-linea-directa-de-salud-mental-para-casos-de-crisis-y-suicidio/
and LaSalle County Mental Health Board, https://www.lasallecountymentalhealth.org/es/988-crisis-lifeline
("los hispanohablantes tienen la opción de elegir la línea"). The Spanish words for the other
English-speaking countries' services translate what the English words say and keep each
service's own name; no Spanish-language source was found for them."""

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation


@dataclass(frozen=True)
class CareContacts:
    emergency_number: str  # dialled as is: the tel: link
    emergency_words: str  # how to say it ("112 or 999")
    urgent_care: str
    routine_care: str
    mental_health: str
    physio: str = "a physiotherapist"
    country: str = ""  # the country they were looked up for; "" while none is set


@dataclass(frozen=True)
class Numbers:
    """A country's numbers: the one place each is written."""

    emergency: str  # dialled from the emergency button
    also: str = ""  # a second emergency number said beside it (Ireland: "112 or 999")
    urgent: str = ""  # the urgent health line, where the words name one
    crisis: str = ""  # the crisis or mental-health line


@dataclass(frozen=True)
class Words:
    """How a country's contacts are said in one language; numbers only as {emergency}, {also},
    {urgent} and {crisis}."""

    emergency_words: str
    urgent_care: str
    routine_care: str
    mental_health: str
    physio: str


NUMBERS: dict[str, Numbers] = {
    "GB": Numbers("999", urgent="111", crisis="116 123"),
    "IE": Numbers("112", also="999", crisis="116 123"),
    "US": Numbers("911", crisis="988"),
    "CA": Numbers("911", urgent="811", crisis="988"),
    "AU": Numbers("000", urgent="1800 022 222", crisis="13 11 14"),
    "NZ": Numbers("111", urgent="0800 611 116", crisis="1737"),
    "ES": Numbers("112", urgent="061", crisis="024"),
    "MX": Numbers("911", crisis="800 911 2000"),
}
DEFAULT_NUMBERS = Numbers("112")
US_TERRITORIES = ("PR", "GU", "VI", "AS", "MP", "UM")
NUMBERS |= dict.fromkeys(US_TERRITORIES, NUMBERS["US"])

_PHYSIO_EN = "a physiotherapist"
_PHYSICAL_THERAPIST_EN = "a physical therapist"
_PHYSIO_ES = "un fisioterapeuta"

WORDS: dict[str, dict[str, Words]] = {
    "en": {
        "": Words(
            "your local emergency number ({emergency} works from most mobile phones)",
            "a local urgent care service", "a doctor",
            "a local crisis or mental-health line, or someone you trust", _PHYSIO_EN,
        ),
        "GB": Words(
            "{emergency}",
            "NHS 111 (call {urgent}) in England, Scotland and Wales, or the GP out-of-hours "
            "service in Northern Ireland",
            "your GP", "Samaritans on {crisis}, free at any time", _PHYSIO_EN,
        ),
        "IE": Words(
            "{emergency} or {also}", "an out-of-hours GP service", "your GP",
            "Samaritans on {crisis}, free at any time", _PHYSIO_EN,
        ),
        "US": Words(
            "{emergency}", "an urgent care center", "your primary care doctor",
            "the 988 Suicide & Crisis Lifeline (call or text {crisis})", _PHYSICAL_THERAPIST_EN,
        ),
        "CA": Words(
            "{emergency}", "{urgent}, your province's health line", "your family doctor",
            "9-8-8, the Suicide Crisis Helpline (call or text {crisis})", _PHYSICAL_THERAPIST_EN,
        ),
        "AU": Words(
            "{emergency}", "healthdirect on {urgent}", "your GP",
            "Lifeline on {crisis}, at any time", _PHYSIO_EN,
        ),
        "NZ": Words(
            "{emergency}", "Healthline on {urgent}", "your GP",
            "{crisis}, free to call or text at any time", _PHYSIO_EN,
        ),
        "ES": Words(
            "{emergency}",
            "your health centre (centro de salud) or the emergency department (urgencias; in "
            "some regions, {urgent})",
            "your family doctor at your health centre (médico de familia)",
            "{crisis}, Spain's suicide and crisis line, free at any time", _PHYSIO_EN,
        ),
        "MX": Words(
            "{emergency}",
            "the 24-hour care (Atención Médica Continua) at your family medicine unit, or an "
            "emergency department (urgencias)",
            "your family doctor (médico familiar) at your family medicine unit or health centre",
            "Línea de la Vida on {crisis}, free at any time", _PHYSIO_EN,
        ),
    },
    "es": {
        "": Words(
            # Said after "al" ("llama al número local…"), as every number is ("llama al 112").
            "número local de emergencias (el {emergency} funciona desde la mayoría de los "
            "móviles)",
            "un servicio local de urgencias", "un médico",
            "una línea local de crisis o de salud mental, o alguien de confianza", _PHYSIO_ES,
        ),
        "GB": Words(
            "{emergency}",
            "NHS 111 (llama al {urgent}) en Inglaterra, Escocia y Gales, o el servicio de "
            "médico de guardia (GP out-of-hours) en Irlanda del Norte",
            "tu médico de cabecera (GP)", "Samaritans en el {crisis}, gratis a cualquier hora",
            _PHYSIO_ES,
        ),
        "IE": Words(
            "{emergency} o {also}", "un servicio de médico de guardia (out-of-hours GP)",
            "tu médico de cabecera (GP)", "Samaritans en el {crisis}, gratis a cualquier hora",
            _PHYSIO_ES,
        ),
        "US": Words(
            "{emergency}", "un centro de atención urgente (urgent care)",
            "tu médico de atención primaria",
            "la Línea 988 de Prevención del Suicidio y Crisis (llama o envía un mensaje de "
            "texto al {crisis}; atiende en español)",
            "un fisioterapeuta (physical therapist)",
        ),
        "CA": Words(
            "{emergency}", "el {urgent}, la línea de salud de tu provincia",
            "tu médico de familia",
            "el 9-8-8, la línea de ayuda en crisis de suicidio (llama o envía un mensaje de "
            "texto al {crisis})",
            "un fisioterapeuta (physical therapist)",
        ),
        "AU": Words(
            "{emergency}", "healthdirect en el {urgent}", "tu médico de cabecera (GP)",
            "Lifeline en el {crisis}, a cualquier hora", _PHYSIO_ES,
        ),
        "NZ": Words(
            "{emergency}", "Healthline en el {urgent}", "tu médico de cabecera (GP)",
            "el {crisis}, gratis por llamada o mensaje de texto a cualquier hora", _PHYSIO_ES,
        ),
        "ES": Words(
            "{emergency}",
            "tu centro de salud o el servicio de urgencias (en algunas comunidades, el {urgent})",
            "tu médico de familia en tu centro de salud",
            "el {crisis}, la Línea de atención a la conducta suicida, gratis a cualquier hora",
            _PHYSIO_ES,
        ),
        "MX": Words(
            "{emergency}",
            "la Atención Médica Continua de tu Unidad de Medicina Familiar, o un servicio de "
            "urgencias",
            "tu médico familiar en tu Unidad de Medicina Familiar o centro de salud",
            "la Línea de la Vida en el {crisis}, gratis a cualquier hora", _PHYSIO_ES,
        ),
    },
}  # fmt: skip
LANGUAGES = tuple(WORDS)


def language_of(language: str | None = None) -> str:
    """The language care is said in: the one given, else the active one; a language without
    wording of its own reads English."""
    code = (language or translation.get_language() or "en").split("-")[0].lower()
    return code if code in WORDS else "en"


def _said(numbers: Numbers, words: Words, country: str) -> CareContacts:
    values = dataclasses.asdict(numbers)

    def say(text: str) -> str:
        return text.format(**values)

    return CareContacts(
        emergency_number=numbers.emergency,
        emergency_words=say(words.emergency_words),
        urgent_care=say(words.urgent_care),
        routine_care=say(words.routine_care),
        mental_health=say(words.mental_health),
        physio=words.physio,
        country=country,
    )


def _words(country: str, language: str) -> Words:
    table = WORDS[language]
    code = "US" if country in US_TERRITORIES else country
    return table.get(code, table[""])


# The English contacts, by country, as they were before languages (tests and the admin read them).
DEFAULT = _said(DEFAULT_NUMBERS, WORDS["en"][""], "")
CONTACTS: dict[str, CareContacts] = {
    code: dataclasses.replace(_said(numbers, _words(code, "en"), ""), country="")
    for code, numbers in NUMBERS.items()
}
# Named, with their numbers, to someone who has not set a country yet: where most people using
# the app live. The numbers come from NUMBERS.
_NAMED_WHEN_UNSET = {
    "en": (
        ("the UK", ("GB",)), ("the US and Canada", ("US", "CA")), ("Australia", ("AU",)),
        ("New Zealand", ("NZ",)),
    ),
    # Spanish speakers live mostly in Spain, Mexico and the US: those first.
    "es": (
        ("España", ("ES",)), ("México", ("MX",)), ("Estados Unidos y Canadá", ("US", "CA")),
        ("el Reino Unido", ("GB",)),
    ),
}  # fmt: skip


def _one_number(codes: tuple[str, ...]) -> str:
    [number] = {NUMBERS[code].emergency for code in codes}  # one number per place
    return number


def _numbers_when_unset(language: str) -> str:
    named = [(place, _one_number(codes)) for place, codes in _NAMED_WHEN_UNSET[language]]
    if language == "es":
        # "En España llama al 112; en México, al 911; …"
        said = [f"En {named[0][0]} llama al {named[0][1]}"]
        said += [f"en {place}, al {number}" for place, number in named[1:]]
        return "; ".join(said) + "."
    said = [f"{named[0][0]} call {named[0][1]}"] + [f"{p} {n}" for p, n in named[1:]]
    return "In " + ", in ".join(said) + "."


NUMBERS_WHEN_UNSET = _numbers_when_unset("en")


def numbers_when_unset(language: str | None = None) -> str:
    """What someone with no country is told of the numbers, in their language."""
    return _numbers_when_unset(language_of(language))


PLACEHOLDERS = (
    "{emergency_number}", "{urgent_care}", "{routine_care}", "{mental_health}", "{physio}"
)  # fmt: skip


def contacts_for(country: str, language: str | None = None) -> CareContacts:
    """The country's contacts in the language (by default the active one); elsewhere the
    default, whose emergency number the deployment may set (BACKHABITS_EMERGENCY_NUMBER)."""
    said_in = language_of(language)
    if country in NUMBERS:
        return _said(NUMBERS[country], _words(country, said_in), country)
    number = settings.BACKHABITS_EMERGENCY_NUMBER
    contacts = _said(DEFAULT_NUMBERS, _words("", said_in), country)
    if number == DEFAULT_NUMBERS.emergency:
        return contacts
    return dataclasses.replace(contacts, emergency_number=number, emergency_words=number)


def fill(text: str, contacts: CareContacts) -> str:
    """The placeholders filled in. replace(), not format(): an editor's stray brace must not
    break the page. {number} is the older name of {emergency_number}."""
    for placeholder, value in (
        ("{emergency_number}", contacts.emergency_words),
        ("{number}", contacts.emergency_words),
        ("{urgent_care}", contacts.urgent_care),
        ("{routine_care}", contacts.routine_care),
        ("{mental_health}", contacts.mental_health),
        ("{physio}", contacts.physio),
    ):
        text = text.replace(placeholder, value)
    return text


@functools.cache
def _zone_countries() -> dict[str, str]:
    """Each time zone that belongs to exactly one country, from the tz database's zone.tab."""
    import tzdata

    table = Path(tzdata.__file__).with_name("zoneinfo") / "zone.tab"
    zones = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _coordinates, zone, *_ = line.split("\t")
            zones[zone] = code
    return zones


def guess_country(timezone_name: str) -> str:
    """The country of the browser's time zone when that is unambiguous, else the deployment's
    default (BACKHABITS_DEFAULT_COUNTRY, which may be empty: "not set")."""
    return _zone_countries().get(timezone_name, settings.BACKHABITS_DEFAULT_COUNTRY)
