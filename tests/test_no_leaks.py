"""Answers only by answering (SPEC §3.8), checked by an independent extractor.

A course whose answers, explanations, feedback and enrichment are random tokens is built; then,
from the built files alone, the extractor
1. looks for every token in every file in every encoding tried: plain, JSON \\u escapes, base64
   at the three byte offsets, hex, URL encoding;
2. decodes every blob the pages carry with every key material the pages carry (salts, ids, every
   string of the page data, every word of the pages): base64/hex decoding, XOR with the material
   and with SHA-256 key streams of it, ChaCha20-Poly1305 and AES-GCM under it and its hashes, and
   the site's own scheme as its script spells it out (HKDF of a salt and a material, then the
   question key, the shares combined with the SLIP-0039 reference implementation).
It uses no code of masterysite's. The only tokens it may recover are the ones a choice question
gives away by design (a script can pick every choice): a choice's feedback, and the
explanation of a choice question. Text answers, their explanations and the enrichment of a unit
that mastery cannot reach by choices alone must stay out of reach.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import json
import random
import re
import string
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from masterysite.build import build
from tests.conftest import write_files

RNG = random.Random(20261126)
ALPHABET = string.ascii_lowercase + string.digits + "éßø"


def token(prefix: str) -> str:
    return prefix + "".join(RNG.choice(ALPHABET) for _ in range(18))


TEXT_ANSWERS = [token("ans") for _ in range(6)]
BLANK_ANSWERS = [token("blk") for _ in range(3)]
EXACT_ANSWERS = [token("Exa").upper() for _ in range(2)]
TEXT_EXPLANATIONS = [token("why") for _ in range(11)]
ENRICHMENT = token("bonus")
ENRICHMENT_TITLE = token("bonustitle")  # a heading the lesson refers to
CHOICE_FEEDBACK = [token("fb") for _ in range(4)]
CHOICE_EXPLANATIONS = [token("cwhy") for _ in range(2)]
CORRECT_CHOICE_TEXT = [token("pick") for _ in range(2)]  # shown on the page as choices: not secret

VAULT_SECRETS = [*TEXT_ANSWERS, *BLANK_ANSWERS, *EXACT_ANSWERS, *TEXT_EXPLANATIONS, ENRICHMENT, ENRICHMENT_TITLE]
CHOICE_SECRETS = [*CHOICE_FEEDBACK, *CHOICE_EXPLANATIONS]


def vault_unit() -> str:
    questions = []
    for i in range(6):
        questions.append(f"::: question o\nQuestion {i}?\n\n= {TEXT_ANSWERS[i]}\n\n> {TEXT_EXPLANATIONS[i]}\n:::\n")
    # a heading in an explanation that the lesson refers to (Quarto's @sec-, MyST's (label)=)
    questions[0] = questions[0].replace(
        f"> {TEXT_EXPLANATIONS[0]}",
        f"> (worked)=\n> #### {TEXT_EXPLANATIONS[10]} {{#sec-why}}\n>\n> {TEXT_EXPLANATIONS[0]}",
    )
    # a blank in a heading: headings get ids made from their words
    questions.append(f"::: question o\n### Step one: [[{BLANK_ANSWERS[2]}]]\n\n> {TEXT_EXPLANATIONS[9]}\n:::\n")
    for i in range(2):
        questions.append(f"::: question o\nExact {i}?\n\n== {EXACT_ANSWERS[i]}\n\n> {TEXT_EXPLANATIONS[6 + i]}\n:::\n")
    questions.append(
        f"::: question o\nFill in: [[{BLANK_ANSWERS[0]}]] then [[{BLANK_ANSWERS[1]}]].\n\n"
        f"> {TEXT_EXPLANATIONS[8]}\n:::\n"
    )
    body = "\n".join(questions)
    return (
        "---\ntitle: Vault\nrequires: []\nobjectives:\n  o: Know the tokens\n---\n\n"
        "Lesson: see @sec-why, {ref}`worked` and [-@sec-bonus].\n\n"
        f"{body}\n::: corrective o Again\nRead it again.\n:::\n\n"
        f"::: enrichment More\n## {ENRICHMENT_TITLE} {{#sec-bonus}}\n\n{ENRICHMENT}\n:::\n"
    )


def choices_unit() -> str:
    a, b, c, d = CHOICE_FEEDBACK
    return f"""---
