"""Never silent: structural mistakes that Markdown would quietly turn into a broken page.

An HTML comment never closed (it would hide or publish the rest of the file), a code fence never closed
(it would swallow the rest of its block: answers, feedback), a code fence opened on a choice or answer
line, content past the nesting limit, a block inside another with a fence as long. Each is one error at
its line. A comment or fence left open is then *repaired* in a copy of the text (the comment closed at
the end of its line, the fence's opening line blanked) and the unit parsed again, so what it would have
swallowed is still checked and gives no follow-on errors: one message per root cause.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.token import Token

from masterysite.errors import Problem, Report
from masterysite.parse.markdown import OPENER, PROBLEMS, problem

_CLOSING_FENCE = re.compile(r"(`{3,}|~{3,})[ \t]*$")
_PREFIX = re.compile(r"^[ \t>]*")  # list indentation and quote markers before a line's content
_FENCE_ON_MARKER = re.compile(r"(?:\[[ xX]\]|={1,2}|~)[ \t]*(`{3,}|~{3,})")
REPAIRED = ("comment", "fence", "raw-open", "ticked-info")
_TICKED = re.compile(r"(`{3,})([^`]*`.*)")  # '```js title="The `x` call"': CommonMark's paragraph, not a fence
_RAW_OPEN = re.compile(r"[ \t]*<(?:(script|pre|style|textarea)(?=[\s>]|$)|(\?)|(!\[CDATA\[)|(![A-Za-z]))", re.I)
FENCE_ON_CHOICE = "a code fence cannot start on a choice line: start it on the next line, indented under the choice"
FENCE_ON_ANSWER = "a code fence cannot start on an answer line: write '== answer' (exact) on one line"
REPAIRS = "masterysite_repairs"  # env key: body lines changed by repair()
MARKERS = "masterysite_fence_markers"  # env key: body lines of choice/answer lines that open a fence


def _line_in(token: Token, text: str, index: int) -> int:
    return (token.map[0] if token.map else 0) + text.count("\n", 0, index)


def _unclosed_comments(tokens: list[Token], env: dict[str, Any]) -> list[int]:
    """Lines (of the body) where a ``<!--`` opens a comment that never closes."""
    found = []
    for token in tokens:
        text = token.content
        if "<!--" not in text:
            continue
        if token.type == "html_block":
            start = text.rfind("<!--")
            if start >= 0 and "-->" not in text[start + 4 :]:
                found.append(_line_in(token, text, start))
        elif token.type == "inline" and any(c.type == "text" and "<!--" in c.content for c in token.children or []):
            found.append(_line_in(token, text, max(text.find("<!--"), 0)))
    for line in found:
        problem(env, "comment", line)
    return found


def _unclosed_raw(tokens: list[Token], env: dict[str, Any]) -> list[tuple[int, str]]:
    """(body line, what closes it) of each ``<pre>``, ``<script>``, ``<style>``, ``<textarea>``, ``<?``,
    ``<!X`` or CDATA opened and never closed: CommonMark shows the rest of the file as it is written,
    every question's answers and feedback included."""
    found = []
    for token in tokens:
        match = _RAW_OPEN.match(token.content) if token.type == "html_block" else None
        if match is None or token.map is None:
            continue
        tag = match.group(1)
        close = f"</{tag.lower()}>" if tag else "?>" if match.group(2) else "]]>" if match.group(3) else ">"
        lines = token.content[match.end() :].rstrip("\n").split("\n")
        swallows = any(OPENER.match(line.lstrip()) for line in lines[1:])  # '<!DOCTYPE' ... '> explanation'
        if close.lower() not in lines[-1].lower() or swallows:  # (the block ends on the closing line)
            problem(env, "raw-open", token.map[0], opened=token.content.split(None, 1)[0][:20], close=close)
            found.append((token.map[0], close))
    return found


def _closed(fence: Token, lines: list[str]) -> bool:
    if not fence.map or fence.map[1] - fence.map[0] < 2 or fence.map[1] > len(lines):
        return False
    last = _CLOSING_FENCE.fullmatch(_PREFIX.sub("", lines[fence.map[1] - 1]))
    return last is not None and last.group(1)[0] == fence.markup[0] and len(last.group(1)) >= len(fence.markup)


def _fences(tokens: list[Token], lines: list[str], env: dict[str, Any], closes: set[int] | None = None) -> list[int]:
    """Lines to blank: fences never closed, each reported once; one that only follows a fence opened on
    a choice or answer line is that mistake's consequence, not a second one, and so is one opened by the
    closing line of a fence whose words hold a backtick (``closes``: see _ticked_infos)."""
    blank = []
    after_marker = False
    for token in tokens:
        if token.type == "inline" and token.map:
            marker = _FENCE_ON_MARKER.match(token.content)
            if marker and any(c.type == "text" and marker.group(1) in c.content for c in token.children or []):
                env.setdefault(MARKERS, []).append((token.map[0], token.content.startswith("[")))
                after_marker = True
        elif token.type == "fence" and token.map and not token.meta.get("directive"):  # (MyST's: parse/myst.py)
            if token.map[0] in (closes or ()):
                continue
            if not _closed(token, lines):
                if not after_marker:
                    problem(env, "fence", token.map[0], fence=token.markup)
                blank.append(token.map[0])
            after_marker = False
    return blank


