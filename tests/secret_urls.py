"""The app's URLs that carry a secret (a reset, confirmation, unsubscribe or share token),
found by walking the URL patterns: a new URL with a token is found without anyone listing it,
so the log-redaction tests cover it (or fail) from the day it is added."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

# Parameter names that carry a secret. "key" alone is one (an unsubscribe or API key); a name
# that merely ends in "_key" (measure_key) is a lookup, not a secret.
SECRET_NAMES = {"token", "uidb64", "uid", "key", "secret", "signature", "nonce", "code"}
SECRET_SUFFIXES = ("_token", "_secret", "_signature", "_uidb64")
# Sample values tried, in order, for a parameter: the first its converter accepts is used.
_PLAIN_SAMPLES = ("7", "x", "2027-03-01", "00000000-0000-4000-8000-000000000000")


def is_secret(name: str) -> bool:
    return name in SECRET_NAMES or name.endswith(SECRET_SUFFIXES)


@dataclass(frozen=True)
class SecretUrl:
    name: str
    path: str
    secrets: tuple[str, ...]


def _walk(patterns, namespace: str, converters: dict):
    for pattern in patterns:
        found = {**converters, **_converters(pattern.pattern)}
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _walk(pattern.url_patterns, inner, found)
        elif isinstance(pattern, URLPattern):
            yield namespace, pattern, found


def _converters(pattern) -> dict:
    # RoutePattern knows each parameter's converter; a regex pattern has named groups.
    known = dict(getattr(pattern, "converters", {}))
    for name in pattern.regex.groupindex:
        known.setdefault(name, None)
    return known


def _sample(name: str, converter) -> str:
    regex = converter.regex if converter is not None else r"[^/]+"
    candidates = (f"S3cr3t{name}Zq9", "987654321") if is_secret(name) else _PLAIN_SAMPLES
    for candidate in candidates:
        if re.fullmatch(regex, candidate):
            return candidate
    raise AssertionError(f"no sample value fits the {name!r} converter ({regex})")


def secret_urls() -> list[SecretUrl]:
    found = []
    for namespace, pattern, converters in _walk(get_resolver().url_patterns, "", {}):
        secret_names = [name for name in converters if is_secret(name)]
        if not secret_names:
            continue
        assert pattern.name, f"name the URL pattern {pattern.pattern} so it can be tested"
        full_name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        kwargs = {name: _sample(name, converter) for name, converter in converters.items()}
        path = reverse(full_name, kwargs=kwargs)
        assert resolve(path).url_name == pattern.name, path
        found.append(SecretUrl(full_name, path, tuple(kwargs[name] for name in secret_names)))
    return found
