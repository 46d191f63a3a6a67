function startQuiz(u, data) {
  var quiz = { size: 0, shuffle: data.shuffle !== false, mastery: u.mastery, questions: [], byKey: dict(), nodes: dict() };
  data.questions.forEach(function (q, i) {
    var node = $("q-" + q.key);
    if (!node || !isObj(q) || typeof q.key !== "string") return;
    var ids = Array.prototype.map.call(node.querySelectorAll("[data-choice]"), function (c) { return c.getAttribute("data-choice"); });
    var item = { key: q.key, objective: q.objective, kind: q.kind, salt: q.salt, boxes: q.boxes, open: q.open,
      payload: q.payload, feedback: q.feedback, extras: q.extras, index: i, choiceIds: ids };
    quiz.questions.push(item);
    quiz.byKey[q.key] = item;
    quiz.nodes[q.key] = node;
  });
  quiz.size = Math.max(1, Math.min(data.draw || quiz.questions.length, quiz.questions.length));
  if (Array.isArray(data.mastery)) quiz.mastery = data.mastery;
  page.quiz = quiz;
  var rec = peek(u.id);
  page.draw = drawFits(quiz, rec.draw) ? rec.draw : keepDraw(mendDraw(quiz, rec.draw, rec.prev || []) || makeDraw(quiz, rec.prev || []));
  showDraw();
  restoreDraft();
  if (isMastered(u.id)) $("ms-quiz-intro").textContent = tr("quiz_intro_mastered");
  else if (rec.last && !rec.last.passed) showLastAttempt(rec.last);
  $("ms-quiz-form").addEventListener("submit", guard(onCheck));
  $("ms-quiz-form").addEventListener("keydown", guard(onAnswerEnter));
  $("ms-quiz-form").addEventListener("click", guard(onQuizClick));
  $("ms-quiz-form").addEventListener("pointerdown", guard(startDrag));
  $("ms-quiz-form").addEventListener("input", guard(onAnswerChange));
  $("ms-quiz-form").addEventListener("change", guard(onAnswerChange));
  window.addEventListener("pagehide", guard(saveDraft)); // (also an item moved: no input event)
  doc.addEventListener("visibilitychange", guard(function () { if (doc.visibilityState === "hidden") saveDraft(); }));
  $("ms-retry").addEventListener("click", guard(onRetry));
  if ($("ms-retry-bottom")) $("ms-retry-bottom").addEventListener("click", guard(onRetry));
}

function newDraw(prev) {
  return keepDraw(makeDraw(page.quiz, prev));
}

function keepDraw(draw) {
  record(page.unit.id).draw = draw;
  saveProgress();
  return draw;
}

function resetQuestion(node) {
  node.disabled = false;
  node.classList.remove("is-right", "is-wrong");
  Array.prototype.forEach.call(node.querySelectorAll("input"), function (i) { i.checked = false; i.value = i.type === "text" ? "" : i.value; });
  Array.prototype.forEach.call(node.querySelectorAll(".choice"), function (c) { c.classList.remove("is-chosen", "is-correct"); });
  Array.prototype.forEach.call(node.querySelectorAll("[data-added]"), function (x) { x.parentNode.removeChild(x); });
  resetHints(node);
  ["[data-verdict]", "[data-after]"].forEach(function (sel) {
    var box = node.querySelector(sel);
    box.textContent = "";
    box.hidden = true;
  });
}

/** Put the drawn questions, in drawn order and with choices in drawn order, on the page. */
function showDraw() {
  var quiz = page.quiz, box = $("ms-questions"), total = page.draw.keys.length;
  Object.keys(quiz.nodes).forEach(function (k) { quiz.nodes[k].hidden = true; resetQuestion(quiz.nodes[k]); });
  page.draw.keys.forEach(function (k, i) {
    var node = quiz.nodes[k], choices = node.querySelector("[data-choices]");
    node.querySelector("[data-number]").textContent = tr("question_n", { n: i + 1, total: total });
    if (choices) placeChoices(choices, page.draw.choices[k]);
    box.appendChild(node);
    node.hidden = false;
  });
  page.checked = false;
  showUnanswered([]);
  $("ms-check").hidden = false;
  $("ms-retry").hidden = true;
}

/** Put a question's choices or items in the order of ids. Two ordering items that read the same
 *  share an id: each id takes the first element with it that is not placed yet. */
function placeChoices(list, ids) {
  var left = Array.prototype.slice.call(list.querySelectorAll("[data-choice]"));
  ids.forEach(function (id) {
    for (var i = 0; i < left.length; i++) {
      if (left[i].getAttribute("data-choice") === id) { list.appendChild(left.splice(i, 1)[0]); return; }
    }
  });
}

/** The response as judge() takes it: text a string; blanks one string per blank; choices the
 *  checked ids; ordering the item ids as the student ordered them. */
