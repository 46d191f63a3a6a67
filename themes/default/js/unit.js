/* ------------------------------------------------------------------ *
 * Unit page                                                          *
 * ------------------------------------------------------------------ */
var page = { unit: null, quiz: null, draw: null, seal: null, review: null };

/** The unit key kept in progress (earned by passing the quiz), or null. */
function unitKey(id) {
  var key = fromBase64(peek(id).key);
  return key && key.length === 32 ? key : null;
}

/** After mastery: the review entry {correct, accepted, explanation} of a question, opened with the unit key. */
function reviewOf(questionKey) {
  if (!page.review) page.review = openReview(page.seal, unitKey(page.unit.id));
  return (page.review || []).filter(function (r) { return r.key === questionKey; })[0] || null;
}

function renderUnitStatus() {
  var box = $("ms-unit-status"), u = page.unit, rec = peek(u.id);
  if (!box) return;
  var st = statusOf(u), text = st === "mastered" && rec.imported ? tr("status_imported")
    : st === "mastered" ? tr("unit_status_mastered", { score: percent(rec.best || [1, 1]) })
    : rec.best ? tr("unit_status_attempted", { score: percent(rec.best) }) : tr("unit_status_available");
  box.textContent = "";
  box.appendChild(el("span", { "class": "badge badge--" + st }, [icon(st), text]));
}

function showLocked(u) {
  var list = $("ms-locked-list"), missing = missingRequires(u);
  missing.forEach(function (r) {
    list.appendChild(el("li", null, [el("a", { href: href(r), text: r.title }), " ", statusBadge(r)]));
  });
  // Every unit listed is itself locked: point to where the student can actually begin.
  var start = $("ms-locked-start"), first = missing.every(function (r) { return statusOf(r) === "locked"; }) ? startingPoint(u) : null;
  if (start && first) {
    start.appendChild(el("strong", null, trParts("locked_start", { unit: el("a", { href: href(first), text: first.title }) })));
    start.hidden = false;
  }
  $("ms-locked").hidden = false;
  $("ms-unit-body").hidden = true;
  var box = $("ms-unit-status");
  if (box) box.hidden = true; // the heading already says it is not open
}

/** The first unit on the way to `u` that the student can work on now: a depth-first walk of the
 *  prerequisites (in the order listed) to a unit that is available and not yet mastered. */
function startingPoint(u) {
  var seen = dict();
  function walk(unit) {
    if (seen[unit.id]) return null;
    seen[unit.id] = true;
    var st = statusOf(unit);
    if (st === "available") return unit;
    if (st === "mastered") return null;
    var found = null;
    missingRequires(unit).some(function (r) { return (found = walk(r)); });
    return found;
  }
  var found = null;
  missingRequires(u).some(function (r) { return (found = walk(r)); });
  return found;
}

/** The pager's Next link says so (icon and words) while the next unit is locked for the student. */
function renderPager() {
  var link = $("ms-pager-next"), u = link && BY_ID[link.getAttribute("data-unit")];
  if (!u) return;
  var locked = statusOf(u) === "locked", mark = link.querySelector(".pager__locked");
  link.classList.toggle("is-locked", locked);
  if (locked && !mark) {
    link.querySelector(".pager__title").appendChild(el("span", { "class": "pager__locked" }, [" ", icon("locked"), " ", tr("pager_locked")]));
  } else if (!locked && mark) mark.parentNode.removeChild(mark);
}

/** Confirm (or correct) the first-paint guess of js/head.js: "ms-open" or "ms-locked" on <html>. */
function confirmState(state) {
  html.classList.remove("ms-open", "ms-locked");
  html.classList.add(state);
}

