"""The sealing primitives and protocol on the build's side (masterysite/shamir.py, sealing.py,
secret.py): published test vectors, the SLIP-0039 reference implementation, and the promises
of docs/theme.md "Sealed answers". The browser twins run the same vectors in
tests/browser/test_seal_primitives.py."""

from __future__ import annotations

import base64
import itertools
import json
import os
import random
from fractions import Fraction
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from masterysite import sealing, secret, shamir
from masterysite.errors import MasteryError
from masterysite.sealing import Part, Sealable

SUNSCREEN = (
    b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
    b"sunscreen would be it."
)
# RFC 8439 §2.8.2
AEAD_KEY = bytes(range(0x80, 0xA0))
AEAD_NONCE = bytes.fromhex("070000004041424344454647")
AEAD_AAD = bytes.fromhex("50515253c0c1c2c3c4c5c6c7")
AEAD_OUT = bytes.fromhex(
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
    "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116"
    "1ae10b594f09e26a7e902ecbd0600691"
)


def test_the_aead_is_rfc_8439() -> None:
    """The build seals with `cryptography`'s ChaCha20Poly1305: the RFC's AEAD vector, and our box layout."""
    assert ChaCha20Poly1305(AEAD_KEY).encrypt(AEAD_NONCE, SUNSCREEN, AEAD_AAD) == AEAD_OUT
    box = base64.b64decode(sealing.seal(AEAD_KEY, SUNSCREEN, sealing.Stream(b"seed")))
    assert ChaCha20Poly1305(AEAD_KEY).decrypt(box[:12], box[12:], None) == SUNSCREEN


