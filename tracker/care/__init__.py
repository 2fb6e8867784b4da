"""Care: the red-flag rules (redflags), the prompts and alerts they open (prompts), the answers
a person gives to them (responses), the advice's wording (wording), each country's numbers
(countries) and the symptom checklist (symptoms)."""