def _ticked_infos(tokens: list[Token], lines: list[str], env: dict[str, Any]) -> list[tuple[int, int | None]]:
    """(line, line of its closing fence or None) of each line written as a code fence whose words after the
    backticks hold a backtick (javascript.info's '```js header="The `x` call"'): CommonMark reads it as text,
    so the block's closing fence opens one that swallows what follows, and the error came far below."""
    found = []
    for token in tokens:
        if token.type != "inline" or not token.map or "```" not in token.content:
            continue
        for number in range(token.map[0], min(token.map[1], len(lines))):
            ticked = _TICKED.fullmatch(_PREFIX.sub("", lines[number]).rstrip())
            ticks = ticked.group(1) if ticked else ""
            if not ticked or re.search(f"(?<!`){ticks}(?!`)", ticked.group(2)):  # ('```a``` b': a code span)
                continue
            end = next(
                (
                    after
                    for after in range(number + 1, len(lines))
                    if (fence := _CLOSING_FENCE.fullmatch(_PREFIX.sub("", lines[after])))
                    and fence.group(1)[0] == "`"
                    and len(fence.group(1)) >= len(ticks)
                ),
                None,
            )
            problem(env, "ticked-info", number, written=_PREFIX.sub("", lines[number]).strip()[:60], fence=ticks)
            found.append((number, end))
    return found


def _as_tildes(line: str) -> str:
    """The line with its run of backticks (after list indentation or quote markers) as as many tildes."""
    at = len(_PREFIX.match(line)[0])  # type: ignore[index]  # (it matches every line, if only emptily)
    ticks = len(line[at:]) - len(line[at:].lstrip("`"))
    return line[:at] + "~" * ticks + line[at + ticks :]


def repair(body: str, tokens: list[Token], env: dict[str, Any]) -> str | None:
    """Report comments and fences left open; the body with them closed, or None when there were none."""
    lines = body.split("\n")
    comments = _unclosed_comments(tokens, env)
    ticked = _ticked_infos(tokens, lines, env)
    fences = _fences(tokens, lines, env, {end for _, end in ticked if end is not None})
    raw = _unclosed_raw(tokens, env)
    if not comments and not fences and not raw and not ticked:
        return None
    for line, end in ticked:  # a tilde fence may hold backticks in its info: read as the teacher meant
        lines[line] = _as_tildes(lines[line])
        if end is not None:
            lines[end] = _as_tildes(lines[end])
    for line in comments:
        lines[line] += " -->"
    for line in fences:
        lines[line] = ""
    for line, close in raw:
        lines[line] += " " + close
    env[REPAIRS] = comments + fences + [line for line, _ in raw] + [line for line, _ in ticked]
    return "\n".join(lines)


def kept_after_repair(env: dict[str, Any]) -> dict[str, Any]:
    """A fresh env for the second parse, keeping only what the repair itself reported."""
    kept = [p for p in env.get(PROBLEMS, []) if p[0] in REPAIRED]
    return {PROBLEMS: kept, REPAIRS: env.get(REPAIRS, []), MARKERS: env.get(MARKERS, [])}


def report_problems(env: dict[str, Any], path: str, offset: int, report: Report) -> None:
    """What the Markdown passes noticed (``env[PROBLEMS]``), as ``path:line:`` errors, once each."""
    seen: set[tuple[str, int]] = set()
    nesting = False
    problems = env.get(PROBLEMS, [])
    unknown: dict[str, list[int]] = {}  # an unknown block name: said once, with the lines of the others
    for kind, at, details in problems:
        if kind == "unknown" and at not in unknown.setdefault(details["name"], []):
            unknown[details["name"]].append(at)
    for kind, at, details in problems:
        if (kind, at) in seen or (kind == "nesting" and nesting):
            continue  # one message per root cause
        if kind == "same-fence" and any(  # (a block that may not be inside at all: its fence does not matter)
            p.path == path and p.line == at + offset + 1 and "cannot be inside" in p.message for p in report.errors
        ):
            continue
        seen.add((kind, at))
        nesting = nesting or kind == "nesting"
        message = _message(kind, details, offset)
        if kind == "unknown":
            lines = unknown[details["name"]]
            if at != lines[0]:
                continue
            if len(lines) > 1:
                shown = ", ".join(str(n + offset + 1) for n in lines[1:6]) + (", …" if len(lines) > 6 else "")
                message += f" (and {len(lines) - 1} more in this unit: line{'s' if len(lines) > 2 else ''} {shown})"
        report.error(path, at + offset + 1, message)