title: Choices
requires: []
objectives:
  o: Pick
---

Lesson.

::: question o
Pick one.

- [ ] wrong one
  > {a}
- [x] {CORRECT_CHOICE_TEXT[0]}
- [ ] wrong two
  > {b}

> {CHOICE_EXPLANATIONS[0]}
:::

::: question o
Pick all.

- [x] {CORRECT_CHOICE_TEXT[1]}
  > {c}
- [ ] wrong three
  > {d}
- [x] right too

> {CHOICE_EXPLANATIONS[1]}
:::

::: corrective o Again
Read it again.
:::
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("leaks")
    course = write_files(
        root / "course",
        {
            "course.yml": "title: Leaks\nid: leaks\n",
            "units/01-vault.md": vault_unit(),
            "units/02-choices.md": choices_unit(),
        },
    )
    out = root / "site"
    build(course, out)
    return out


def site_files(site: Path) -> Iterator[tuple[Path, bytes]]:
    for file in sorted(site.rglob("*")):
        if file.is_file():
            yield file, file.read_bytes()


# --- 1. encodings -----------------------------------------------------------------------------


def encodings(secret: str) -> set[bytes]:
    raw = secret.encode("utf-8")
    out = {raw, raw.lower(), raw.upper(), raw.hex().encode(), raw.hex().upper().encode()}
    out.add(json.dumps(secret).encode()[1:-1])  # \u00e9 style
    out.add("".join(f"\\u{ord(ch):04x}" for ch in secret).encode())
    out |= {quote(secret).encode(), quote_plus(secret).encode(), quote(secret, safe="").lower().encode()}
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + raw)
        # drop the characters that mix in the neighbouring bytes at both ends
        start = (offset * 4 + 2) // 3 + (1 if offset else 0)
        stable = encoded[start:].rstrip(b"=")
        stable = stable[: len(stable) - 3]
        out |= {stable, stable.replace(b"+", b"-").replace(b"/", b"_")}
    return {e for e in out if len(e) >= 8}


def test_the_encodings_tried_find_a_planted_token() -> None:
    """The extractor's first half works: each encoding of a token is found in a file holding it."""
    secret = TEXT_ANSWERS[0]
    raw = secret.encode()
    files = [
        raw,
        json.dumps(secret, ensure_ascii=True).encode(),
        base64.b64encode(raw),
        base64.b64encode(b"x" + raw),
        base64.b64encode(b"xy" + raw),
        raw.hex().encode(),
        quote(secret).encode(),
    ]
    for data in files:
        assert any(e in b"[" + data + b"]" for e in encodings(secret)), data


def test_no_secret_appears_in_any_encoding(built: Path) -> None:
    wanted = {s: encodings(s) for s in [*VAULT_SECRETS, *CHOICE_SECRETS]}
    for file, data in site_files(built):
        folded = data.lower()
        for secret, forms in wanted.items():
            found = [f for f in forms if f in data or f.lower() in folded]
            assert not found, f"{file.relative_to(built)} holds {secret!r} as {found[0]!r}"


# --- 2. decoding every blob with every key material -------------------------------------------

B64 = re.compile(rb"[A-Za-z0-9+/]{16,}={0,2}")
HEX = re.compile(rb"\b[0-9a-fA-F]{32,}\b")
WORD = re.compile(rb"[\w:.,-]{1,64}")


def blobs_and_material(site: Path) -> tuple[set[bytes], set[bytes]]:
    blobs: set[bytes] = set()
    material: set[bytes] = set()
    for file, data in site_files(site):
        if file.suffix not in (".html", ".js", ".json"):
            continue
        for match in B64.findall(data):
            try:
                decoded = base64.b64decode(match + b"=" * (-len(match) % 4))
            except binascii.Error:
                continue
            blobs.add(decoded)
            material.add(decoded)
        for match in HEX.findall(data):
            if len(match) % 2 == 0:
                blobs.add(bytes.fromhex(match.decode()))
        if file.suffix == ".html":  # the words of the page (the bundled script's words are code)
            material |= set(WORD.findall(data))
    for json_text in re.findall(
        rb'<script[^>]*type="application/json"[^>]*>(.*?)</script>',
        b"".join(d for f, d in site_files(site) if f.suffix == ".html"),
        re.S,
    ):
        material |= {s.encode() for s in json_strings(json.loads(json_text))}
    return blobs, material