def test_hkdf_is_rfc_5869() -> None:
    okm = sealing.hkdf(bytes(range(13)), b"\x0b" * 22, bytes(range(0xF0, 0xFA)), 42)
    assert okm.hex() == ("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
    key = sealing.hkdf(bytes(range(13)), b"\x0b" * 22, bytes(range(0xF0, 0xFA)))  # 32 bytes: one block
    assert key.hex() == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"


def test_a_box_opens_only_with_its_key() -> None:
    box = sealing.seal(b"k" * 32, b"hello", sealing.Stream(b"s"))
    assert sealing.unseal(b"k" * 32, box) == b"hello"
    assert sealing.unseal(b"j" * 32, box) is None
    assert sealing.unseal(b"k" * 32, box[:-4] + "AAA=") is None
    assert sealing.unseal(b"k" * 32, "not base64!") is None


# --- Shamir over GF(256) --------------------------------------------------------------------


def test_the_field_is_the_aes_field() -> None:
    """FIPS-197 §4.2: {57} x {83} = {c1}; §5.1.1: {53} and {ca} are inverses."""
    assert shamir.mul(0x57, 0x83) == 0xC1
    assert shamir.mul(0x53, 0xCA) == 0x01
    assert all(shamir.mul(a, 1) == a and shamir.mul(a, 0) == 0 for a in range(256))


def test_the_multiplication_table_is_the_product_of_logarithms() -> None:
    """shamir.MUL is made by XOR of rows (5 ms less at every start): each entry is still EXP[LOG a + LOG b]."""
    exp, log = shamir.EXP, shamir.LOG
    for a in range(256):
        assert list(shamir.MUL[a]) == [0 if a == 0 or b == 0 else exp[(log[a] + log[b]) % 255] for b in range(256)]


def reference_split(threshold: int, count: int, secret_bytes: bytes, stream: bytes) -> list[tuple[int, bytes]]:
    shamir_ref = pytest.importorskip("shamir_mnemonic.shamir")
    source = iter(stream)

    def take(n: int) -> bytes:
        return bytes(next(source) for _ in range(n))

    saved = shamir_ref.RANDOM_BYTES
    shamir_ref.RANDOM_BYTES = take
    try:
        return [(s.x, s.data) for s in shamir_ref._split_secret(threshold, count, secret_bytes)]
    finally:
        shamir_ref.RANDOM_BYTES = saved


@pytest.mark.parametrize(("threshold", "count"), [(1, 1), (1, 5), (2, 2), (2, 5), (3, 5), (5, 12), (16, 16)])
def test_split_is_the_slip_0039_reference(threshold: int, count: int) -> None:
    """Same randomness in, same shares out as python-shamir-mnemonic (Trezor's SLIP-0039 code)."""
    rng = random.Random(threshold * 100 + count)
    stream = bytes(rng.randrange(256) for _ in range(32 * 20))
    key = bytes(rng.randrange(256) for _ in range(32))
    source = iter(stream)
    mine = shamir.split(threshold, count, key, lambda n: bytes(next(source) for _ in range(n)))
    assert mine == reference_split(threshold, count, key, stream)
    shamir_ref = pytest.importorskip("shamir_mnemonic.shamir")
    for subset in itertools.islice(itertools.combinations(mine, threshold), 30):
        assert shamir.combine(threshold, list(subset)) == key
        assert shamir_ref._recover_secret(threshold, [shamir_ref.RawShare(x, d) for x, d in subset]) == key


def test_fewer_shares_than_the_threshold_do_not_recover_it() -> None:
    key = os.urandom(32)
    shares = shamir.split(4, 6, key, os.urandom)
    with pytest.raises(ValueError):
        shamir.combine(4, shares[:3])
    # Three shares plus a wrong fourth (from another split) are caught by the digest.
    other = shamir.split(4, 6, key, os.urandom)
    with pytest.raises(ValueError, match="belong together"):
        shamir.combine(4, [*shares[:3], other[3]])


def test_split_limits() -> None:
    with pytest.raises(ValueError):
        shamir.split(3, 2, os.urandom(32), os.urandom)
    with pytest.raises(ValueError):
        shamir.split(1, shamir.MAX_SHARES + 1, os.urandom(32), os.urandom)
    assert len(shamir.split(200, shamir.MAX_SHARES, os.urandom(32), os.urandom)) == shamir.MAX_SHARES


# --- the sealing protocol -------------------------------------------------------------------

SECRET = bytes(range(32))


def sample_questions() -> list[Sealable]:
    return [
        Sealable("q1", (Part(("t:colour", "t:color")),), "<p>Why colour</p>", review={"accepted": "colour"}),
        Sealable(
            "q2",
            (Part(("c:b",)),),
            None,
            (("a", "Not a: too small."), ("b", None), ("c", "Not c.")),
            review={"correct": ["b"]},
        ),
        Sealable("q3", (Part(("t:x",)), Part(("n:1/2",), unsealed=True)), "<p>two blanks</p>"),
        Sealable("q4", (Part(("n:3/4", "t:0.75")),), "<p>q4</p>"),
        Sealable("p1", (Part(("t:practice",)),), "<p>practice</p>", scored=False),
    ]


def sealed(content: bytes = b"v1", draw: int = 4, mastery: Fraction = Fraction(3, 4)) -> sealing.SealedUnit:
    return sealing.seal_unit(SECRET, "course", "unit", content, sample_questions(), draw, mastery, "<p>bonus</p>")


def test_a_right_form_opens_the_explanation_and_a_share() -> None:
    unit = sealed()
    right, payload = sealing.open_question(unit.questions[0], [["t:color"]])
    assert right == [True]
    assert payload is not None
    assert payload["explanation"] == "<p>Why colour</p>"
    assert payload["share"][0] == 0


def test_a_wrong_form_opens_nothing() -> None:
    unit = sealed()
    assert sealing.open_question(unit.questions[0], [["t:colr", "n:1/1"]]) == ([False], None)
    assert sealing.open_question(unit.questions[1], [["c:a"]]) == ([False], None)


def test_blanks_are_judged_one_by_one_and_open_together() -> None:
    q3 = sealed().questions[2]
    assert sealing.open_question(q3, [["t:x"], ["t:nope"]]) == ([True, False], None)
    # The second blank also takes a pattern or range: its part is published and used when it matched.
    right, payload = sealing.open_question(q3, [["t:x"], ["t:0.5"]], matched=[False, True])
    assert right == [True, True]
    assert payload is not None
    assert payload["explanation"] == "<p>two blanks</p>"
    assert q3["open"][0] is None
    assert isinstance(q3["open"][1], str)


def test_a_question_without_patterns_publishes_no_part() -> None:
    assert "open" not in sealed().questions[0]


def test_k_right_answers_recover_the_unit_key_and_open_review_and_enrichment() -> None:
    unit = sealed()
    assert unit.unit is not None
    assert unit.unit["k"] == 3  # ceil(3/4 * 4)
    answers = [[["t:colour"]], [["c:b"]], [["t:x"], ["n:1/2"]], [["n:3/4"]]]
    shares = []
    for data, response in zip(unit.questions, answers, strict=False):
        _, payload = sealing.open_question(data, response)
        assert payload is not None
        shares.append((payload["share"][0], base64.b64decode(payload["share"][1])))
    assert shamir.combine(3, shares[:3]) == unit.key
    assert shamir.combine(3, shares[1:]) == unit.key
    review = json.loads(sealing.unseal(unit.key, unit.unit["review"]) or b"")
    assert [r["key"] for r in review] == ["q1", "q2", "q3", "q4"]
    assert review[0]["accepted"] == "colour"
    assert sealing.unseal(unit.key, unit.unit["enrichment"]) == b"<p>bonus</p>"
    with pytest.raises(ValueError):
        shamir.combine(3, shares[:2])


def test_a_practice_question_carries_no_share() -> None:
    _, payload = sealing.open_question(sealed().questions[4], [["t:practice"]])
    assert payload == {"explanation": "<p>practice</p>", "share": None}


def test_feedback_opens_per_choice_and_every_box_has_one_length() -> None:
    q2 = sealed().questions[1]
    salt = base64.b64decode(q2["salt"])
    boxes = dict(q2["feedback"])
    assert set(boxes) == {"a", "b", "c"}  # also the choice without feedback: no box tells it apart
    assert len({len(box) for box in boxes.values()}) == 1
    opened = {c: sealing.unseal_once(sealing.feedback_key(salt, c), box) for c, box in boxes.items()}
    assert opened["a"] is not None
    assert opened["a"].rstrip(b"\0") == b"Not a: too small."
    assert opened["b"] is not None
    assert opened["b"].rstrip(b"\0") == b""


def test_the_unit_key_stays_and_everything_else_changes_when_the_unit_does() -> None:
    first, again, edited = sealed(b"v1"), sealed(b"v1"), sealed(b"v2")
    assert first.questions == again.questions and first.unit == again.unit  # rebuild: byte-identical
    assert edited.key == first.key
    assert edited.questions[0]["salt"] != first.questions[0]["salt"]
    assert edited.questions[0]["boxes"] != first.questions[0]["boxes"]
    assert sealing.unseal(first.key, edited.unit["enrichment"]) == b"<p>bonus</p>"  # type: ignore[index]


def test_unit_keys_differ_by_unit_course_and_secret() -> None:
    keys = {
        sealing.unit_key(SECRET, "c", "u"),
        sealing.unit_key(SECRET, "c", "v"),
        sealing.unit_key(SECRET, "d", "u"),
        sealing.unit_key(bytes(32), "c", "u"),
    }
    assert len(keys) == 4


@pytest.mark.parametrize(
    ("mastery", "draw", "k"), [(Fraction(4, 5), 5, 4), (Fraction(4, 5), 4, 4), (Fraction(7, 10), 10, 7), (1, 3, 3)]
)
def test_threshold_is_what_mastery_needs_in_one_draw(mastery: Fraction, draw: int, k: int) -> None:
    assert sealing.threshold(Fraction(mastery), draw) == k


def test_a_unit_without_a_quiz_has_no_unit_seal() -> None:
    unit = sealing.seal_unit(SECRET, "c", "u", b"", [], 0, Fraction(4, 5), "<p>bonus</p>")
    assert unit.unit is None and unit.questions == []


def test_no_plain_text_of_a_secret_in_the_sealed_data() -> None:
    text = json.dumps([sealed().questions, sealed().unit])
    for word in ("colour", "color", "Why", "too small", "bonus", "practice", "two blanks"):
        assert word not in text


# --- the course secret ----------------------------------------------------------------------


def test_the_secret_is_made_once_beside_the_course_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(secret.ENV, raising=False)
    first = secret.course_secret(tmp_path)
    assert len(first) == 32
    assert secret.course_secret(tmp_path) == first
    folder = tmp_path / secret.FOLDER
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "secret"]  # no temporary file left
    assert (folder / "secret").stat().st_mode & 0o077 == 0


