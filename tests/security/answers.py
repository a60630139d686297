"""What every answer of the portal must carry, and what no page may hold: shared by the
header checks here and the authorization matrix (tests/web), which asks every route as
every role anyway."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

TEMPLATES = Path(__file__).parents[2] / "src" / "koppel" / "web" / "templates"
REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
INLINE_CODE = {
    "inline <script> body": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "on*= event attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "style= attribute": re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE),
    "<style> element": re.compile(r"<style\b", re.IGNORECASE),
    "htmx code in an attribute": re.compile(
        r"\shx-on|hx-vars|hx-vals=.\s*js(cript)?:", re.IGNORECASE
    ),
}


def content_security_policy(header: str) -> dict[str, list[str]]:
    """``"default-src 'self'; img-src 'self' data:"`` -> directive -> its sources."""
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {name: sources for name, *sources in parts}


def header_problems(response: httpx.Response) -> list[str]:
    """What is missing or too weak in one answer's headers ([] when all is well)."""
    where = f"{response.request.method} {response.request.url.raw_path.decode()}"
    where += f" -> {response.status_code}"
    headers = response.headers
    policy = content_security_policy(headers.get("content-security-policy", ""))
    problems = []
    if not policy:
        problems.append("no Content-Security-Policy")
    for directive, values in policy.items():
        if {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(values):
            problems.append(f"CSP {directive} allows {values}")
    if policy.get("script-src") != ["'self'"]:
        problems.append(f"CSP script-src is {policy.get('script-src')}")
    if policy.get("frame-ancestors") != ["'none'"]:
        problems.append(f"CSP frame-ancestors is {policy.get('frame-ancestors')}")
    if policy.get("default-src") != ["'self'"]:
        problems.append(f"CSP default-src is {policy.get('default-src')}")
    if headers.get("x-content-type-options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if headers.get("x-frame-options") != "DENY":
        problems.append("no X-Frame-Options: DENY")
    if headers.get("referrer-policy") not in REFERRER_POLICIES:
        problems.append(f"Referrer-Policy {headers.get('referrer-policy')}")
    static = response.request.url.path.startswith("/static/")
    if not static and "no-store" not in headers.get("cache-control", ""):
        problems.append(f"Cache-Control {headers.get('cache-control')} (pupils' data cached)")
    return [f"{where}: {problem}" for problem in problems]


def inline_code(html: str) -> list[str]:
    return [
        f"{name}: {found.group(0)[:80]!r}"
        for name, pattern in INLINE_CODE.items()
        for found in pattern.finditer(html)
    ]
