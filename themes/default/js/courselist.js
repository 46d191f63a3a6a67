/* ------------------------------------------------------------------ *
 * The course list and the summary (the course and progress pages)    *
 * ------------------------------------------------------------------ */
/* Not in masterysite.js, which unit pages load: course-page.js and progress-page.js have it (scripts.yml). */
function renderSummary() {
  var box = $("ms-summary");
  if (!box) return;
  var n = countMastered(), next = null;
  UNITS.forEach(function (u) { if (!next && statusOf(u) === "available") next = u; });
  var bar = el("div", { "class": "meter", "aria-hidden": "true" }, [el("div", { "class": "meter__fill" })]);
  bar.firstChild.style.width = (UNITS.length ? (100 * n) / UNITS.length : 0) + "%";
  box.textContent = "";
  box.appendChild(el("p", { "class": "summary__count", text: trn("summary", UNITS.length, { n: n, total: UNITS.length }) }));
  box.appendChild(bar);
  var done = n === UNITS.length && n > 0;
  box.classList.toggle("summary--done", done);
  if (done) box.appendChild(celebration());
  else if (next) box.appendChild(el("p", { "class": "summary__next" }, [el("a", { href: href(next), "class": "button", text: tr("next_up", { title: next.title }) })]));
  box.hidden = false;
}

function unitCard(u, level) {
  var st = statusOf(u), rec = peek(u.id), meta = el("p", { "class": "unit-card__meta" }, [statusBadge(u)]);
  meta.appendChild(el("span", { "class": "unit-card__score",
    text: rec.best ? tr("best_score", { score: percent(rec.best) }) : st === "locked" ? "" : tr("not_attempted") }));
  var card = el("li", { "class": "unit-card is-" + st }, [el("h" + level, { "class": "unit-card__heading" }, [
    el("a", { "class": "unit-card__title", href: href(u), text: u.title })]), meta]);
  if (st === "locked") {
    card.appendChild(el("p", { "class": "unit-card__requires" }, trParts("requires", { units: unitLinks(missingRequires(u)) })));
  }
  if (bonusOpen(u)) meta.appendChild(bonusLink(u));
  return card;
}

/** Whether a unit's bonus work is open: mastered, with enrichment, and (bonus 2) with the unit key
 *  its sealed enrichment opens with, earned by answering: not by an import, nor by an edit of the
 *  saved progress, nor on a computer the key never reached. */
function bonusOpen(u) {
  return isMastered(u.id) && (u.bonus === 1 || (u.bonus === 2 && !!peek(u.id).key));
}

/** Where bonus work is open (a mastered unit with enrichment): a link straight to it. */
function bonusLink(u) {
  return el("a", { "class": "bonus-link", href: href(u) + "#ms-enrichment" }, [
    el("span", { "aria-hidden": "true", text: "\u2605 " }), tr("bonus_open")]);
}

function renderCourseList() {
  var box = $("ms-course-list");
  if (!box) return;
  var frag = doc.createDocumentFragment();
  COURSE.sections.forEach(function (section, i) {
    var sec = el("section", { "class": "course-section" }), title = groupTitle(section, i);
    var list = el("ol", { "class": "unit-cards" });
    if (title) {
      sec.appendChild(el("h2", { id: "ms-section-" + i, "class": section.title ? null : "course-section__other", text: title }));
      list.setAttribute("aria-labelledby", "ms-section-" + i);
    }
    // Each card is headed one level below its group's heading (h2 when the group has none).
    section.units.forEach(function (id) { if (BY_ID[id]) list.appendChild(unitCard(BY_ID[id], title ? 3 : 2)); });
    sec.appendChild(list);
    frag.appendChild(sec);
  });
  box.textContent = "";
  box.appendChild(frag);
}

/** Saved progress for units no longer in the course is kept, but say so (course and progress pages: only
 *  their scripts have it, not a unit page's). */
function noticeOrphans() {
  if (!$("ms-course-list") && !$("ms-progress-table")) return;
  var gone = Object.keys(store.data.units).filter(function (id) {
    var r = store.data.units[id];
    return !own(BY_ID, id) && (r.mastered || r.attempts > 0 || r.best);
  });
  if (!gone.length) return;
  var names = gone.slice(0, 5).map(function (id) { return id.length > 60 ? id.slice(0, 59) + "\u2026" : id; });
  notify("storage_orphans", { units: names.join(", ") + (gone.length > 5 ? ", \u2026" : "") });
}
