"""Deterministic synthetic course generator for the masterysite benchmarks.

Text is drawn from a word list with a seeded RNG so that every unit differs
(no identical paragraphs for a cache to exploit) while two runs with the same
seed produce byte-identical courses.

Usable on its own: ``python benchmarks/gen_course.py DIR --units 50``.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

WORDS = """
able about above across action active actual adapt add address adjust advance
after again against agree ahead align allow almost along already also always
amount angle answer apply approach area argue around arrange ask assume attempt
average balance base basic become before begin behind believe below benefit
better between beyond block board body bound branch bridge brief bring build
calculate call capture carry case cause center certain chain change chapter
check choose circle claim class clear close collect column combine common
compare complete compute concept condition connect consider constant contain
context continue control convert copy correct count cover create cross curve
data decide define degree depend derive describe design detail determine
develop differ digit direct discover discuss distance divide domain double draw
each early edge effect either element enough equal error estimate even event
every exact example expand explain express extend factor fact field figure final
find first fixed follow force form formula fraction frame function general give
goal graph group grow guess half handle happen height help hold idea identify
image include increase index infer input inside instance interval invert item
join judge keep key kind label large later layer lead learn least length level
limit line list local logic long loop main make manage map mark match matter
measure meet method middle model moment motion move multiply name narrow near
need network next node note notice number object observe obtain often open
operate order origin other outcome output pair part pattern place plan point
position power practice predict present problem process produce product proof
property prove provide quantity question quick range rate ratio reach read
reason record reduce region relate remain remove repeat replace represent
result return rule sample scale score second section select sense sequence
series set shape share short show side sign similar simple single size slope
small solve sort source space split square stage standard start state step
store strategy structure study subtract sum support surface symbol system table
take term test theory third total track transform tree trial true turn type
unit until update use value vary vector verify view volume weight whole width
window within word work write yield zero
""".split()  # noqa: SIM905 - a word list reads better as text

SECTION_TITLES = ["Foundations", "Building Up", "Connections", "Going Further"]


@dataclass(frozen=True)
class UnitFile:
    """One generated unit: its id, file path and title."""

    uid: str
    path: Path
    title: str


@dataclass(frozen=True)
class Course:
    """A generated course on disk."""

    root: Path
    units: list[UnitFile]


class TextGen:
    """Seeded source of words, sentences and paragraphs."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def title(self, n: int = 3) -> str:
        return " ".join(w.capitalize() for w in self.words(n).split())

    def sentence(self) -> str:
        words = self.words(self.rng.randint(8, 18)).split()
        i = self.rng.randrange(len(words))
        decor = self.rng.choice(["*{}*", "**{}**", "`{}`", "{}", "{}", "{}"])
        words[i] = decor.format(words[i])
        return " ".join(words).capitalize() + "."

    def paragraph(self, n_sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(n_sentences))


def slug(text: str) -> str:
    return "-".join(text.lower().split())


def lesson_list(t: TextGen, ordered: bool) -> str:
    items = [t.words(t.rng.randint(4, 10)) for _ in range(t.rng.randint(4, 6))]
    marks = [f"{i + 1}." if ordered else "-" for i in range(len(items))]
    return "\n".join(f"{m} {item}" for m, item in zip(marks, items, strict=True))


