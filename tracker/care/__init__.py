"""Care: the red-flag rules (redflags) and their numbers (thresholds), the alerts they open
(prompts), what the person is shown of them (shown), the answers a person gives to them
(responses), the advice's wording (wording), each country's numbers (countries) and the symptom
checklist (symptoms)."""
