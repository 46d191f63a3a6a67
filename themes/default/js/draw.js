/* ------------------------------------------------------------------ *
 * Drawing an attempt                                                 *
 * ------------------------------------------------------------------ */
function shuffled(list) {
  var a = list.slice();
  for (var i = a.length - 1; i > 0; i--) {
    var j = Math.floor(Math.random() * (i + 1)), t = a[i];
    a[i] = a[j]; a[j] = t;
  }
  return a;
}

/** Shuffle, then interleave by objective so a short draw still covers each. */
function spread(questions) {
  var groups = dict(), order = [];
  shuffled(questions).forEach(function (q) {
    if (!own(groups, q.objective)) { groups[q.objective] = []; order.push(q.objective); }
    groups[q.objective].push(q);
  });
  var out = [];
  for (var round = 0; out.length < questions.length; round++) {
    order.forEach(function (o) { if (groups[o][round]) out.push(groups[o][round]); });
  }
  return out;
}

/** A fresh draw that assesses every objective: first one question of each objective (one not in
 *  the previous attempt where the objective has one, else one of its questions again: an objective
 *  left out could be mastered unassessed), then questions not in the previous attempt, then the rest.
 *  Each further question comes from the objective with the most fresh questions left (then the most
 *  left): a small objective keeps one the student has not seen for the retake. */
function makeDraw(quiz, prev) {
  var before = dict(), fresh = [], old = [], first = [], rest = [], left = dict(), order = [];
  prev.forEach(function (k) { before[k] = true; });
  quiz.questions.forEach(function (q) { (before[q.key] ? old : fresh).push(q); });
  spread(fresh).concat(spread(old)).forEach(function (q) {
    if (own(left, q.objective)) left[q.objective].push(q);
    else { left[q.objective] = []; order.push(q.objective); first.push(q); }
  });
  function unseen(o) { return left[o].filter(function (q) { return !before[q.key]; }).length; }
  while (first.length + rest.length < quiz.size) {
    var best = null;
    order.forEach(function (o) {
      if (!left[o].length) return;
      if (best === null || unseen(o) > unseen(best) || (unseen(o) === unseen(best) && left[o].length > left[best].length)) best = o;
    });
    if (best === null) break;
    rest.push(left[best].shift());
  }
  var picked = first.concat(rest).slice(0, quiz.size);
  picked = quiz.shuffle ? shuffled(picked) : picked.sort(function (a, b) { return a.index - b.index; });
  var draw = { keys: [], choices: dict() };
  picked.forEach(function (q) {
    draw.keys.push(q.key);
    // Ordering items are shuffled, every order as likely as any other, the right one too: an order never shown
    // would tell the answer (two items: always the swap; new teacher cc 14)
    draw.choices[q.key] = q.kind === "ordering" || quiz.shuffle ? shuffled(q.choiceIds) : q.choiceIds.slice();
  });
  return draw;
}

/** The stored draw after a rebuild that changed the pool: the questions still in it keep their places
 *  (and the answers typed into them); a question gone (edited since: another key) gives its place to
 *  one of a fresh draw, of an objective the kept ones leave unassessed first (new teacher ee 8). Null
 *  if that does not assess as many objectives as a fresh draw. */
function mendDraw(quiz, draw, prev) {
  if (!isObj(draw) || !Array.isArray(draw.keys) || !isObj(draw.choices)) return null;
  var fresh = makeDraw(quiz, prev), out = { keys: draw.keys.slice(0, quiz.size), choices: dict() }, assessed = dict();
  out.keys = out.keys.map(function (k) {
    var q = quiz.byKey[k];
    if (!q || own(out.choices, k) || !sameIds(draw.choices[k], q)) return null;
    assessed[q.objective] = out.choices[k] = draw.choices[k];
    return k;
  });
  var left = fresh.keys.filter(function (k) { return !own(out.choices, k); });
  while (out.keys.length < quiz.size) out.keys.push(null);
  out.keys.forEach(function (k, i) {
    if (k || !left.length) return;
    var j = left.findIndex(function (f) { return !assessed[quiz.byKey[f].objective]; });
    k = out.keys[i] = left.splice(j < 0 ? 0 : j, 1)[0];
    assessed[quiz.byKey[k].objective] = out.choices[k] = fresh.choices[k];
  });
  return drawFits(quiz, out) ? out : null;
}

function sameIds(ids, q) {
  return Array.isArray(ids) && ids.length === q.choiceIds.length && ids.slice().sort().join() === q.choiceIds.slice().sort().join();
}

/** How many objectives a draw of the quiz's size assesses: every one, or one per question. */
function objectivesDue(quiz) {
  var all = dict(), n = 0;
  quiz.questions.forEach(function (q) { if (!own(all, q.objective)) { all[q.objective] = true; n++; } });
  return Math.min(n, quiz.size);
}

/** A stored draw is reused only if it still fits the (maybe rebuilt) pool and assesses as many
 *  objectives as a fresh draw would (an edited one of only easy questions must not earn mastery). */
function drawFits(quiz, draw) {
  if (!draw || draw.keys.length !== quiz.size) return false;
  var seen = dict(), objectives = dict(), assessed = 0;
  return draw.keys.every(function (k) {
    var q = quiz.byKey[k];
    if (!q || seen[k]) return false;
    seen[k] = true;
    if (!own(objectives, q.objective)) { objectives[q.objective] = true; assessed++; }
    return sameIds(draw.choices[k], q);
  }) && assessed >= objectivesDue(quiz);
}