def lesson_table(t: TextGen) -> str:
    head = [t.title(1) for _ in range(4)]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * 4]
    for _ in range(5):
        cells = [t.words(1), str(t.rng.randint(1, 999)), t.words(2), f"{t.rng.random():.3f}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def lesson_code(t: TextGen) -> str:
    name, arg, acc = (t.words(1) + "_" + t.words(1)), t.words(1), t.words(1)
    k = t.rng.randint(2, 9)
    return "\n".join(
        [
            "```python",
            f"def {name}({arg}_values: list[float]) -> float:",
            f'    """{t.sentence()}"""',
            f"    {acc}_total = 0.0",
            f"    for value in {arg}_values:",
            f"        {acc}_total += value * {k}",
            f"    return {acc}_total / max(len({arg}_values), 1)",
            "",
            f"print({name}([{t.rng.randint(1, 9)}, {t.rng.randint(1, 9)}, {k}]))",
            "```",
        ]
    )


def lesson(t: TextGen) -> str:
    """About 1,500 words: intro, five sections, list, table and code."""
    parts = [t.paragraph(5)]
    extras = [lesson_list(t, False), lesson_table(t), lesson_code(t), lesson_list(t, True), ""]
    for extra in extras:
        parts.append(f"## {t.title()}")
        parts.extend(t.paragraph(t.rng.randint(4, 6)) for _ in range(3))
        if extra:
            parts.append(extra)
        parts.append(f"### {t.title(2)}")
        parts.append(t.paragraph(4))
    return "\n\n".join(parts)


def q_single(t: TextGen, obj: str) -> str:
    right = t.rng.randrange(4)
    lines = [f"::: question {obj}", t.sentence().rstrip(".") + "?", ""]
    for i in range(4):
        lines.append(f"- [{'x' if i == right else ' '}] {t.words(3)}")
        if i != right:
            lines.append(f"  > {t.sentence()}")
    return "\n".join(lines)


def q_multi(t: TextGen, obj: str) -> str:
    marks = ["x", "x", " ", " ", t.rng.choice(["x", " "])]
    t.rng.shuffle(marks)
    lines = [f"::: question {obj}", t.sentence().rstrip(".") + "? Select all that apply.", ""]
    lines += [f"- [{m}] {t.words(2)}" for m in marks]
    return "\n".join(lines)


def q_free(t: TextGen, obj: str, answers: list[str]) -> str:
    lines = [f"::: question {obj}", t.sentence().rstrip(".") + "?", ""]
    return "\n".join(lines + [f"= {a}" for a in answers])


def question(t: TextGen, kind: int, obj: str) -> str:
    """Kind 0..5: single, select-all, fraction, tolerance, text, decimal."""
    a, b = t.rng.randint(1, 8), t.rng.randint(9, 16)
    if kind == 0:
        body = q_single(t, obj)
    elif kind == 1:
        body = q_multi(t, obj)
    elif kind == 2:
        body = q_free(t, obj, [f"{a}/{b}"])
    elif kind == 3:
        body = q_free(t, obj, [f"{a / b:.2f} ± 0.01"])
    elif kind == 4:
        word = t.words(1)
        body = q_free(t, obj, [word, f"the {word}", f"{word}s"])
    else:
        body = q_free(t, obj, [f"{a * b / 10}"])
    explain = f"\n\n> {t.sentence()}" if kind % 2 == 0 else ""
    return body + explain + "\n:::"


def block(t: TextGen, head: str, n_paras: int) -> str:
    paras = [t.paragraph(3) for _ in range(n_paras)]
    return f"::: {head}\n" + "\n\n".join(paras) + "\n\n" + lesson_list(t, False) + "\n:::"


def requires(i: int, uids: list[str], rng: random.Random) -> str | None:
    """Mostly the previous unit; every 10th unit also an earlier one; some default."""
    if i == 0:
        return "[]"
    if i % 13 == 0:
        return None  # omitted: the spec's default (previous unit)
    deps = [uids[i - 1]]
    if i % 10 == 5 and i > 2:
        deps.insert(0, uids[rng.randrange(i - 1)])
    return "[" + ", ".join(deps) + "]"


def front_matter(uid: str, title: str, objs: dict[str, str], req: str | None) -> str:
    lines = ["---", f"id: {uid}", f"title: {title}"]
    if req is not None:
        lines.append(f"requires: {req}")
    lines.append("objectives:")
    lines += [f"  {k}: {v}" for k, v in objs.items()]
    lines += ["quiz:", "  draw: 5", "  shuffle: true", "---"]
    return "\n".join(lines)


def unit_text(t: TextGen, i: int, uids: list[str], title: str) -> str:
    objs = {f"obj-{c}": t.words(t.rng.randint(6, 12)).capitalize() for c in "abc"}  # plain: valid YAML
    ids = list(objs)
    parts = [front_matter(uids[i], title, objs, requires(i, uids, t.rng)), lesson(t)]
    parts += [question(t, q % 6, ids[q % 3]) for q in range(12)]
    parts += [block(t, f"corrective {o} {t.title()}", 2) for o in ids]
    parts.append(block(t, f"enrichment {t.title()}", 2))
    return "\n\n".join(parts) + "\n"


def course_yml(files: list[str]) -> str:
    n_sections = min(len(SECTION_TITLES), max(1, len(files) // 10))
    size = -(-len(files) // n_sections)
    lines = ["title: Synthetic Benchmark Course", "id: bench-course", "author: Bench Bot", "mastery: 80%"]
    lines += ["ignore: [number-form]", "units:"]  # (its '= 8/11' answers are fractions, meant as such)
    for s in range(n_sections):
        chunk = files[s * size : (s + 1) * size]
        lines.append(f"  - section: {SECTION_TITLES[s]}")
        lines.append("    units:")
        lines += [f"      - {name}" for name in chunk]
    return "\n".join(lines) + "\n"


def generate_course(root: Path, n_units: int, seed: int = 1234) -> Course:
    """Write course.yml and units/*.md under root; return what was written."""
    t = TextGen(random.Random(seed))
    (root / "units").mkdir(parents=True, exist_ok=True)
    uids = [f"u{i:04d}" for i in range(n_units)]
    units: list[UnitFile] = []
    for i, uid in enumerate(uids):
        title = t.title()
        path = root / "units" / f"{i:04d}-{slug(title)}.md"
        path.write_text(unit_text(t, i, uids, title), encoding="utf-8")
        units.append(UnitFile(uid, path, title))
    (root / "course.yml").write_text(course_yml([u.path.name for u in units]), encoding="utf-8")
    return Course(root, units)


def strip_front_matter(text: str) -> str:
    """The unit body: everything after the closing '---' of the front matter."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 3)
    return text if end < 0 else text[end + 5 :]


def write_mkdocs_project(course: Course, root: Path) -> Path:
    """A default-theme mkdocs project whose pages are the unit bodies."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Synthetic Benchmark Course\n", encoding="utf-8")
    for unit in course.units:
        body = strip_front_matter(unit.path.read_text(encoding="utf-8"))
        (docs / unit.path.name).write_text(f"# {unit.title}\n\n{body}", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: Synthetic Benchmark Course\n", encoding="utf-8")
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args()
    course = generate_course(args.dir, args.units, args.seed)
    print(f"wrote {len(course.units)} units to {course.root}")


if __name__ == "__main__":
    main()
