"""The browser's own sealing code (js/hmac.js, chacha20poly1305.js, shamir.js, seal.js, as
shipped in _static/masterysite.js) against the published test vectors, and against what the
build seals (masterysite/sealing.py, shamir.py): Python seals, the browser opens."""

from __future__ import annotations

import base64
import itertools
import os
from fractions import Fraction
from typing import Any

import pytest
from cryptography.hazmat.primitives.poly1305 import Poly1305
from playwright.sync_api import Page

from masterysite import sealing, shamir
from masterysite.sealing import Part, Sealable
from tests.test_sealing import AEAD_AAD, AEAD_KEY, AEAD_NONCE, AEAD_OUT, SUNSCREEN

CHACHA_OUT = (
    "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dabcd62b357"
    "1639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
    "5af90bbf74a35be6b40b8eedf2785e42874d"
)
# RFC 8439 Appendix A.5: decryption of a longer message with associated data.
A5_KEY = "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0"
A5_NONCE = "000000000102030405060708"
A5_AAD = "f33388860000000000004e91"
A5_SEALED = (
    "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0"
    "bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c855"
    "9797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e9"
    "9040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a"
    "0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130"
    "305beaba2eda04df997b714d6c6f2c29a6ad5cb4022b02709b"
    "eead9d67890cbb22392336fea1851f38"  # the tag
)
A5_PLAIN_START = b"Internet-Drafts are draft documents valid for a maximum of six months"

JS_HELPERS = """
window.hexb = (h) => new Uint8Array((h.match(/../g) || []).map((b) => parseInt(b, 16)));
window.bhex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
window.S = window.masterysite.seal;
"""


@pytest.fixture
def js(page: Page, file_root: str) -> Page:
    page.goto(file_root + "units/whole-and-parts.html")
    page.wait_for_function("() => window.masterysite && window.masterysite.seal")
    page.evaluate(JS_HELPERS)
    return page


def run(page: Page, body: str, arg: Any = None) -> Any:
    return page.evaluate(f"(arg) => {{ {body} }}", arg)


def test_chacha20_rfc_8439_2_4_2(js: Page) -> None:
    got = run(
        js,
        "return bhex(S.chacha20(hexb(arg.key), 1, hexb(arg.nonce), hexb(arg.plain)));",
        {"key": bytes(range(32)).hex(), "nonce": "000000000000004a00000000", "plain": SUNSCREEN.hex()},
    )
    assert got == CHACHA_OUT


def test_poly1305_rfc_8439_2_5_2(js: Page) -> None:
    got = run(
        js,
        "return bhex(S.poly1305(hexb(arg.key), hexb(arg.msg)));",
        {
            "key": "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b",
            "msg": b"Cryptographic Forum Research Group".hex(),
        },
    )
    assert got == "a8061dc1305136c6c22b8baf0c0127a9"


def test_poly1305_edges_match_the_build(js: Page) -> None:
    """Carries and the 2^130 - 5 wrap-around, checked against `cryptography`'s Poly1305."""
    cases = [
        (b"\x02" + bytes(31), b"\xff" * 16),
        (b"\x02" + bytes(15) + b"\xff" * 16, b"\x02" + bytes(15)),
        (b"\x01" + bytes(31), b"\xff" * 16 + b"\xf0" + b"\xff" * 15 + b"\x11" + bytes(15)),
        (b"\xff" * 32, b"\xff" * 65),
        (os.urandom(32), b""),
        *[(os.urandom(32), os.urandom(n)) for n in (1, 15, 16, 17, 31, 32, 33, 200)],
    ]
    got = run(
        js, "return arg.map(([k, m]) => bhex(S.poly1305(hexb(k), hexb(m))));", [[k.hex(), m.hex()] for k, m in cases]
    )
    assert got == [Poly1305.generate_tag(k, m).hex() for k, m in cases]


