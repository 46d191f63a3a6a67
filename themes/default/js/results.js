/** Build-made HTML (feedback, explanations) in a labelled box. */
function htmlBox(cls, label, markup) {
  var box = el("div", { "class": cls, "data-added": "" }, [el("p", { "class": "label", text: label })]);
  var body = el("div", { "class": "prose" });
  body.innerHTML = markup; // from the build, decoded from this page's own data
  box.appendChild(body);
  watchScrollers(body);
  return box;
}

function showQuestionResult(r, reveal) {
  var node = page.quiz.nodes[r.q.key], verdict = node.querySelector("[data-verdict]");
  var after = node.querySelector("[data-after]"), review = reveal ? reviewOf(r.q.key) : null;
  var hint = node.querySelector("[data-show-hint]");
  node.disabled = true;
  if (hint) hint.hidden = true; // (a checked question takes no more hints: a retake shows it again)
  node.classList.add(r.right ? "is-right" : "is-wrong");
  verdict.appendChild(el("p", { "class": "verdict verdict--" + (r.right ? "right" : "wrong") },
    [icon(r.right ? "right" : "wrong"), tr(r.right ? "verdict_right" : "verdict_wrong")]));
  verdict.hidden = false;
  if (r.q.kind === "single" || r.q.kind === "multiple") {
    var correct = review && Array.isArray(review.correct) ? review.correct : [];
    Array.prototype.forEach.call(node.querySelectorAll("[data-choice]"), function (c) {
      var id = c.getAttribute("data-choice"), chosen = r.response.indexOf(id) >= 0, tags = [];
      if (chosen) tags.push(tr("your_choice"));
      if (correct.indexOf(id) >= 0) tags.push(tr("correct_choice"));
      c.classList.toggle("is-chosen", chosen);
      c.classList.toggle("is-correct", correct.indexOf(id) >= 0);
      if (tags.length) c.querySelector("label").appendChild(el("span", { "class": "choice__tag", "data-added": "", text: " (" + tags.join(", ") + ")" }));
      var feedback = chosen ? openFeedback(r.q, id) : null;
      if (feedback) c.appendChild(htmlBox("feedback", tr("feedback_label"), feedback));
    });
  } else if (review && typeof review.accepted === "string") {
    after.appendChild(htmlBox("accepted", tr("accepted_label"), review.accepted));
  }
  var explanation = r.right && r.payload ? r.payload.explanation : review ? review.explanation : null;
  if (typeof explanation === "string") after.appendChild(htmlBox("explanation", tr("explanation_label"), explanation));
  after.hidden = !after.firstChild;
}

/** Under a "Not correct": a link to the explanations for the question's objective, when there are some. */
function addHelpLink(q) {
  var group = $("ms-correctives-" + q.objective);
  if (!group || group.hidden || !group.hasAttribute("data-has-items")) return;
  // (described by its objective's heading: each missed question's link had read the same, round hh a11y 5)
  var link = el("a", { href: "#ms-correctives-" + q.objective, text: tr("need_help"), "aria-describedby": group.getAttribute("aria-labelledby") });
  link.addEventListener("click", guard(function (event) {
    event.preventDefault();
    group.scrollIntoView({ block: "start" });
    group.focus({ preventScroll: true });
  }));
  page.quiz.nodes[q.key].querySelector("[data-verdict]").appendChild(el("p", { "class": "need-help" }, [link]));
}

/** The second "try again" button, at the end of the correctives. While it shows (a failed try with
 *  explanations to read) it is the only one: the explanations come first, the retake after them. */
function setBottomRetry(show) {
  var button = $("ms-retry-bottom");
  if (button) button.parentNode.hidden = !show;
  if (button && show) $("ms-retry").hidden = true;
}

/** The retry button: "Try again" until mastered, then a quieter "Practise with new questions". */
function labelRetry() {
  var button = $("ms-retry"), mastered = isMastered(page.unit.id);
  button.textContent = tr(mastered ? "practise_again" : "try_again");
  button.classList.toggle("button--secondary", mastered);
}

