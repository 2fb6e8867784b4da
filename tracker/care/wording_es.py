"""What care prompts say by default in Spanish: the same keys, placeholders and meaning as
tracker.care.wording, written from Spanish-language health sources (each cited beside what it
supports) rather than translated through the catalogue: this is the wording that must never
fail, so it is read and reviewed here, in one place. Editors may reword it in the admin
(CareWording rows with language "es"); whether a rule fires is decided in tracker.care.redflags
alone.

Neutral Spanish for Spain and Latin America, "tú", short sentences. Placeholders as in English
({emergency_number}, {urgent_care}, {routine_care}, {mental_health}, {physio}), filled with
Spanish words from tracker.care.countries; a number is always said after "al" ("llama al 112";
where no country is set, "llama al número local de emergencias…"). General information, no
diagnosis named, and never a suggestion to stretch, crack or move the back beside a red flag.

Where no Spanish-language public health body's page was found, the comment says so and the
wording keeps to the English meaning (sourced in tracker.care.wording: NHS, NICE CKS, Finucane
et al. 2020), without adding anything."""

from fractions import Fraction

from tracker.care.redflags import EMERGENCY, SOON, URGENT
from tracker.care.thresholds import (
    ACTIVITIES_STOPPED_DAYS,
    ACTIVITIES_STOPPED_WINDOW_DAYS,
    AGE_PAIN_MIN_SPAN_DAYS,
    LEG_SYMPTOM_DAYS,
    LEG_SYMPTOM_WINDOW_DAYS,
    PERSISTENT_DISCOMFORT,
    PERSISTENT_MIN_SPAN_DAYS,
    PERSISTENT_SHARE,
    SEVERE_CONSECUTIVE_DAYS,
    SEVERE_DAYS_IN_WINDOW,
    SEVERE_DISCOMFORT,
    SEVERE_WINDOW_DAYS,
    WORSENING_MIN_POINTS,
    WORSENING_MIN_RATIO,
    WORSENING_WINDOW_DAYS,
)
from tracker.care.wording import AMBULANCE, PAST_EMERGENCY, PAST_URGENT, RuleWording

# The pattern rules' wording reads its numbers from tracker.care.thresholds, as the English
# does: _palabras, _semanas and _PARTES fail at import if a threshold moves to a number they
# cannot say. "una" for one week: semana is feminine; días take the masculine forms below.
_PALABRAS = ("cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")
_PARTES = {Fraction(2, 3): "dos tercios"}


def _palabras(n: int) -> str:
    return _PALABRAS[n]


def _semanas(days: int) -> str:
    weeks, rest = divmod(days, 7)
    if rest:
        raise ValueError(f"{days} days is not a whole number of weeks")
    return "una semana" if weeks == 1 else f"{_palabras(weeks)} semanas"


# Nerve signs (saddle numbness, bladder or bowel, sex, both legs): Manual MSD, versión para el
# público general, "Síndrome de la cola de caballo" (loss of feeling in the buttocks and genital
# area, urinary problems such as incontinence; "el médico evalúa inmediatamente" and surgery is
# often needed),
# https://www.merckmanuals.com/es-pr/hogar/enfermedades-cerebrales,-medulares-y-nerviosas/trastornos-de-la-m%C3%A9dula-espinal/s%C3%ADndrome-de-la-cola-de-caballo
# ; Manual MSD, versión para profesionales, same title (weakness of the legs, saddle numbness,
# urinary retention or incontinence, faecal incontinence, erectile dysfunction),
# https://merckmanuals.com/es-us/professional/trastornos-neurol%c3%b3gicos/trastornos-de-la-m%c3%a9dula-espinal/s%c3%adndrome-de-la-cola-de-caballo
# ; Redacción Médica, "Síndrome de la cola de caballo" ("requiere tratamiento urgente,
# generalmente mediante cirugía"),
# https://redaccionmedica.com/recursos-salud/diccionario-enfermedades/sindrome-cola-de-caballo
_NERVIOS = (
    "puede ser señal de un problema grave en los nervios de la parte baja de la espalda que hay "
    "que tratar en el hospital de inmediato."
)

