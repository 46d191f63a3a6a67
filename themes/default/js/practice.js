/* ------------------------------------------------------------------ *
 * Practice exercises in the lesson (masterysite/parse/practice.py):  *
 * checked on the spot with the quiz's judge (judge.js); never stored *
 * and never scored: nothing here touches progress.                   *
 * ------------------------------------------------------------------ */
function startPractice(data) {
  (Array.isArray(data.practice) ? data.practice : []).forEach(function (q) {
    if (!isObj(q) || typeof q.key !== "string") return;
    var form = $("ms-practice-" + q.key);
    if (!form) return;
    var item = { key: q.key, kind: q.kind, salt: q.salt, boxes: q.boxes, open: q.open, payload: q.payload,
      feedback: q.feedback, extras: q.extras };
    form.addEventListener("submit", guard(function (e) { e.preventDefault(); checkPractice(form, item); }));
  });
}

function practiceResponse(form, q) {
  if (q.kind === "text") { var input = form.querySelector("input[type=text]"); return input ? input.value : ""; }
  return Array.prototype.filter.call(form.querySelectorAll("input[type=radio], input[type=checkbox]"),
    function (i) { return i.checked; }).map(function (i) { return i.value; });
}

function checkPractice(form, q) {
  var response = practiceResponse(form, q), out = form.querySelector("[data-practice-result]");
  out.textContent = "";
  if (!response.length || (q.kind === "text" && !exactText(response))) {
    out.appendChild(el("p", { "class": "ms-practice__verdict", text: tr("practice_empty") }));
    return;
  }
  var checked = checkAnswer(q, response), ok = checked.right; // sealed like a quiz question (js/seal.js)
  var box = form.closest(".ms-practice"), solution = box && box.querySelector(":scope > details");
  var verdict = ok ? "practice_right" : solution ? "practice_wrong" : "practice_wrong_again"; // (no solution to open)
  out.appendChild(el("p", { "class": "ms-practice__verdict " + (ok ? "is-right" : "is-wrong"), text: tr(verdict) }));
  if (q.kind !== "text") {
    response.forEach(function (id) {
      var feedback = openFeedback(q, id);
      if (feedback) out.appendChild(htmlBox("feedback", tr("feedback_label"), feedback));
    });
  }
  if (ok && checked.payload && checked.payload.explanation) {
    out.appendChild(htmlBox("explanation", tr("explanation_label"), checked.payload.explanation));
  }
}
