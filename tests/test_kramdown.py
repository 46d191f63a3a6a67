"""Jekyll-era Carpentries lessons: kramdown's ``{: .challenge}`` lines after a blockquote make it the
lesson block it names, ``{: .language-bash}`` names a code block's language, and ``{: #id}`` works
wherever ``{#id}`` does. Liquid templates in links are named as such."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from conftest import HEAD, MakeCourse, files_holding, parse_lesson

from masterysite.cli import main

OLD_STYLE = """> ## Sorting files
> Which command sorts?
>
> > ## Solution
> > `sort`
> {: .solution}
{: .challenge}

~~~
ls -F
~~~
{: .language-bash}

~~~
data/
~~~
{: .output}

## Setup {: #set-up }

> ## Remember
> Point.
{: .callout}

> Just a quotation.
{: .epigraph}

> SECRET note for instructors.
{: .instructor}
"""


def test_blockquotes_with_a_lesson_blocks_class_are_that_block() -> None:
    html, problems = parse_lesson(OLD_STYLE)
    assert problems == []
    assert "{:" not in html and "SECRET" not in html
    assert re.findall(r'class="ms-(\w+) ms-\w+--(\w+)"', html) == [
        ("practice", "practice"),
        ("collapsed", "solution"),
        ("callout", "callout"),
    ]
    assert '<p class="ms-practice__title" id="ms-block-1-title">Sorting files</p>' in html
    assert "<summary>Solution</summary>\n<p><code>sort</code></p>\n</details>\n</section>" in html
    assert '<blockquote class="epigraph">\n<p>Just a quotation.</p>\n</blockquote>' in html


def test_code_blocks_take_the_language_and_headings_the_id() -> None:
    html, _ = parse_lesson(OLD_STYLE)
    assert '<pre class="highlight"><code class="language-bash">ls' in html  # highlighted as bash
    assert '<pre><code class="output">data/' in html
    assert '<h2 id="set-up">Setup</h2>' in html


def test_an_attribute_line_that_follows_nothing_or_is_not_one_stays_harmless() -> None:
    html, problems = parse_lesson("{: .challenge}\n\nText {: .x} and {: not attributes}\n{: onclick='x'}\n")
    assert problems == [  # applied to the paragraph before it, and refused (never silently)
        "units/a.md:7: warning: attribute 'onclick' is not kept (attributes kept: id, class, alt, title, width,"
        " height, lang, dir) [attribute]"
    ]
    assert "challenge" not in html and "onclick" not in html
    assert "<p>Text {: .x} and {: not attributes}</p>" in html


def test_an_old_carpentries_episode_builds_clean(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course({"course.yml": "title: T\n", "units/a.md": HEAD + OLD_STYLE})
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "{:" not in page and "SECRET" not in page and "ms-practice" in page


def test_a_liquid_template_in_a_link_is_named() -> None:
    _, problems = parse_lesson(
        "![Forking]({{ page.root }}/fig/forking.svg)\n\n[template]({{ site.template_repo }})\n\n[a](my file.md)\n"
    )
    assert problems == [
        "units/a.md:5: this image is shown as plain text: '{{ page.root }}' is a Jekyll (Liquid) template, which"
        " is not read here: write the path from this unit, like ![Forking](fig/forking.svg) with the lesson's"
        " fig/ folder copied into units/",
        "units/a.md:7: this link is shown as plain text: '{{ site.template_repo }}' is a Jekyll (Liquid) template,"
        " which is not read here: write the path from this unit, or a web address",
        "units/a.md:9: this link is shown as plain text because its path has a space: write [a](<my file.md>)",
    ]


def test_liquid_comments_are_dropped_and_raw_tags_leave_their_content(make_course: MakeCourse, tmp_path: Path) -> None:
    """Jekyll lessons keep instructor notes in '{% comment %}': never published, as Jekyll never did."""
    body = (
        "Intro.\n\n{% comment %}\nSECRET instructor note: the answer is 42.\n\nMore.\n{% endcomment %}\n\n"
        "After {% raw %}${{ x }}{% endraw %} here.\n\n```liquid\n{% comment %} shown {% endcomment %}\n```\n\n"
        "{% include links.md %}\nLine after.\n"
    )
    html, problems = parse_lesson(body)
    assert "SECRET" not in html and "<p>After ${{ x }} here.</p>" in html
    assert "comment</span>" in html  # in a code block: shown as written
    assert problems == [  # at its own line: the comment's lines still count
        "units/a.md:19: warning: Jekyll (Liquid) tag '{% include links.md %}' is shown as text: it is not read here"
        " (an include: paste the included file's content in its place)"
        " [shown-as-text]"
    ]
    root = make_course({"course.yml": "title: T\n", "units/a.md": HEAD + body})
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert files_holding(tmp_path / "site", b"SECRET") == []


def test_instructor_attribute_lines_hide_any_block_and_unsafe_attributes_are_reported_once() -> None:
    body = (
        "Para.\n\nSECRET1 para\n{: .instructor}\n\n~~~\nSECRET2 code\n~~~\n{: .instructor}\n\n"
        "- SECRET3 list\n{: .instructor}\n\n| a |\n|---|\n| SECRET4 |\n{: .instructor}\n\nKept.\n\n"
        '> ## T\n> x\n{: onclick="alert(1)" .challenge}\n'
    )
    html, problems = parse_lesson(body)
    assert "SECRET" not in html and "<p>Para.</p>\n<p>Kept.</p>" in html and "ms-practice" in html
    assert problems == [
        "units/a.md:25: warning: attribute 'onclick' is not kept (attributes kept: id, class, alt, title, width,"
        " height, lang, dir) [attribute]"
    ]


def test_liquid_advice_fits_what_the_link_points_to() -> None:
    _, problems = parse_lesson(
        "[g]({{ page.root }}/reference.html#shell)\n\n[e]({{ page.root }}/02-filedir/index.html)\n\n"
        "![n]({{page.root}}/fig/x.svg)\n"
    )
    assert [p.split("template, which is not read here: ")[1] for p in problems] == [
        "write a link to its unit file (reference.md#shell), if the course has it",
        "write a link to its unit file (02-filedir.md), if the course has it",
        "write the path from this unit, like ![...](fig/x.svg) with the lesson's fig/ folder copied into units/",
    ]


def test_liquid_in_code_never_decides_what_a_comment_hides() -> None:
    shown = "Like this:\n\n~~~\n{% comment %} a note\n~~~\n\n{% comment %}\nSECRET\n{% endcomment %}\n\nAfter.\n"
    html, problems = parse_lesson(shown)
    assert "SECRET" not in html and "{% comment %} a note" in html and "<p>After.</p>" in html and problems == []
    html, _ = parse_lesson("Intro\n{% comment %}\nnote\n{% endcomment %}\n\n~~~\n{% raw %}{{ a }}{% endraw %}\n~~~\n")
    assert "{% raw %}{{ a }}{% endraw %}" in html  # code shown as written, after a comment went
    html, _ = parse_lesson("Wrap it in `{% raw %}` and `{% endraw %}`; `{% comment %}` … `{% endcomment %}` too.\n")
    assert "<code>{% raw %}</code> and <code>{% endraw %}</code>" in html and "<code>{% endcomment %}</code>" in html
    html, problems = parse_lesson("Text\n\n{% comment %}\nSECRET\n\nMore.\n")
    assert problems == [
        "units/a.md:7: '{% comment %}' is never closed: end it with '{% endcomment %}' (as it is, it hides the rest)"
    ]


def test_an_attribute_line_before_a_block_is_that_blocks() -> None:
    """kramdown: after an empty line and right before a block, the line applies to that block."""
    html, _ = parse_lesson("Public paragraph.\n\n{: .instructor}\n> SECRET\n\n{: .lead}\nLead.\n\n{: .x}\n\nAlone.\n")
    assert "SECRET" not in html and "<p>Public paragraph.</p>" in html
    assert '<p class="lead">Lead.</p>' in html and "<p>Alone.</p>" in html


def test_liquid_variables_are_said_once_a_unit_and_a_tag_over_lines_where_it_stands() -> None:
    """hpc-intro: '{{ site.sched.name }}' in the text and every command (78 in one episode), and a
    '{% include figure.html … %}' written over three lines, whose figure was lost, both silently."""
    body = (
        "Submit with `{{ site.sched.submit.name }}` to {{ site.sched.name }}.\n\n"
        "```\n{{ site.remote.prompt }} {{ site.sched.submit.name }} job.sh\n```\n\n"
        '{% include figure.html max-width="75%" caption=""\n   file="/fig/queue.svg"\n   alt="A queue" %}\n'
    )
    assert parse_lesson(body)[1] == [
        "units/a.md:5: warning: Jekyll (Liquid) variable '{{ site.sched.submit.name }}' is shown as text, as are"
        " 3 more in this unit: Liquid is not read here; write each one's value instead [shown-as-text]",
        'units/a.md:11: warning: Jekyll (Liquid) tag \'{% include figure.html max-width="75%" caption=""'
        " file=\"/...' is shown as text: write the figure as a Markdown image, ![A queue](fig/queue.svg)"
        " [shown-as-text]",
    ]


def test_kramdown_comments_are_dropped_and_one_never_closed_is_an_error() -> None:
    """kramdown's '{::comment}' … '{:/comment}' (or '{:/}'), a block or inline, as Jekyll drops it; in code
    it is shown; never closed, it would hide the rest: an error at its line, as '{% comment %}' is."""
    html, problems = parse_lesson(
        "Sorting.\n\n{::comment}\nInstructor: SECRET, the answer is `ls -S`.\n{:/comment}\n\n"
        "A {::comment}SECRET inline{:/} B, and `{::comment}` in code.\n"
    )
    assert problems == [] and "SECRET" not in html
    assert "<p>Sorting.</p>" in html and "<p>A  B, and <code>{::comment}</code> in code.</p>" in html
    html, problems = parse_lesson("A\n\n{::comment}\nSECRET never closed\n")
    line = HEAD.count("\n") + 3
    assert "SECRET" not in html
    assert problems == [
        f"units/a.md:{line}: '{{::comment}}' is never closed: end it with '{{:/comment}}' (as it is, it hides the rest)"
    ]


def test_a_quiz_class_after_a_quote_is_an_error_and_the_quote_never_published() -> None:
    """'{: .enrichment}' (or '.question', '.corrective') after a quote, as '{: .challenge}' makes a
    Carpentries box: it is not a quiz block; the quote, for everyone to read, is an error at its line."""
    html, problems = parse_lesson("Intro.\n\n> ## Going further\n> SECRET extension.\n{: .enrichment}\n\nAfter.\n")
    assert "SECRET" not in html and "After." in html
    assert problems == [
        f"units/a.md:{HEAD.count(chr(10)) + 3}: '{{: .enrichment}}' after a quote does not make a quiz block: the quote"
        " would be shown to everyone; write it as '::: enrichment Title' … ':::'"
    ]
    _, problems = parse_lesson("Intro.\n\n> ### Question\n> Which tool?\n{: .question}\n")
    assert problems[0].endswith(
        "write it as '::: question OBJECTIVE' … ':::' (an exercise shown in the lesson, as the Galaxy Training"
        " Network's question box: '{: .challenge}')"
    )


def test_a_block_name_after_a_code_block_or_a_paragraph_makes_it_that_block() -> None:
    """'{: .solution}' after a code block (a Jekyll tutorial's whole solution) had been dropped, the code
    shown open; Just the Docs' '{: .note}' before a paragraph gave a plain paragraph; '{: .challenge :}'
    (kramdown's other way to close) was published as text (port s)."""
    from conftest import boxes

    html, problems = parse_lesson(
        "Check your code.\n\n```js\nposts.push(SECRET);\n```\n{: .solution }\n\n{: .note }\nA note.\n\n"
        "> ## Challenge\n> What is 2+2?\n{: .challenge :}\n\n~~~\nls\n~~~\n{: .output}\n"
    )
    assert problems == []
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--solution", "<!--ms-t:block_solution-->"),
        ("aside", "ms-callout ms-callout--note", "<!--ms-t:block_note-->"),
        ("section", "ms-practice ms-practice--practice", "Challenge"),
    ]
    assert html.index("SECRET") > html.index("ms-collapsed--solution") and "{:" not in html
    assert '<pre><code class="output">ls' in html or 'class="output"' in html


def test_a_kramdown_table_of_contents_shows_nothing() -> None:
    """Just the Docs' '1. TOC' / '{:toc}' in its '<details markdown="block">' box had been shown as a list
    item "TOC {:toc}" under "{: .text-delta }" (port s): the unit's "On this page" lists the headings.
    In code it stays; a box that holds more than the table keeps the rest."""
    jtd = (
        '<details open markdown="block">\n  <summary>\n    Table of contents\n  </summary>\n'
        "  {: .text-delta }\n1. TOC\n{:toc}\n</details>\n\n## Setup\n\nText.\n"
    )
    html, problems = parse_lesson(jtd)
    assert problems == [] and html == '<h2 id="setup">Setup</h2>\n<p>Text.</p>\n'
    html, _ = parse_lesson("* TOC\n{: toc}\n\nText.\n")
    assert html == "<p>Text.</p>\n"
    html, _ = parse_lesson("```\n* TOC\n{:toc}\n```\n")
    assert "{:toc}" in html
    html, _ = parse_lesson("<details>\n<summary>More</summary>\n\nKept.\n\n* TOC\n{:toc}\n</details>\n")
    assert "Kept." in html and "TOC" not in html and "<details>" in html


def test_jekyll_block_tags_are_code_a_collapsed_block_or_left_out() -> None:
    """'{% highlight python %}' code had been read as Markdown (a comment became a heading), CS50's
    '{% spoiler "Solution" %}' showed its solution open, '{% capture %}' (never shown by Jekyll) was shown,
    and every tag was told 'an include: paste the included file's content' (port t 4, 5)."""
    html, problems = parse_lesson(
        "{% highlight python %}\n# a *starred* comment in __init__\nx = 2 * 3\n{% endhighlight %}\n\n"
        '{% spoiler "Solution" %}\nz = float(x) + float(y)\n{% endspoiler %}\n\n'
        "{% capture answer %}\nSECRET float\n{% endcapture %}\n\n{% next %}\n"
    )
    assert '<code class="language-python"><span class="c1"># a *starred* comment in __init__</span>' in html
    assert "<h1" not in html and "SECRET" not in html
    assert '<details class="ms-collapse' in html and "<summary>Solution</summary>" in html
    line = HEAD.count("\n") + 1
    assert problems == [
        f"units/a.md:{line + 9}: warning: Jekyll's '{{% capture answer %}}' … '{{% endcapture %}}' is left out:"
        " Jekyll never shows it by itself (a value for a later '{{ … }}', often an answer); write what students"
        " should see instead [left-out]",
        f"units/a.md:{line + 13}: warning: Jekyll (Liquid) tag '{{% next %}}' is shown as text: it is not read"
        " here: write what it should show, or leave it out [shown-as-text]",
    ]
    _, problems = parse_lesson('{% include figure.html filename="fig.svg" caption="The text" %}\n')
    assert problems[0].endswith("write the figure as a Markdown image, ![The text](fig.svg) [shown-as-text]")
    html, _ = parse_lesson("```\n{% highlight python %}\n# kept\n{% endhighlight %}\n```\n")
    assert "{% highlight python %}" in html