function responseOf(q) {
  var node = page.quiz.nodes[q.key];
  if (q.kind === "text") return node.querySelector("input[type=text]").value;
  if (q.kind === "blanks") {
    return Array.prototype.map.call(node.querySelectorAll("input[data-blank]"), function (i) { return i.value; });
  }
  if (q.kind === "ordering") {
    return Array.prototype.map.call(node.querySelectorAll("[data-choice]"), function (c) { return c.getAttribute("data-choice"); });
  }
  return Array.prototype.filter.call(node.querySelectorAll("input"), function (i) { return i.checked; })
    .map(function (i) { return i.value; });
}

/** The drawn questions with no answer given, in shown order. */
function unansweredKeys() {
  return page.draw.keys.filter(function (k) {
    var q = page.quiz.byKey[k], response = responseOf(q);
    if (q.kind === "text") return !response.trim();
    if (q.kind === "blanks") return response.some(function (r) { return !r.trim(); });
    return q.kind !== "ordering" && !response.length;
  });
}

/** Before checking an attempt with unanswered questions, ask once: an inline message listing
 *  them (as links), and the check button, renamed "Check anyway", then confirms. */
function showUnanswered(keys) {
  var box = $("ms-unanswered"), button = $("ms-check"), total = page.draw.keys.length;
  if (!box) return; // a course's own quiz template without the message box: no question asked
  // Unchanged (e.g. a change event on blur as the student clicks one of its links): leave it be.
  if (keys.length && !box.hidden && box.getAttribute("data-keys") === keys.join(" ")) return;
  box.textContent = "";
  box.setAttribute("data-keys", keys.join(" "));
  markSkipped(keys);
  button.classList.toggle("button--secondary", keys.length > 0);
  if (!keys.length) {
    page.confirming = false;
    box.hidden = true;
    button.textContent = tr("check_answers");
    return;
  }
  box.appendChild(el("p", { "class": "unanswered__text", text: trn("unanswered", keys.length, { n: keys.length }) }));
  box.appendChild(el("ul", { "class": "unanswered__list" }, keys.map(function (k) {
    var link = el("a", { href: "#q-" + k, text: tr("question_n", { n: page.draw.keys.indexOf(k) + 1, total: total }) });
    link.addEventListener("click", guard(function (event) {
      var input = page.quiz.nodes[k].querySelector("input, button");
      if (!input) return;
      event.preventDefault();
      input.focus();
      page.quiz.nodes[k].scrollIntoView({ block: "center" });
    }));
    return el("li", null, [link]);
  })));
  box.hidden = false;
  button.textContent = tr("check_anyway");
}

/** A visible outline on each skipped question (the message above the button lists them too). */
function markSkipped(keys) {
  Object.keys(page.quiz.nodes).forEach(function (k) {
    page.quiz.nodes[k].classList.toggle("is-skipped", keys.indexOf(k) >= 0);
  });
}

// A blank grows to show its text where CSS cannot (field-sizing: not in Safari's WebKit)
function grow(t) { if (t && t.className == "blank" && t.scrollWidth > t.clientWidth) t.style.width = t.scrollWidth + 9 + "px"; }

function onAnswerChange(e) {
  grow(e && e.target);
  if (page.confirming && !page.checked) showUnanswered(unansweredKeys());
  saveDraft();
}

/* A draft: the answers given to the shown draw, kept in this tab's session storage until they are
 * checked, so that a reload (or a phone that drops the tab to save memory) does not empty the form. */
function draftKey() { return "masterysite-draft:" + KEY + ":" + page.unit.id; }

function saveDraft() {
  if (!page.quiz || !page.draw || page.checked) return;
  var answers = dict();
  page.draw.keys.forEach(function (k) { answers[k] = responseOf(page.quiz.byKey[k]); });
  try {
    window.sessionStorage.setItem(draftKey(), JSON.stringify({ answers: answers }));
  } catch (e) { /* refused or full: the form is just not kept */ }
}

function dropDraft() {
  try { window.sessionStorage.removeItem(draftKey()); } catch (e) { /* nothing kept */ }
}

/** The draft's answers put back in the form, each on its question if this draw asks it: a question
 *  the teacher edited since has another key and starts empty, the others keep theirs. */