def json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)
    elif isinstance(value, int | float):
        yield str(value)


def keystream(seed: bytes, n: int) -> bytes:
    out = b""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(seed + b":k:" + str(i).encode()).digest()
        i += 1
    return out[:n]


def xor(data: bytes, key: bytes) -> bytes:
    return bytes(d ^ key[i % len(key)] for i, d in enumerate(data))


def aead_open(key: bytes, blob: bytes) -> bytes | None:
    """A box with its nonce first, or none in it (a small counter: what seal_once's boxes use)."""
    tries = [(blob[:12], blob[12:])] if len(blob) >= 28 else []
    tries += [(n.to_bytes(12, "little"), blob) for n in range(8)] if len(blob) >= 16 else []
    for cipher in (ChaCha20Poly1305, AESGCM):
        for nonce, sealed in tries:
            try:
                return cipher(key).decrypt(nonce, sealed, None)  # type: ignore[arg-type]
            except Exception:
                continue
    return None


def generic_decodings(blobs: set[bytes], material: set[bytes]) -> Iterator[bytes]:
    yield from blobs
    small = sorted(m for m in material if 0 < len(m) <= 64)
    for blob in blobs:
        for m in small:
            yield xor(blob, m)
            yield xor(blob, keystream(m, len(blob)))
            yield xor(blob, hashlib.sha256(m).digest())
            for key in (hashlib.sha256(m).digest(), m if len(m) == 32 else None):
                if key is not None and (opened := aead_open(key, blob)) is not None:
                    yield opened


def hkdf(salt: bytes, ikm: bytes, info: bytes) -> bytes:
    prk = hmac.digest(salt, ikm, "sha256")
    return hmac.digest(prk, info + b"\x01", "sha256")


def page_infos(site: Path) -> list[bytes]:
    """The HKDF info strings the page's own script uses (an attacker reads them there)."""
    script = b"".join(d for f, d in site_files(site) if f.suffix == ".js")
    return sorted(set(re.findall(rb'"(masterysite [a-z ]+)"', script)))


def scheme_decodings(site: Path, material: set[bytes]) -> Iterator[bytes]:
    """The site's own scheme with every material as the answer: what a script that tries every
    string of the page as every kind of answer gets."""
    infos = page_infos(site)
    assert infos, "the extractor found no key derivation in the script: update it"
    words = sorted({m for m in material if 0 < len(m) <= 64})
    candidates = [k + b":" + w for k in (b"t", b"n", b"e", b"x", b"c", b"o") for w in words] + words
    candidates += [b"c:" + combo for combo in choice_sets(site)]
    for _, data in site_files(site):
        found = re.search(rb'<script[^>]*id="ms-unit-data"[^>]*>(.*?)</script>', data, re.S)
        if not found:
            continue
        unit = json.loads(found.group(1))
        shares: list[tuple[int, bytes]] = []
        for q in unit.get("questions", []):
            yield from question_decodings(q, candidates, infos, shares)
        seal = unit.get("seal") or {}
        yield from unit_decodings(seal, shares)


def choice_sets(site: Path) -> set[bytes]:
    """Every set of a page's choice ids, sorted and joined as a choice answer is."""
    out: set[bytes] = set()
    for _, data in site_files(site):
        ids = sorted(set(re.findall(rb'data-choice="([^"]+)"', data)))
        for r in range(1, min(len(ids), 4) + 1):
            out |= {b",".join(c) for c in itertools.combinations(ids, r)}
    return out


def question_decodings(q: dict, candidates: list[bytes], infos: list[bytes], shares: list) -> Iterator[bytes]:
    salt = base64.b64decode(q.get("salt", ""))
    boxes = [base64.b64decode(b) for slot in q.get("boxes", []) for b in slot]
    boxes += [base64.b64decode(pair[1]) for pair in q.get("feedback", [])]
    payload = base64.b64decode(q.get("payload", ""))
    parts = [base64.b64decode(p) for p in (q.get("open") or []) if p]
    for word in candidates:
        for info in infos:
            key = hkdf(salt, word, info)
            for box in boxes:
                opened = aead_open(key, box)
                if opened is not None:
                    yield opened
                    parts.append(opened)
    for r in range(1, min(len(parts), 3) + 1):
        for combo in itertools.combinations(parts, r):
            qkey = bytes(32)
            for part in combo:
                if len(part) == 32:
                    qkey = bytes(a ^ b for a, b in zip(qkey, part, strict=True))
            opened = aead_open(qkey, payload)
            if opened is not None:
                yield opened
                share = json.loads(opened).get("share")
                if share:
                    shares.append((share[0], base64.b64decode(share[1])))