function objectiveText(id) {
  var o = (page.unit.objectives || []).filter(function (x) { return x.id === id; })[0];
  return o ? o.text : id;
}

function missedList(missed) {
  if (!missed.length || !$("ms-correctives")) return null;
  return el("div", { "class": "missed" }, [el("p", { "class": "missed__title", text: tr("missed_heading") }),
    el("ul", null, missed.map(function (id) {
      return el("li", null, [el("a", { href: "#ms-correctives-" + id, text: objectiveText(id) })]);
    }))]);
}

function showResults(score, passed, wasMastered, missed, before) {
  var box = $("ms-results"), body = $("ms-results-body"), heading = $("ms-results-heading");
  var title = passed ? tr("result_passed") : wasMastered ? tr("result_practice") : tr("result_failed");
  heading.textContent = "";
  heading.appendChild(icon(passed ? "mastered" : wasMastered ? "available" : "wrong"));
  heading.appendChild(doc.createTextNode(title));
  box.className = "results results--" + (passed ? "passed" : wasMastered ? "practice" : "failed");
  body.textContent = "";
  var line = tr("score_line", { percent: percent(score), right: score[0], total: score[1] }), extra = "";
  body.appendChild(el("p", { "class": "results__score", text: line }));
  if (passed) {
    extra = tr("passed_text") + (!wasMastered && $("ms-enrichment") ? " " + tr("passed_bonus") : "");
    body.appendChild(el("p", { text: extra }));
    if (!wasMastered && bonusLine()) body.appendChild(bonusLine());
    if (!wasMastered) body.appendChild(goOnLinks(before));
  } else if (wasMastered) {
    extra = tr("practice_text", { score: percent(peek(page.unit.id).best) });
    body.appendChild(el("p", { text: extra }));
  } else {
    body.appendChild(el("p", { text: tr(page.quiz.size < page.quiz.questions.length ? "failed_text" : "failed_text_same", { percent: $("ms-quiz").getAttribute("data-mastery-percent") || percentOf(page.quiz.mastery) }) }));
    var list = missedList(missed);
    if (list) body.appendChild(list);
  }
  box.hidden = false;
  $("ms-check").hidden = true;
  $("ms-retry").hidden = false;
  labelRetry();
  box.focus(); // (its name, the title, is read on focus: the live region says the rest, not all of it twice)
  announce(line + (extra ? " " + extra : ""));
}

function percentOf(mastery) { return percentText(Math.ceil((100 * mastery[0]) / mastery[1])); }

/** After a reload: remind the student of the failed attempt and keep its correctives. */
function showLastAttempt(last) {
  var box = $("ms-results"), body = $("ms-results-body"), heading = $("ms-results-heading");
  heading.textContent = tr("result_failed");
  box.className = "results results--failed";
  body.textContent = "";
  body.appendChild(el("p", { text: tr("last_attempt", { percent: percent(last.score), right: last.score[0], total: last.score[1] }) }));
  var list = missedList(last.missed.filter(function (id) { return $("ms-correctives-" + id); }));
  if (list) body.appendChild(list);
  box.hidden = false;
  showCorrectives(last.missed);
}

function showCorrectives(missed) {
  var box = $("ms-correctives");
  if (!box) return;
  var any = false;
  Array.prototype.forEach.call(box.querySelectorAll("[data-objective]"), function (g) {
    var show = missed.indexOf(g.getAttribute("data-objective")) >= 0;
    g.hidden = !show;
    any = any || show;
  });
  box.hidden = !any;
}

function onRetry() {
  page.draw = newDraw(page.draw.keys);
  showDraw();
  setBottomRetry(false);
  $("ms-results").hidden = true;
  var heading = $("ms-quiz-heading");
  heading.focus();
  announce(tr("new_questions"));
}
