"""Spanish rows of the editable care wording, beside the English ones (0005 onwards): editors
reword each language in its own row, and a change in one never touches the other. Only missing
rows are created. The text is tracker.care.wording_es as it stood when this migration was
written: its own copy, so a later edit of the defaults never changes what a fresh migrate
creates (its sources are cited in that module)."""

from django.db import migrations

WORDINGS_ES = {
    "rule:activities_stopped": (
        "Registraste que el dolor te impidió hacer tus actividades habituales 3 o más de los "
        "últimos 7 días. Conviene que veas a {routine_care} o a {physio}, que pueden ayudarte a "
        "volver a hacerlas."
    ),
    "rule:age_persisting_pain": (
        "A tu edad, el dolor de espalda en la mayoría de los días que registraste durante cuatro "
        "semanas conviene revisarlo."
    ),
    "rule:bladder_bowel": (
        "Tener problemas nuevos al orinar o al defecar (no poder, no controlarlo, no notarlo o "
        "tener escapes) puede ser señal de un problema grave en los nervios de la parte baja de "
        "la espalda que hay que tratar en el hospital de inmediato."
    ),
    "rule:both_legs": (
        "El dolor que baja por las dos piernas, o el adormecimiento, la debilidad o la dificultad"
        " para caminar en las dos piernas, puede indicar que los nervios de la parte baja de la "
        "espalda están comprimidos. Hay que revisarlo en el hospital de inmediato."
    ),
    "rule:cancer_new_pain": (
        "Como has tenido cáncer, un episodio nuevo de dolor de espalda debe revisarlo un médico "
        "hoy, aunque la mayoría de los dolores de espalda tienen una causa corriente."
    ),
    "rule:chest_pain": (
        "El dolor en el pecho junto con dolor de espalda hay que revisarlo de inmediato, porque "
        "puede no venir de la espalda."
    ),
    "rule:cough_sneeze_pain": (
        "El dolor de espalda que empeora al toser, estornudar o hacer fuerza debe revisarlo un "
        "médico hoy."
    ),
    "rule:cracking_pain": (
        "Un crujido o chasquido que llega con dolor agudo no es lo mismo que un clic sin "
        "importancia. No intentes hacerte crujir la espalda; que te lo revisen."
    ),
    "rule:fever": (
        "La fiebre, o sentir calor y escalofríos, junto con dolor de espalda puede ser señal de "
        "una infección que hay que tratar pronto. Si te encuentras muy mal, llama al "
        "{emergency_number}."
    ),
    "rule:fever_infection_risk": (
        "La fiebre, o sentir calor y escalofríos, debe revisarla un médico hoy, porque tu perfil "
        "de salud dice que tienes más riesgo de infección. Si te encuentras muy mal, llama al "
        "{emergency_number}."
    ),
    "rule:infection_risk_new_pain": (
        "Como tu perfil de salud dice que tienes más riesgo de infección, un episodio nuevo de "
        "dolor de espalda debe revisarlo un médico hoy, aunque la mayoría de los dolores de "
        "espalda tienen una causa corriente."
    ),
    "rule:injury": (
        "El dolor de espalda después de una caída o un golpe suele mejorar, pero conviene que te "
        "lo revisen en los próximos días. Si el dolor es fuerte o va a peor, o notas "
        "adormecimiento o debilidad, contacta hoy con {urgent_care}."
    ),
    "rule:injury_fracture_risk": (
        "Después de una caída o un golpe, los huesos se rompen con más facilidad si tienes más de"
        " 50 años, tienes osteoporosis o tomas corticoides en pastillas desde hace tiempo. Que te"
        " lo revise un médico hoy mismo, por si hay un hueso roto."
    ),
    "rule:leg_symptoms_persisting": (
        "Registraste dolor o adormecimiento que baja por una pierna 7 o más de los últimos 14 días."
    ),
    "rule:legs_getting_worse": (
        "El adormecimiento o la debilidad en una pierna que va a peor, o una dificultad nueva "
        "para caminar por ello, puede indicar que un nervio de la espalda está presionado. Un "
        "médico debe revisarlo hoy. Si pasa a las dos piernas, llama al {emergency_number}."
    ),
    "rule:major_injury": (
        "Después de un accidente grave, el dolor de espalda hay que revisarlo en el hospital por "
        "si se ha dañado la columna. Quédate lo más quieto que puedas hasta que te atiendan."
    ),
    "rule:night_pain": (
        "El dolor que empeora por la noche, o que no se alivia al tumbarte, debe revisarlo un "
        "médico hoy."
    ),
    "rule:one_leg_weakness": (
        "Una debilidad nueva en una pierna o un pie puede indicar que un nervio de la espalda "
        "está presionado. Un médico debe revisarlo hoy."
    ),
    "rule:persistent_pain": (
        "Registraste una molestia de 4 o más en al menos dos tercios de los días que registraste "
        "durante seis semanas o más. Un dolor que dura tanto merece la opinión de un profesional."
    ),
    "rule:saddle_numbness": (
        "El adormecimiento o el hormigueo alrededor de los genitales, las nalgas o la cara "
        "interna de los muslos, o notar distinto el roce al limpiarte, puede ser señal de un "
        "problema grave en los nervios de la parte baja de la espalda que hay que tratar en el "
        "hospital de inmediato."
    ),
    "rule:severe_most_days": (
        "Registraste una molestia de 8 o más al menos 4 de los últimos 7 días. Un dolor que sigue"
        " así de intenso conviene que lo vea un profesional."
    ),
    "rule:severe_three_days": (
        "Registraste una molestia de 8 o más tres días seguidos. Un dolor que sigue así de "
        "intenso conviene que lo vea un profesional."
    ),
    "rule:sexual_dysfunction": (
        "Tener problemas nuevos para tener o mantener una erección, para eyacular o para sentir "
        "durante el sexo puede ser señal de un problema grave en los nervios de la parte baja de "
        "la espalda que hay que tratar en el hospital de inmediato."
    ),
    "rule:struggling_to_cope": (
        "Dijiste que te cuesta sobrellevar el dolor. Si ahora mismo te parece demasiado, habla "
        "con alguien: {mental_health}. Si pudieras hacerte daño, llama al {emergency_number}. "
        "Después, ve a {routine_care} o a {physio}, que pueden ayudarte con el dolor y con cómo "
        "te está afectando."
    ),
    "rule:swelling": (
        "Un bulto o una hinchazón en la espalda, o un cambio en su forma, debe revisarlo un "
        "médico hoy."
    ),
    "rule:upper_back_pain": (
        "El dolor en la parte alta, entre los omóplatos, es menos frecuente que el de la parte "
        "baja de la espalda y debe revisarlo un médico hoy."
    ),
    "rule:weight_loss": (
        "El dolor de espalda junto con una pérdida de peso que no te explicas debe revisarlo un "
        "médico hoy."
    ),
    "rule:worsening": (
        "Tu molestia media de los últimos 7 días es al menos 2 puntos y un 30 % más alta que la "
        "de los 7 días anteriores, contando los días que registraste."
    ),
    "tier:emergency": (
        "No esperes a ver si mejora. Llama al {emergency_number} o pide a alguien que te lleve a "
        "urgencias ahora. Cuéntales qué notaste y cuándo empezó: las respuestas que ves aquí. No "
        "estires, no hagas crujir ni manipules la espalda."
    ),
    "tier:emergency_ambulance": (
        "No esperes a ver si mejora. Llama al {emergency_number} ahora y pide una ambulancia; no "
        "conduzcas ni pidas a nadie que te lleve. Quédate lo más quieto que puedas hasta que "
        "llegue la ayuda. Cuéntales qué notaste y cuándo empezó: las respuestas que ves aquí. No "
        "estires, no hagas crujir ni manipules la espalda."
    ),
    "tier:emergency_past": (
        "Registraste esto para un día que ya pasó. Si sigue pasando, o vuelve, no esperes: llama "
        "al {emergency_number} de inmediato y di cuándo empezó. Si ya paró y nadie lo ha revisado"
        " todavía, contacta hoy con {urgent_care} y cuéntales qué notaste y cuándo. No estires, "
        "no hagas crujir ni manipules la espalda."
    ),
    "tier:soon": (
        "Pide cita con {routine_care} o con {physio} en los próximos días y cuéntales lo que has "
        "notado; tus días registrados y tus notas pueden ayudar. La mayoría de los dolores de "
        "espalda mejoran en unas semanas, y mantenerte activo con suavidad suele ayudar. Si notas"
        " adormecimiento alrededor de las nalgas o los genitales, problemas al orinar o al "
        "defecar, o debilidad en las dos piernas, llama al {emergency_number} de inmediato. Si el"
        " dolor empeora mucho o aparecen otros síntomas nuevos, contacta con {urgent_care}."
    ),
    "tier:urgent": (
        "Contacta con {routine_care} y pide una cita urgente para hoy. Si no te la dan, contacta "
        "con {urgent_care}. Cuéntales qué notaste y cuándo empezó. Si notas adormecimiento "
        "alrededor de las nalgas o los genitales, problemas al orinar o al defecar, problemas "
        "nuevos con la erección, la eyaculación o la sensibilidad durante el sexo, o debilidad en"
        " las dos piernas, llama al {emergency_number} de inmediato. No intentes hacer crujir ni "
        "estirar la espalda hasta que te hayan visto."
    ),
    "tier:urgent_past": (
        "Registraste esto para un día que ya pasó. Si sigue pasando, o vuelve, contacta con "
        "{routine_care} y pide una cita urgente para hoy; si no te la dan, contacta con "
        "{urgent_care}. Cuéntales qué notaste y cuándo empezó. Si notas adormecimiento alrededor "
        "de las nalgas o los genitales, problemas al orinar o al defecar, problemas nuevos con la"
        " erección, la eyaculación o la sensibilidad durante el sexo, o debilidad en las dos "
        "piernas, llama al {emergency_number} de inmediato. No intentes hacer crujir ni estirar "
        "la espalda hasta que te hayan visto."
    ),
}


def forwards(apps, schema_editor):
    CareWording = apps.get_model("tracker", "CareWording")
    for key, text in WORDINGS_ES.items():
        CareWording.objects.get_or_create(key=key, language="es", defaults={"text": text})


def backwards(apps, schema_editor):
    apps.get_model("tracker", "CareWording").objects.filter(language="es").delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0026_unapplying_languages_keeps_english")]

    operations = [migrations.RunPython(forwards, backwards)]