RULE_WORDING: dict[str, RuleWording] = {
    # Manual MSD (both versions) and Redacción Médica, above.
    "saddle_numbness": RuleWording(
        "Adormecimiento alrededor de los genitales, las nalgas o la cara interna de los muslos",
        "El adormecimiento o el hormigueo alrededor de los genitales, las nalgas o la cara "
        "interna de los muslos, o notar distinto el roce al limpiarte, " + _NERVIOS,
    ),
    "bladder_bowel": RuleWording(
        "Problemas nuevos al orinar o al defecar",
        "Tener problemas nuevos al orinar o al defecar (no poder, no controlarlo, no notarlo o "
        "tener escapes) " + _NERVIOS,
    ),
    # Manual MSD, professional version, above (disfunción eréctil among the signs).
    "sexual_dysfunction": RuleWording(
        "Problemas nuevos con la erección, la eyaculación o la sensibilidad durante el sexo",
        "Tener problemas nuevos para tener o mantener una erección, para eyacular o para sentir "
        "durante el sexo " + _NERVIOS,
    ),
    # Manual MSD, professional version (weakness of both legs); Merck es-pr (hospital at once).
    "both_legs": RuleWording(
        "Síntomas en las dos piernas",
        "El dolor que baja por las dos piernas, o el adormecimiento, la debilidad o la "
        "dificultad para caminar en las dos piernas, puede indicar que los nervios de la parte "
        "baja de la espalda están comprimidos. Hay que revisarlo en el hospital de inmediato.",
    ),
    # NHLBI (NIH), "Ataque cardíaco": "llame de inmediato al 9-1-1, aun si no está seguro",
    # https://www.nhlbi.nih.gov/health-topics/ataque-cardiaco ; IMSS, "urgencias reales": "dolor
    # en el pecho", https://noticiacentral.mx/2021/03/06/importante-diferenciar-entre-urgencias-reales-y-urgencias-sentida-imss/
    "chest_pain": RuleWording(
        "Dolor en el pecho con dolor de espalda",
        "El dolor en el pecho junto con dolor de espalda hay que revisarlo de inmediato, porque "
        "puede no venir de la espalda.",
    ),
    # IMSS, "urgencias reales" (above): injuries from an accident and fractures need immediate
    # care. Keeping still: no Spanish-language public health page found; the English meaning
    # (NHS "When to call 999") kept.
    "major_injury": RuleWording(
        "Un accidente grave",
        "Después de un accidente grave, el dolor de espalda hay que revisarlo en el hospital por "
        "si se ha dañado la columna. Quédate lo más quieto que puedas hasta que te atiendan.",
    ),
    # Fever: "Busca atención médica de inmediato si tu dolor de espalda… está acompañado por
    # fiebre", Dolor de Cabeza México (a clinic's page), https://dolordecabezamexico.com/?p=1436 ;
    # signos de alarma (fever, immune suppression, cancer history): Ortoplen (an orthopaedic
    # clinic, Mexico), https://ortoplen.com/?p=291 . No public health body's page found; the
    # English meaning (NHS "Back pain"; Finucane 2020) kept.
    "fever_infection_risk": RuleWording(
        "Fiebre, con más riesgo de infección",
        "La fiebre, o sentir calor y escalofríos, debe revisarla un médico hoy, porque tu "
        "perfil de salud dice que tienes más riesgo de infección. Si te encuentras muy mal, "
        "llama al {emergency_number}.",
    ),
    "fever": RuleWording(
        "Fiebre con dolor de espalda",
        "La fiebre, o sentir calor y escalofríos, junto con dolor de espalda puede ser señal de "
        "una infección que hay que tratar pronto. Si te encuentras muy mal, llama al "
        "{emergency_number}.",
    ),
    # After a fall or blow: "Busca atención médica de inmediato si tu dolor de espalda… aparece
    # después de una caída, un golpe en la espalda u otra lesión", Dolor de Cabeza México
    # (above); over 50 and long-term steroids as signos de alarma: Ortoplen (above).
    # Osteoporosis: A.D.A.M. "Lumbago agudo" lists compression fractures from osteoporosis among
    # the causes of sudden low back pain,
    # http://www.chihealth.com/body.cfm?id=6156&action=detail&AEArticleID=007425&AEProductID=Adam2004_118&AEProjectTypeIDURL=APT_5
    "injury_fracture_risk": RuleWording(
        "Una caída o un golpe, con huesos que pueden romperse con facilidad",
        "Después de una caída o un golpe, los huesos se rompen con más facilidad si tienes más "
        "de 50 años, tienes osteoporosis o tomas corticoides en pastillas desde hace tiempo. "
        "Que te lo revise un médico hoy mismo, por si hay un hueso roto.",
    ),
    "injury": RuleWording(
        "Una caída o un golpe reciente",
        "El dolor de espalda después de una caída o un golpe suele mejorar, pero conviene que "
        "te lo revisen en los próximos días. Si el dolor es fuerte o va a peor, o notas "
        "adormecimiento o debilidad, contacta hoy con {urgent_care}.",
    ),
    # Weakness or numbness in a leg: "Contacta con tu médico si tu dolor de espalda… provoca
    # debilidad, entumecimiento u hormigueo en una o ambas piernas", Dolor de Cabeza México
    # (above); "Si existiera pérdida de fuerza en la pierna o pie, la atención demandada debe
    # ser urgente", Paperblog, https://es.paperblog.com/en-que-casos-el-dolor-de-espalda-puede-indicar-una-enfermedad-grave-851188/amp
    # (not a public health body: the English meaning, NICE CKS, kept).
    "legs_getting_worse": RuleWording(
        "Adormecimiento o debilidad en una pierna que va a peor",
        "El adormecimiento o la debilidad en una pierna que va a peor, o una dificultad nueva "
        "para caminar por ello, puede indicar que un nervio de la espalda está presionado. Un "
        "médico debe revisarlo hoy. Si pasa a las dos piernas, llama al {emergency_number}.",
    ),
    "one_leg_weakness": RuleWording(
        "Debilidad en una pierna o un pie",
        "Una debilidad nueva en una pierna o un pie puede indicar que un nervio de la espalda "
        "está presionado. Un médico debe revisarlo hoy.",
    ),
    # Weight loss, night pain, cancer: signos de alarma in Ortoplen (above) and Neurocirugía.co
    # (a neurosurgery clinic, Colombia: "dolor de espalda en las noches o durante el reposo",
    # "pérdida de peso inexplicable", "antecedente personal de cáncer"),
    # https://neurocirugia.co/tratamiento-enfermedades-columna/ . Cough or sneeze, pain between
    # the shoulder blades, a lump: no Spanish-language source found; the English meaning
    # (Finucane 2020; NHS "Back pain") kept.
    "weight_loss": RuleWording(
        "Pérdida de peso sin explicación",
        "El dolor de espalda junto con una pérdida de peso que no te explicas debe revisarlo un "
        "médico hoy.",
    ),
    "night_pain": RuleWording(
        "Dolor que empeora por la noche",
        "El dolor que empeora por la noche, o que no se alivia al tumbarte, debe revisarlo un "
        "médico hoy.",
    ),
    "cough_sneeze_pain": RuleWording(
        "Dolor que empeora al toser o estornudar",
        "El dolor de espalda que empeora al toser, estornudar o hacer fuerza debe revisarlo un "
        "médico hoy.",
    ),
    "upper_back_pain": RuleWording(
        "Dolor entre los omóplatos",
        "El dolor en la parte alta, entre los omóplatos, es menos frecuente que el de la parte "
        "baja de la espalda y debe revisarlo un médico hoy.",
    ),
    "swelling": RuleWording(
        "Un bulto, una hinchazón o un cambio de forma",
        "Un bulto o una hinchazón en la espalda, o un cambio en su forma, debe revisarlo un "
        "médico hoy.",
    ),
    "cancer_new_pain": RuleWording(
        "Dolor de espalda nuevo después de un cáncer",
        "Como has tenido cáncer, un episodio nuevo de dolor de espalda debe revisarlo un médico "
        "hoy, aunque la mayoría de los dolores de espalda tienen una causa corriente.",
    ),
    "infection_risk_new_pain": RuleWording(
        "Dolor de espalda nuevo, con más riesgo de infección",
        "Como tu perfil de salud dice que tienes más riesgo de infección, un episodio nuevo de "
        "dolor de espalda debe revisarlo un médico hoy, aunque la mayoría de los dolores de "
        "espalda tienen una causa corriente.",
    ),
    # Severe pain that doesn't settle: "Si el dolor de espalda es severo o no mejora al cabo de
    # tres días, debe llamar a un profesional de la salud" (A.D.A.M., "Lumbago agudo", as
    # reproduced at https://lumbalgiagye.blogspot.com); "Es intenso y no mejora con el
    # descanso", Dolor de Cabeza México (above). The numbers are the rules' own
    # (tracker.care.thresholds).
    "severe_three_days": RuleWording(
        f"Molestia intensa {_palabras(SEVERE_CONSECUTIVE_DAYS)} días seguidos",
        f"Registraste una molestia de {SEVERE_DISCOMFORT} o más "
        f"{_palabras(SEVERE_CONSECUTIVE_DAYS)} días seguidos. Un dolor que sigue así de "
        "intenso conviene que lo vea un profesional.",
    ),
    "severe_most_days": RuleWording(
        "Molestia intensa la mayoría de los días de esta semana",
        f"Registraste una molestia de {SEVERE_DISCOMFORT} o más al menos "
        f"{SEVERE_DAYS_IN_WINDOW} de los últimos {SEVERE_WINDOW_DAYS} días. Un dolor que sigue "
        "así de intenso conviene que lo vea un profesional.",
    ),
    # Pain that lasts: "Persiste después de un par de semanas", Dolor de Cabeza México (above);
    # "Si tu dolor no mejora o empeora después de dos semanas" (American Academy of Family
    # Physicians via HealthDay), Clikisalud (Fundación Carlos Slim),
    # https://www.clikisalud.net/7-signos-de-advertencia-de-que-debes-ir-al-medico-si-tienes-dolor-lumbar/
    "persistent_pain": RuleWording(
        f"Molestia que dura {_semanas(PERSISTENT_MIN_SPAN_DAYS)}",
        f"Registraste una molestia de {PERSISTENT_DISCOMFORT} o más en al menos "
        f"{_PARTES[PERSISTENT_SHARE]} de los días que registraste durante "
        f"{_semanas(PERSISTENT_MIN_SPAN_DAYS)} o más. Un dolor que dura tanto merece la opinión "
        "de un profesional.",
    ),
    # "Si el dolor se extiende por la pierna debajo de la rodilla", Clikisalud (above).
    "leg_symptoms_persisting": RuleWording(
        "Dolor o adormecimiento en la pierna la mayoría de los días",
        f"Registraste dolor o adormecimiento que baja por una pierna {LEG_SYMPTOM_DAYS} o más "
        f"de los últimos {LEG_SYMPTOM_WINDOW_DAYS} días.",
    ),
    # "Si tu dolor no mejora o empeora…", Clikisalud (above).
    "worsening": RuleWording(
        "Molestia que empeora claramente",
        f"Tu molestia media de los últimos {WORSENING_WINDOW_DAYS} días es al menos "
        f"{WORSENING_MIN_POINTS} puntos y un {round(float(WORSENING_MIN_RATIO - 1) * 100)} % "
        f"más alta que la de los {WORSENING_WINDOW_DAYS} días anteriores, contando los días "
        "que registraste.",
    ),
    # Age: "Cuadros de dolor lumbar en cualquier paciente arriba de 50 años", Ortoplen (above);
    # "si el dolor aparece por primera vez antes de los 20 años o después de los 55",
    # Paperblog (above).
    "age_persisting_pain": RuleWording(
        f"Dolor de espalda la mayoría de los días durante {_semanas(AGE_PAIN_MIN_SPAN_DAYS)}",
        "A tu edad, el dolor de espalda en la mayoría de los días que registraste durante "
        f"{_semanas(AGE_PAIN_MIN_SPAN_DAYS)} conviene revisarlo.",
    ),
    # No Spanish-language source found; the English meaning (NHS "Back pain") kept.
    "activities_stopped": RuleWording(
        "Dolor que te impide hacer tus actividades habituales",
        "Registraste que el dolor te impidió hacer tus actividades habituales "
        f"{ACTIVITIES_STOPPED_DAYS} o más de los últimos {ACTIVITIES_STOPPED_WINDOW_DAYS} días. "
        "Conviene que veas a {routine_care} o a {physio}, que pueden ayudarte a volver a "
        "hacerlas.",
    ),
    # "puedes recibir ayuda de tu médico de cabecera o acudir a Urgencias. También puedes acudir
    # a una persona de tu confianza", Maldita.es on the 024 line,
    # https://maldita.es/index.php/malditaciencia/20220510/024-numero-telefono-atencion-suicidio-espana-gratuito
    # (the lines themselves: tracker.care.countries).
    "struggling_to_cope": RuleWording(
        "Te cuesta sobrellevar el dolor",
        "Dijiste que te cuesta sobrellevar el dolor. Si ahora mismo te parece demasiado, habla "
        "con alguien: {mental_health}. Si pudieras hacerte daño, llama al {emergency_number}. "
        "Después, ve a {routine_care} o a {physio}, que pueden ayudarte con el dolor y con "
        "cómo te está afectando.",
    ),
    # No Spanish-language source found; the English meaning kept: don't crack it, get it
    # checked.
    "cracking_pain": RuleWording(
        "Crujidos con dolor agudo",
        "Un crujido o chasquido que llega con dolor agudo no es lo mismo que un clic sin "
        "importancia. No intentes hacerte crujir la espalda; que te lo revisen.",
    ),
}