def _message(kind: str, details: dict[str, Any], offset: int) -> str:
    from masterysite.parse.lesson import unknown_block  # lesson.py reports through this module

    if kind == "unknown":
        return unknown_block(details["name"], details.get("braces", False))
    if kind == "unknown-admonition":
        from masterysite.parse.admonitions import unknown_admonition

        return unknown_admonition(details["marker"], details["tag"])
    if kind == "closing-word":
        fence = details["fence"]
        return f"a closing '{fence}' takes no word after it ('{fence} {details['rest']}'): write '{fence}' alone"
    if kind == "unclosed":
        opening = details.get("written") or f"{details['fence']} {details['name']}"
        return f"'{opening}' block is never closed: add a line '{details['fence']}' after it"
    if kind == "same-fence":
        outer, fence = details["name"], ":" * details["colons"]
        longer = ":" * (max(details["colons"], details["inner_colons"]) + 1)
        return (
            f"'{details['inner']}' is opened inside '{fence} {outer}' (line {details['start'] + offset + 1})"
            f" with a fence just as long, which would end '{outer}' early: give '{outer}' a longer fence"
            f" ('{longer} {outer}' ... '{longer}')"
        )
    if kind == "nesting":
        return (
            f"lists, quotes and blocks nested more than {details['limit']} deep: what is inside would not be"
            " shown; nest less deeply"
        )
    if kind == "quiz-class":
        name = details["name"]
        block = f"::: {name} OBJECTIVE" if name != "enrichment" else "::: enrichment Title"
        return (
            f"'{{: .{name}}}' after a quote does not make a quiz block: the quote would be shown to everyone;"
            f" write it as '{block}' … ':::'"
            + (
                " (an exercise shown in the lesson, as the Galaxy Training Network's question box: '{: .challenge}')"
                if name == "question"
                else ""
            )
        )
    if kind == "liquid-comment":
        if details.get("written") == "{::comment}":
            return "'{::comment}' is never closed: end it with '{:/comment}' (as it is, it hides the rest)"
        return "'{% comment %}' is never closed: end it with '{% endcomment %}' (as it is, it hides the rest)"
    if kind == "comment":
        return "HTML comment '<!--' is never closed: end it with '-->' (as it is, it hides or shows the rest)"
    if kind == "fence":
        return f"code block '{details['fence']}' is never closed: add a line '{details['fence']}' after the code"
    if kind == "ticked-info":
        fence = details["fence"]
        return (
            f"'{details['written']}' is not a code fence: what follows '{fence}' cannot hold a backtick, so the"
            f" block's closing '{fence}' would open one that swallows the rest; write it without backticks, or"
            f" open and close the block with '{'~' * len(fence)}'"
        )
    if kind == "hidden-footnote" and details.get("referred"):
        return (
            f"footnote '{details['written']}' is referred to only inside this '::: {details['name']}' block, which is"
            " never published, but its text is shown at the end of the lesson, for everyone: write what it says in"
            " the block itself, or leave it out"
        )
    if kind == "hidden-footnote":
        return (
            f"footnote '{details['written']}' is written in this '::: {details['name']}' block, which is never"
            " published, but footnotes are shown at the end of the lesson, for everyone: move it out, or leave it out"
        )
    if kind == "short-close":
        fence, name = ":" * details["colons"], details["name"]
        return (
            f"'{details['fence']}' would end '{fence} {name}' (line {details['start'] + offset + 1}), opened with a"
            f" longer fence, and show the rest of it in the lesson: end it with '{fence}', or remove this line"
        )
    if kind == "callout-question":
        return (
            f"'{details['written']}' is a callout box, shown in the lesson with all it holds, its answer too: a quiz"
            " question is written '::: question OBJECTIVE' (one checked on the spot, that never counts: '::: practice')"
        )
    if kind == "raw-open":
        return (
            f"'{details['opened']}' is never closed: end it with '{details['close']}' (as it is, the rest of the"
            " file is shown as it is written, answers included)"
        )
    return kind


def without_follow_ons(
    problems: list[Problem], tokens: list[Token], env: dict[str, Any], path: str, offset: int
) -> list[Problem]:
    """The block parser's findings, less those inside a block where a comment or fence was left open:
    there they are the open comment's or fence's consequences (already reported), not new mistakes.
    A fence opened on a choice or answer line is the cause itself: the question's parser names it
    (the same words are used here when it could not, e.g. when no answer was left to find)."""
    repaired = env.get(REPAIRS, [])
    spans = [
        (t.map[0] + offset + 1, t.map[1] + offset + 1)
        for t in tokens
        if t.type == "container_block_open" and t.map and any(t.map[0] <= r < t.map[1] for r in repaired)
    ]
    markers = {line + offset + 1: choice for line, choice in env.get(MARKERS, [])}
    kept = [p for p in problems if p.line in markers or not any(start <= p.line <= end for start, end in spans)]
    named = {p.line for p in kept}
    for line, choice in markers.items():
        if line not in named:
            kept.append(Problem(path, line, FENCE_ON_CHOICE if choice else FENCE_ON_ANSWER))
    return kept
