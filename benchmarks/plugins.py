"""What masterysite's Markdown parser costs against the floor's, on the same unit bodies.

    python benchmarks/plugins.py [--units 1000] [--repeats 3] [--course DIR]

In one process, interleaved, median CPU seconds to parse and render every unit body:

- floor: markdown-it-py's CommonMark with tables (floor_render.py);
- plugins: masterysite's parser (parse/markdown.py: ``:::`` blocks, math, footnotes, definition
  lists, attributes, figures, anchors, highlighted code) with markdown-it-py's own rule loops;
- masterysite: the same parser as the build uses it, trying at each line and character only the
  rules that can start there (``tokenize_by_first_char``, ``terminators_by_first_char``).

The tokens of the last two are the same (tests/test_markdown_dispatch.py). The collector is
paused, as in the build. Rendering includes Pygments highlighting, which the floor does not do:
its share is printed too.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from floor_render import body
from gen_course import generate_course
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from masterysite.parse import markdown


def parsers() -> dict[str, MarkdownIt]:
    return {
        "floor": MarkdownIt("commonmark").enable("table"),
        "plugins": markdown.with_markdown_its_loops(markdown.make_markdown.__wrapped__()),  # type: ignore[attr-defined]
        "masterysite": markdown.make_markdown.__wrapped__(),  # type: ignore[attr-defined]
    }


def cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--course", type=Path, help="an existing course folder (default: a generated one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="masterysite-plugins-") as tmp:
        course = args.course or Path(tmp)
        if args.course is None:
            generate_course(course, args.units)
        texts = [body(f.read_text(encoding="utf-8")) for f in sorted((course / "units").glob("*.md"))]
    mds = parsers()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in mds}
    highlight: list[float] = []
    gc.disable()
    for _ in range(args.repeats):
        for name, md in mds.items():
            tokens: list[list[object]] = []
            parse = cpu(lambda md=md, tokens=tokens: tokens.extend(md.parse(t, {}) for t in texts))
            render = cpu(lambda md=md, tokens=tokens: [md.renderer.render(t, md.options, {}) for t in tokens])
            times[name].append((parse, render))
            del tokens
            gc.collect()
        spent = 0.0
        original = markdown.highlight
        for text in texts:
            for fence in mds["masterysite"].parse(text, {}):
                if fence.type == "fence" and fence.info:
                    start = time.process_time()
                    original(fence.content, fence.info.split()[0], "")
                    spent += time.process_time() - start
        highlight.append(spent)
    floor = statistics.median(p + r for p, r in times["floor"])
    print(f"{len(texts)} unit bodies, median CPU of {args.repeats} interleaved rounds (parse + render):")
    for name, runs in times.items():
        parse, render = statistics.median(p for p, _ in runs), statistics.median(r for _, r in runs)
        total = parse + render
        print(f"  {name:12s} {parse:6.2f} s + {render:5.2f} s = {total:6.2f} s  ({total / floor:.2f}x)")
    print(f"  of which Pygments highlighting (masterysite, not the floor): {statistics.median(highlight):.2f} s")


if __name__ == "__main__":
    main()