# "If this is still happening, <the tier's headline, first letter lowered>."
PAST_EVENT_HEADLINE = "Si esto sigue pasando, {headline}"

# Emergency: call at once, don't wait (NHLBI, above: "aun si no está seguro"; Merck es-pr,
# above). Ambulance, not a lift, after a serious accident or with chest pain: "No intente
# conducir usted mismo" and "No permita que otra persona lo lleve al hospital a menos que no
# haya un servicio de ambulancia": US public health advice on heart attacks, as reproduced by
# Grupo Recoletas (a Spanish hospital group),
# https://www.gruporecoletas.com/enfermedades-o-patologias/infarto-de-miocardio/ ; the English
# wording's source, NHS "When to call 999", says the same.
# Urgent: see the family doctor today, else the urgent service (IMSS: Atención Médica Continua
# at the UMF for what needs seeing but is not a threat to life, above; Levante-EMV on the centro
# de salud's atención continuada, cited in tracker.care.countries). Not stretching or cracking
# beside a red flag: no Spanish source says it in these words; the English meaning kept.
TIER_HEADLINES = {
    EMERGENCY: "Llama al {emergency_number} o ve a urgencias ahora",
    AMBULANCE: "Llama al {emergency_number} y pide una ambulancia ahora",
    URGENT: "Pide una cita urgente con un médico hoy",
    SOON: "Pide cita con {routine_care} o con {physio} en los próximos días",
}
_AVISAR = (
    "Si notas adormecimiento alrededor de las nalgas o los genitales, problemas al orinar o al "
    "defecar, problemas nuevos con la erección, la eyaculación o la sensibilidad durante el "
    "sexo, o debilidad en las dos piernas, llama al {emergency_number} de inmediato."
)
TIER_ADVICE = {
    EMERGENCY: (
        "No esperes a ver si mejora. Llama al {emergency_number} o pide a alguien que te lleve a "
        "urgencias ahora. Cuéntales qué notaste y cuándo empezó: las respuestas que ves aquí. "
        "No estires, no hagas crujir ni manipules la espalda."
    ),
    AMBULANCE: (
        "No esperes a ver si mejora. Llama al {emergency_number} ahora y pide una ambulancia; no "
        "conduzcas ni pidas a nadie que te lleve. Quédate lo más quieto que puedas hasta que "
        "llegue la ayuda. Cuéntales qué notaste y cuándo empezó: las respuestas que ves aquí. "
        "No estires, no hagas crujir ni manipules la espalda."
    ),
    URGENT: (
        "Contacta con {routine_care} y pide una cita urgente para hoy. Si no te la dan, "
        "contacta con {urgent_care}. Cuéntales qué notaste y cuándo empezó. " + _AVISAR + " No "
        "intentes hacer crujir ni estirar la espalda hasta que te hayan visto."
    ),
    PAST_EMERGENCY: (
        "Registraste esto para un día que ya pasó. Si sigue pasando, o vuelve, no esperes: "
        "llama al {emergency_number} de inmediato y di cuándo empezó. Si ya paró y nadie lo ha "
        "revisado todavía, contacta hoy con {urgent_care} y cuéntales qué notaste y cuándo. "
        "No estires, no hagas crujir ni manipules la espalda."
    ),
    PAST_URGENT: (
        "Registraste esto para un día que ya pasó. Si sigue pasando, o vuelve, contacta con "
        "{routine_care} y pide una cita urgente para hoy; si no te la dan, contacta con "
        "{urgent_care}. Cuéntales qué notaste y cuándo empezó. " + _AVISAR + " No intentes "
        "hacer crujir ni estirar la espalda hasta que te hayan visto."
    ),
    # "La mayoría de los dolores de espalda desaparecen espontáneamente… permanecer en cama por
    # más de uno o dos días puede empeorarlo" (A.D.A.M., "Lumbago agudo", as reproduced at
    # https://lumbalgiagye.blogspot.com).
    SOON: (
        "Pide cita con {routine_care} o con {physio} en los próximos días y cuéntales lo que has "
        "notado; tus días registrados y tus notas pueden ayudar. La mayoría de los dolores de "
        "espalda mejoran en unas semanas, y mantenerte activo con suavidad suele ayudar. Si "
        "notas adormecimiento alrededor de las nalgas o los genitales, problemas al orinar o al "
        "defecar, o debilidad en las dos piernas, llama al {emergency_number} de inmediato. Si "
        "el dolor empeora mucho o aparecen otros síntomas nuevos, contacta con {urgent_care}."
    ),
}