def test_aead_rfc_8439_2_8_2_and_a_5(js: Page) -> None:
    got = run(
        js,
        """
        const sealed = S.aeadSeal(hexb(arg.key), hexb(arg.nonce), hexb(arg.plain), hexb(arg.aad));
        const back = S.aeadOpen(hexb(arg.key), hexb(arg.nonce), sealed, hexb(arg.aad));
        const tampered = sealed.slice(); tampered[3] ^= 1;
        const a5 = S.aeadOpen(hexb(arg.a5key), hexb(arg.a5nonce), hexb(arg.a5sealed), hexb(arg.a5aad));
        return [bhex(sealed), back && bhex(back), S.aeadOpen(hexb(arg.key), hexb(arg.nonce), tampered, hexb(arg.aad)),
                S.aeadOpen(hexb(arg.key), hexb(arg.nonce), sealed, new Uint8Array(0)), a5 && bhex(a5)];
    """,
        {
            "key": AEAD_KEY.hex(),
            "nonce": AEAD_NONCE.hex(),
            "plain": SUNSCREEN.hex(),
            "aad": AEAD_AAD.hex(),
            "a5key": A5_KEY,
            "a5nonce": A5_NONCE,
            "a5sealed": A5_SEALED,
            "a5aad": A5_AAD,
        },
    )
    assert got[0] == AEAD_OUT.hex()
    assert got[1] == SUNSCREEN.hex()
    assert got[2] is None and got[3] is None
    assert bytes.fromhex(got[4]).startswith(A5_PLAIN_START)


def test_hmac_rfc_4231_and_hkdf_rfc_5869(js: Page) -> None:
    got = run(
        js,
        """return [
        bhex(S.hmacSha256(hexb(arg.jefe), hexb(arg.what))),
        bhex(S.hmacSha256(hexb(arg.long), hexb(arg.big))),
        bhex(S.hkdfSha256(hexb(arg.salt), hexb(arg.ikm), hexb(arg.info), 42))];""",
        {
            "jefe": b"Jefe".hex(),
            "what": b"what do ya want for nothing?".hex(),
            "long": (b"\xaa" * 131).hex(),
            "big": b"Test Using Larger Than Block-Size Key - Hash Key First".hex(),
            "salt": bytes(range(13)).hex(),
            "ikm": (b"\x0b" * 22).hex(),
            "info": bytes(range(0xF0, 0xFA)).hex(),
        },
    )
    assert got == [
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
    ]


def test_the_browser_field_and_the_build_field_agree(js: Page) -> None:
    got = run(
        js,
        """const out = [];
        for (let a = 0; a < 256; a += 7) for (let b = 0; b < 256; b += 5) out.push(S.gfMul(a, b));
        return out;""",
    )
    assert got == [shamir.mul(a, b) for a in range(0, 256, 7) for b in range(0, 256, 5)]


@pytest.mark.parametrize(("threshold", "count"), [(1, 3), (2, 3), (3, 5), (4, 12), (10, 30)])
def test_python_splits_the_browser_combines(js: Page, threshold: int, count: int) -> None:
    key = os.urandom(32)
    shares = shamir.split(threshold, count, key, os.urandom)
    subsets = list(itertools.islice(itertools.combinations(shares, threshold), 12))
    subsets.append(tuple(reversed(shares[-threshold:])))
    wrong = [*shares[: threshold - 1], (shares[threshold - 1][0], os.urandom(32))]
    got = run(
        js,
        """
        const toShares = (list) => list.map(([x, h]) => ({ x, data: hexb(h) }));
        const one = (list) => { const k = S.shamirCombine(arg.k, toShares(list)); return k && bhex(k); };
        const short = arg.k > 1 ? one(arg.subsets[0].slice(1)) : null;
        return { ok: arg.subsets.map(one), short, wrong: one(arg.wrong) };
    """,
        {
            "k": threshold,
            "subsets": [[[x, d.hex()] for x, d in s] for s in subsets],
            "wrong": [[x, d.hex()] for x, d in wrong],
        },
    )
    assert got["ok"] == [key.hex()] * len(subsets)
    assert got["short"] is None
    assert got["wrong"] == (None if threshold > 1 else wrong[0][1].hex())