function restoreDraft() {
  var draft = null;
  try { draft = JSON.parse(window.sessionStorage.getItem(draftKey()) || "null"); } catch (e) { draft = null; }
  if (!isObj(draft) || !isObj(draft.answers)) return;
  page.draw.keys.forEach(function (k) {
    var q = page.quiz.byKey[k], node = page.quiz.nodes[k], r = draft.answers[k];
    if (q.kind === "text" && typeof r === "string") node.querySelector("input[type=text]").value = r;
    else if (q.kind === "blanks" && Array.isArray(r)) {
      Array.prototype.forEach.call(node.querySelectorAll("input[data-blank]"), function (i, n) { if (typeof r[n] === "string") i.value = r[n]; setTimeout(grow, 0, i); }); // once shown
    } else if (q.kind === "ordering" && Array.isArray(r) && r.slice().sort().join() === q.choiceIds.slice().sort().join()) {
      placeChoices(node.querySelector("[data-choices]"), r);
    } else if (Array.isArray(r)) {
      Array.prototype.forEach.call(node.querySelectorAll("input"), function (i) { i.checked = r.indexOf(i.value) >= 0; });
    }
  });
}

/** Enter in an answer box goes on to the next answer (or the Check button), as a phone's "Go" key does: it
 *  had checked the whole quiz, a second Enter past "you skipped 3 questions" too (round hh, a11y 1). */
function onAnswerEnter(event) {
  var box = event.target, boxes = $("ms-quiz-form").querySelectorAll("fieldset:not([hidden]) input[type=text]");
  if (event.key !== "Enter" || event.isComposing || box.type !== "text") return;
  event.preventDefault();
  (boxes[Array.prototype.indexOf.call(boxes, box) + 1] || $("ms-check")).focus();
}

function onCheck(event) {
  event.preventDefault();
  if (page.checked) return;
  var unanswered = unansweredKeys();
  if (unanswered.length && !page.confirming && $("ms-unanswered")) {
    page.confirming = true;
    showUnanswered(unanswered);
    announce(trn("unanswered", unanswered.length, { n: unanswered.length }));
    return;
  }
  showUnanswered([]);
  dropDraft(); // checked: these answers are the attempt's now
  var u = page.unit, quiz = page.quiz, before = availableIds(), wasMastered = isMastered(u.id);
  var results = page.draw.keys.map(function (k) {
    var q = quiz.byKey[k], response = responseOf(q);
    var checked = checkAnswer(q, response);
    return { q: q, response: response, right: checked.right, payload: checked.payload };
  });
  var right = results.filter(function (r) { return r.right; }).length, score = [right, results.length];
  var passed = passes(score, quiz.mastery), missed = recordAttempt(u, results, score, passed);
  if (passed) earnUnitKey(u, results);
  saveProgress();
  page.checked = true;
  var reveal = isMastered(u.id);
  results.forEach(function (r) { showQuestionResult(r, reveal); });
  showResults(score, passed, wasMastered, missed, before);
  if (!passed) showCorrectives(missed); // (a practice round too: what it missed, not an older attempt)
  if (!passed && !wasMastered) {
    results.forEach(function (r) { if (!r.right) addHelpLink(r.q); });
    setBottomRetry(!$("ms-correctives").hidden);
  }
  if (reveal) { revealEnrichment(); $("ms-quiz-intro").textContent = tr("quiz_intro_mastered"); }
  refreshShared();
  renderUnitStatus();
}

/** A passed attempt's right answers carry enough shares to rebuild the unit key: keep it in progress,
 *  so the review and the enrichment stay open (after a reload, an import, a rebuild). */
function earnUnitKey(u, results) {
  var shares = results.filter(function (r) { return r.right && r.payload && r.payload.share; })
    .map(function (r) { return r.payload.share; });
  var key = unitKeyFrom(page.seal, shares);
  if (key) record(u.id).key = toBase64(key);
}

/** Store the attempt; returns the ids of the objectives missed in it. */
function recordAttempt(u, results, score, passed) {
  var rec = record(u.id), tally = dict(), missed = [];
  results.forEach(function (r) {
    var t = tally[r.q.objective] || (tally[r.q.objective] = [0, 0]);
    t[0] += r.right ? 1 : 0;
    t[1] += 1;
  });
  Object.keys(tally).forEach(function (id) {
    var o = rec.objectives[id] || (rec.objectives[id] = { attempts: 0, best: null, last: null });
    o.attempts += 1;
    o.last = tally[id];
    if (better(tally[id], o.best)) o.best = tally[id];
  });
  (u.objectives || []).forEach(function (o) { if (tally[o.id] && tally[o.id][0] < tally[o.id][1]) missed.push(o.id); });
  rec.attempts += 1;
  if (better(score, rec.best)) rec.best = score;
  if (passed) { rec.mastered = true; delete rec.imported; delete rec.lms; } // earned here, by answering
  rec.last = { score: score, missed: missed, passed: passed };
  addTry(rec, { at: new Date().toISOString(), score: score, passed: passed, answers: results.map(function (r) {
    return { q: r.q.key, k: r.q.kind, o: r.q.objective, r: Array.isArray(r.response) ? r.response.slice() : r.response, ok: r.right };
  }) });
  rec.prev = page.draw.keys.slice();
  rec.draw = null;
  return missed;
}