function startUnit() {
  var unitId = $("ms-unit").getAttribute("data-unit"), u = BY_ID[unitId];
  if (!u) throw new Error("unit " + unitId + " is not in course-data.js");
  page.unit = u;
  if (!isUnlocked(u) && !isMastered(u.id)) { confirmState("ms-locked"); return showLocked(u); }
  confirmState("ms-open");
  var data = JSON.parse($("ms-unit-data").textContent);
  if (!isObj(data) || !Array.isArray(data.questions)) throw new Error("bad unit data");
  // This unit's objectives come with its page (course-data.js is only the lock graph).
  if (Array.isArray(data.objectives)) u.objectives = data.objectives;
  page.seal = isObj(data.seal) ? data.seal : null;
  // A unit key this build's seal does not open (the course built again with another secret, a key copied
  // from another unit): dropped, so that no page promises the bonus work it will not open.
  if (page.seal && peek(u.id).key && !openReview(page.seal, unitKey(u.id))) { record(u.id).key = null; saveProgress(); }
  renderUnitStatus();
  if (isMastered(u.id)) {
    revealEnrichment();
    // Came from a "bonus challenges open" link: the section was hidden when the browser looked for it.
    if (window.location.hash === "#ms-enrichment") $("ms-enrichment").scrollIntoView({ block: "start" });
  }
  startPractice(data);
  if ($("ms-mark-done")) return startMarkDone(u);
  startQuiz(u, data);
}

/** Mastered: the bonus section opens, and the correctives fold away (kept, closed). */
function revealEnrichment() {
  var box = $("ms-enrichment"), body = $("ms-enrichment-body");
  if (body && !body.hasAttribute("data-open")) {
    // Sealed: it opens with the unit key that passing the quiz earned, whatever the saved status says.
    var markup = openEnrichment(page.seal, unitKey(page.unit.id));
    body.textContent = "";
    if (markup !== null) {
      body.innerHTML = markup; // from the build, decrypted from this page's own data
      body.setAttribute("data-open", "");
    } else body.appendChild(el("p", { "class": "enrichment__sealed", text: tr("enrichment_sealed") }));
  }
  if (box) box.hidden = false;
  var fold = $("ms-correctives-fold"), summary = $("ms-correctives-summary");
  if (fold && summary && summary.hidden) { summary.hidden = false; fold.open = false; }
  setBottomRetry(false);
}

/** Where to go after mastering: a big "Go on to <first unit this opened>" link, the other units it
 *  opened, or (none opened) back to the course, with a word when the whole course is done. */
function goOnLinks(before) {
  var now = availableIds(), opened = UNITS.filter(function (x) { return now[x.id] && !before[x.id]; });
  var box = el("div", { "class": "go-on" }), first = opened[0];
  if (!first && countMastered() === UNITS.length) box.appendChild(celebration());
  box.appendChild(el("p", { "class": "go-on__main" }, [first
    ? el("a", { "class": "button", href: href(first), text: tr("go_on", { title: first.title }) })
    : el("a", { "class": "button", href: ROOT + "index.html", text: tr("back_to_course") })]));
  if (opened.length > 1) {
    box.appendChild(el("p", { "class": "go-on__also" }, [el("span", { "class": "go-on__title", text: tr("also_opened") }), " ",
      unitLinks(opened.slice(1))]));
  }
  return box;
}

/** After mastering a unit with bonus work: the line that leads to it (or nothing). */
function bonusLine() {
  return $("ms-enrichment") ? el("p", { "class": "go-on__bonus" }, [toBonus()]) : null;
}

/** "Go to the bonus challenges": scrolls to the (now open) section and moves focus there. */
function toBonus() {
  var link = el("a", { href: "#ms-enrichment" }, [el("span", { "aria-hidden": "true", text: "\u2605 " }), tr("bonus_go")]);
  link.addEventListener("click", guard(function (event) {
    var box = $("ms-enrichment");
    if (!box || box.hidden) return;
    event.preventDefault();
    box.scrollIntoView({ block: "start" });
    box.focus({ preventScroll: true });
  }));
  return link;
}

function startMarkDone(u) {
  var button = $("ms-mark-done"), result = $("ms-done-result");
  function showDone() { button.hidden = true; $("ms-done-text").textContent = tr("marked_done"); }
  if (isMastered(u.id)) return showDone();
  button.addEventListener("click", guard(function () {
    var before = availableIds(), rec = record(u.id);
    rec.mastered = true;
    rec.attempts = Math.max(rec.attempts, 1);
    rec.best = [1, 1];
    saveProgress();
    showDone();
    result.textContent = "";
    if (bonusLine()) result.appendChild(bonusLine());
    result.appendChild(goOnLinks(before));
    refreshShared();
    renderUnitStatus();
    revealEnrichment();
    result.focus();
    announce(tr("marked_done"));
  }));
}