def test_python_seals_the_browser_opens(js: Page) -> None:
    questions = [
        Sealable("q1", (Part(("t:colour", "t:color")),), "<p>Pourquoi « colour »</p>"),
        Sealable(
            "q2", (Part(("c:b",)),), None, (("a", "Pas a."), ("b", None), ("c", "Non — c.")), review={"correct": ["b"]}
        ),
        Sealable("q3", (Part(("t:x",)), Part(("n:1/2",), unsealed=True)), "<p>blanks</p>"),
    ]
    unit = sealing.seal_unit(bytes(32), "c", "u", b"x", questions, 3, Fraction(2, 3), "<p>enrichment ✓</p>")
    got = run(
        js,
        """
        const [q1, q2, q3] = arg.questions, seal = arg.unit;
        const p1 = S.openPart(q1, 0, ["t:colr", "t:color"]), bad = S.openPart(q1, 0, ["t:colr"]);
        const pay1 = S.openPayload(q1, [p1]);
        const p2 = S.openPart(q2, 0, ["c:b"]), pay2 = S.openPayload(q2, [p2]);
        const blank1 = S.openPart(q3, 0, ["t:x"]), blank2 = S.openPart(q3, 1, ["t:0.5"]);
        const pay3 = S.openPayload(q3, [blank1, S.fromBase64(q3.open[1])]);
        const key = S.unitKeyFrom(seal, [pay1.share, pay2.share]);
        const short = S.unitKeyFrom(seal, [pay1.share, pay1.share]);
        return { bad, explanation: pay1.explanation, x: [pay1.share.x, pay2.share.x, pay3.share.x],
                 blank2, explanation3: pay3.explanation,
                 feedback: ["a", "b", "c", "z"].map((c) => S.openFeedback(q2, c)),
                 key: key && bhex(key), short, review: S.openReview(seal, key), enrichment: S.openEnrichment(seal, key),
                 forged: S.openEnrichment(seal, new Uint8Array(32)) };
    """,
        {"questions": unit.questions, "unit": unit.unit},
    )
    assert got["bad"] is None
    assert got["explanation"] == "<p>Pourquoi « colour »</p>"
    assert got["x"] == [0, 1, 2]
    assert got["blank2"] is None  # "0.5" is not a sealed form: the pattern/range path uses the published part
    assert got["explanation3"] == "<p>blanks</p>"
    assert got["feedback"] == ["Pas a.", None, "Non — c.", None]
    assert got["key"] == unit.key.hex()
    assert got["short"] is None
    assert got["review"][1] == {"key": "q2", "correct": ["b"]}
    assert got["enrichment"] == "<p>enrichment ✓</p>"
    assert got["forged"] is None
    assert base64.b64decode(unit.questions[0]["salt"])  # the page data is what the browser got


def test_a_page_sealed_before_is_still_opened_by_this_script(js: Page) -> None:
    """A browser may keep a page sealed before (seal.v 1: every box with its nonce first) while it
    loads this script: its lockboxes, payloads and feedback open all the same; a wrong key opens none."""
    salt = bytes(range(16))
    part = bytes(range(32, 64))
    form_key = sealing.lockbox_key(salt, "t:color")
    stream = sealing.Stream(b"old page")
    old = {
        "salt": base64.b64encode(salt).decode(),
        "boxes": [[sealing.seal(form_key, part, stream)]],
        "payload": sealing.seal(part, b'{"explanation": "<p>old</p>", "share": null}', stream),
        "feedback": [["a", sealing.seal(sealing.feedback_key(salt, "a"), b"Not a.\0\0", stream)]],
    }
    got = run(
        js,
        """
        const q = arg, p = S.openPart(q, 0, ["t:colr", "t:color"]);
        return { part: p && bhex(p), wrong: S.openPart(q, 0, ["t:colr"]), payload: S.openPayload(q, [p]),
                 feedback: S.openFeedback(q, "a") };
        """,
        old,
    )
    assert got == {"part": part.hex(), "wrong": None, "payload": {"explanation": "<p>old</p>", "share": None},
                   "feedback": "Not a."}  # fmt: skip