def unit_decodings(seal: dict, shares: list[tuple[int, bytes]]) -> Iterator[bytes]:
    shamir_ref = pytest.importorskip("shamir_mnemonic.shamir")
    k = seal.get("k")
    if not k or len({x for x, _ in shares}) < k:
        return
    try:
        key = shamir_ref._recover_secret(k, [shamir_ref.RawShare(x, d) for x, d in dict(shares).items()][:k])
    except Exception:
        return
    for name in ("review", "enrichment"):
        if name in seal and (opened := aead_open(key, base64.b64decode(seal[name]))) is not None:
            yield opened


def recovered(outputs: Iterator[bytes], secrets: list[str]) -> set[str]:
    wanted = {s: s.encode() for s in secrets}
    found = set()
    for out in outputs:
        for s, raw in wanted.items():
            if raw in out or raw.lower() in out.lower():
                found.add(s)
    return found


def test_decoding_every_blob_with_every_key_material_yields_no_answer(built: Path) -> None:
    blobs, material = blobs_and_material(built)
    assert blobs and material
    everything = [*VAULT_SECRETS, *CHOICE_SECRETS]
    generic = recovered(generic_decodings(blobs, material), everything)
    assert generic == set()
    scheme = recovered(scheme_decodings(built, material), everything)
    # What a choice question gives away by design (README): its feedback, its explanation.
    assert set(CHOICE_FEEDBACK) <= scheme, "the extractor no longer opens what it should: it is broken"
    assert scheme - set(CHOICE_SECRETS) == set(), f"recovered: {sorted(scheme - set(CHOICE_SECRETS))}"


def test_a_picture_shown_only_in_sealed_words_is_said_to_be_published(tmp_path: Path) -> None:
    """An explanation's or the enrichment's words wait for the answer; a file they show does not (it is
    published like any other). Check names it; a picture the lesson shows too is fine."""
    from masterysite.build import load_course

    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"
    unit = (
        "---\ntitle: V\nrequires: []\nobjectives:\n  o: Know\n---\n\n![Shared](fig/shared.svg)\n\n"
        "::: question o\nWhat?\n\n= 7/12\n\n> ![The worked answer](fig/answer.svg) ![Shared](fig/shared.svg)\n:::\n\n"
        "::: question o\nWhich?\n\n- [x] this\n- [ ] that\n  > ![Why not](fig/feedback.svg)\n:::\n\n"
        "::: enrichment More\n![Puzzle](fig/puzzle.svg)\n:::\n"
    )
    files: dict[str, str | bytes] = {"course.yml": "title: T\n", "units/01-v.md": unit}
    files.update({f"units/fig/{n}.svg": svg for n in ("shared", "answer", "feedback", "puzzle")})
    report = load_course(write_files(tmp_path / "c", files)).report
    assert sorted(p.message.split("'")[1] for p in report.problems if p.code == "sealed-file") == [
        "units/fig/answer.svg", "units/fig/feedback.svg", "units/fig/puzzle.svg"
    ]  # fmt: skip


def test_a_macro_defined_in_a_sealed_block_and_used_outside_it_is_an_error() -> None:
    """A '\\newcommand' holds for the whole unit (as in MathJax): one defined in the enrichment and used in the
    lesson published what the enrichment holds, unsaid (review r). One used only where it is defined is fine."""
    from conftest import parse_lesson

    body = (
        "The rate law is $r = \\rate$.\n\n::: question o\nWhat order?\n\n= second\n\n"
        "> $\\newcommand{\\order}{\\text{second}}$ It is $\\order$.\n:::\n\n"
        "::: enrichment Beyond\n$\\newcommand{\\rate}{k[A]^2 \\text{ SECRET}}$ Derive $\\rate$.\n:::\n"
    )
    _, problems = parse_lesson(body)
    assert [p for p in problems if "macro" in p] == [
        "units/a.md:16: macro '\\rate' is defined inside this '::: enrichment' block, but it applies to the whole"
        " page, as in MathJax: a formula outside the block that uses it shows what it stands for. Define it outside"
        " the block (or under 'macros:' in course.yml), or leave it out"
    ]