def test_the_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    digits = "9c1f04e7b2a85d3610fe7a49c2db0865e13f7a2c94d0b8653e1a7f20c4d9b816"
    monkeypatch.setenv(secret.ENV, digits)
    assert secret.course_secret(tmp_path) == bytes.fromhex(digits)
    assert not (tmp_path / secret.FOLDER).exists()
    monkeypatch.setenv(secret.ENV, "a passphrase of a good length")  # (never: security round bb 2)
    with pytest.raises(MasteryError, match="MASTERYSITE_SECRET: this is not the 64 hex digits"):
        secret.course_secret(tmp_path)


def test_an_unreadable_secret_is_an_error_and_an_uncreatable_one_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(secret.ENV, raising=False)
    (tmp_path / secret.FOLDER).mkdir()
    (tmp_path / secret.FOLDER / "secret").write_text("", encoding="ascii")
    with pytest.raises(MasteryError, match="unreadable course secret"):
        secret.course_secret(tmp_path)
    # No folder for it (read-only, or .masterysite taken): a secret for this build only, and a warning.
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / secret.FOLDER).write_text("a file where the folder would go\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="masterysite.secret"):
        once, twice = secret.course_secret(blocked), secret.course_secret(blocked)
    assert len(once) == 32 and once != twice
    assert "cannot keep a course secret" in caplog.text and secret.ENV in caplog.text


def test_two_blanks_accepting_one_form_never_share_a_keystream() -> None:
    """Lockboxes carry no nonce: a key's boxes are told apart by their part's index. Two blanks that
    both accept 'x' have lockboxes under one key; with one nonce, the XOR of their ciphertexts would be
    the XOR of the two parts, which is Q, which opens the payload (explanation and share) unanswered."""
    q = Sealable("q", (Part(("t:x",)), Part(("t:x",))), "<p>SECRET explanation</p>")
    data = sealing.seal_unit(b"s" * 32, "c", "u", b"content", [q], 1, Fraction(1)).questions[0]
    first, second = (base64.b64decode(data["boxes"][i][0])[:32] for i in (0, 1))
    assert sealing.unseal_once(bytes(a ^ b for a, b in zip(first, second, strict=True)), data["payload"]) is None
    assert (sealing.open_question(data, [["t:x"], ["t:x"]])[1] or {})["explanation"] == "<p>SECRET explanation</p>"
    key = sealing.lockbox_key(base64.b64decode(data["salt"]), "t:x")
    assert sealing.unseal_once(key, data["boxes"][1][0], 0) is None and sealing.unseal_once(key, data["boxes"][1][0], 1)
