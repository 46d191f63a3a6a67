/* ------------------------------------------------------------------ *
 * Progress page                                                      *
 * ------------------------------------------------------------------ */
// The texts only this page uses come with the page, not with course-data.js, which every page loads
// (render.script_strings): into the course's strings before main.js reads them.
(function () {
  var node = doc.getElementById("ms-page-strings"), data = window.MASTERYSITE_COURSE, more;
  try { more = node && JSON.parse(node.textContent); } catch (e) { more = null; }
  if (isObj(more) && isObj(data) && isObj(data.strings)) Object.keys(more).forEach(function (k) { data.strings[k] = more[k]; });
})();

function objectiveStatus(u, o) {
  if (!o || !o.best) return tr("objective_not_attempted");
  return passes(o.best, u.mastery || [4, 5]) ? tr("objective_met") : tr("objective_not_met");
}

function row(cls, cells) { return el("tr", { "class": cls }, cells); }

function renderProgressTable() {
  var box = $("ms-progress-table");
  if (!box) return;
  var cols = [tr("col_status"), tr("col_best"), tr("col_attempts")];
  /** A data cell; data-label names its column where narrow screens stack the cells. */
  function cell(i, content) {
    return el("td", { "data-label": cols[i] }, typeof content === "string" ? [content] : [content]);
  }
  var table = el("table", { "class": "progress-table" }, [el("thead", null, [row("", [
    el("th", { scope: "col", text: tr("col_unit") }), el("th", { scope: "col", text: tr("col_status") }),
    el("th", { scope: "col", text: tr("col_best") }), el("th", { scope: "col", text: tr("col_attempts") })])])]);
  COURSE.sections.forEach(function (section, i) {
    var body = el("tbody"), title = groupTitle(section, i);
    if (title) body.appendChild(row("section-row" + (section.title ? "" : " section-row--other"), [el("th", { colspan: "4", scope: "rowgroup", text: title })]));
    section.units.forEach(function (id) {
      var u = BY_ID[id];
      if (!u) return;
      var rec = peek(id);
      body.appendChild(row("unit-row is-" + statusOf(u), [el("th", { scope: "row" }, [el("a", { href: href(u), text: u.title })]),
        cell(0, statusBadge(u)), cell(1, scoreText(rec.best)), cell(2, String(rec.attempts))]));
      if (bonusOpen(u)) body.appendChild(bonusRow(u));
      (u.objectives || []).forEach(function (o) {
        var orec = own(rec.objectives, o.id) ? rec.objectives[o.id] : null;
        body.appendChild(row("objective-row", [
          el("th", { scope: "row" }, [el("span", { "class": "visually-hidden", text: tr("objective_label") + " " }), o.text]),
          cell(0, objectiveStatus(u, orec)), cell(1, scoreText(orec && orec.best)),
          cell(2, String(orec ? orec.attempts : 0))]));
      });
    });
    table.appendChild(body);
  });
  box.textContent = "";
  box.appendChild(table);
}

function progressMessage(text, isError) {
  var box = $("ms-progress-message");
  box.className = "message" + (isError ? " message--error" : " message--ok");
  box.textContent = text;
}

/** The student's name, asked once on the progress page (kept with the progress) and carried by
 *  the export so the teacher's report can tell the files apart. */
function startNameField() {
  var box = $("ms-student-name");
  if (!box) return;
  box.value = store.data.student || "";
  box.addEventListener("change", guard(function () {
    store.data.student = box.value.trim().slice(0, 100);
    saveProgress();
  }));
}

function exportProgress() {
  var nameBox = $("ms-student-name");
  if (nameBox && !nameBox.value.trim()) {
    nameBox.focus();
    return progressMessage(tr("name_needed"), true);
  }
  if (nameBox) { store.data.student = nameBox.value.trim().slice(0, 100); saveProgress(); }
  var units = dict();
  Object.keys(store.data.units).forEach(function (id) {
    var r = store.data.units[id], copy = {};
    Object.keys(r).forEach(function (k) { if (k !== "draw") copy[k] = r[k]; });
    units[id] = copy;
  });
  var payload = { format: "masterysite-progress", schema: SCHEMA, course: COURSE.id, title: COURSE.title,
    student: store.data.student || "", exported: new Date().toISOString(), generator: COURSE.generator, units: units };
  // The student's name in the file name: a class's thirty hand-ins must not all be called the same.
  var who = (store.data.student || "").normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-");
  who = who.replace(/^-+|-+$/g, "").slice(0, 40);
  var name = "masterysite-" + COURSE.id + (who ? "-" + who : "") + "-progress.json";
  var url = URL.createObjectURL(new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" }));
  var a = el("a", { href: url, download: name });
  doc.body.appendChild(a);
  a.click();
  doc.body.removeChild(a);
  setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
  progressMessage(tr("export_done", { file: name }), false);
}

function importText(text) {
  var parsed;
  try { parsed = JSON.parse(text); } catch (e) { return progressMessage(tr("import_bad_json"), true); }
  if (!isObj(parsed) || !isObj(parsed.units) || typeof parsed.course !== "string") return progressMessage(tr("import_bad_shape"), true);
  // the other course by its title, as its students know it, not its id (new teacher hh 10)
  var title = typeof parsed.title === "string" && parsed.title.trim() ? parsed.title.trim() : parsed.course;
  if (parsed.course !== COURSE.id) return progressMessage(tr("import_bad_course", { course: title.slice(0, 80) }), true);
  var clean = cleanProgress(parsed), n = 0, mastered = 0, before = JSON.stringify(store.data);
  // a classmate's file (its name not the one typed here): said, so that no one merges one unawares (new ff 7)
  var other = store.data.student && clean.student && sameName(store.data.student, clean.student) ? "" : store.data.student && clean.student;
  // No name typed here: the file's is taken on a new device, not where this browser has work of its own (a
  // classmate's file had named Ben 'Zoë', and his export vanished into hers in the report: round hh, LMS 6)
  var mine = Object.keys(store.data.units).some(function (id) { return store.data.units[id].attempts > 0; });
  if (!store.data.student && mine && clean.student) other = clean.student;
  if (!store.data.student && clean.student && !mine) {
    store.data.student = clean.student;
    if ($("ms-student-name")) $("ms-student-name").value = clean.student;
  }
  Object.keys(clean.units).forEach(function (id) {
    if (!own(BY_ID, id)) return; // a unit since removed or renamed: ignore it
    var from = clean.units[id];
    from.draw = null;
    mergeUnit(record(id), from, BY_ID[id], true);
    if (!from.mastered && !from.attempts) return; // an untouched unit is not "progress"
    n += 1;
    if (from.mastered) mastered += 1;
  });
  if (!n) return progressMessage(tr("import_none"), true);
  if (store.persistent && !trySave()) {
    // Too big for the room this browser gives the site: keep what was saved, and say so.
    store.data = cleanProgress(JSON.parse(before)) || emptyProgress();
    if ($("ms-student-name")) $("ms-student-name").value = store.data.student || "";
    return progressMessage(tr("import_not_saved"), true);
  }
  saveProgress();
  refreshShared();
  progressMessage(trn("import_done", n, { n: n, mastered: mastered }) + (other ? " " + tr("import_other_student", { name: other }) : ""), false);
}

function sameName(a, b) {
  function plain(s) { return s.normalize("NFC").toLowerCase().split(/\s+/).join(" ").trim(); }
  return plain(a) === plain(b);
}

/** Today's date on the printout of the progress page. */
function fillPrintDate() {
  var box = $("ms-print-date");
  if (!box) return;
  try { box.textContent = new Date().toLocaleDateString(COURSE.language || undefined, { year: "numeric", month: "long", day: "numeric" }); }
  catch (e) { box.textContent = new Date().toISOString().slice(0, 10); }
}

/** Inside an LMS: no import and no reset. The LMS keeps this learner's progress and grade on every
 *  computer; an import of a classmate's file passed him in one click, with her answers as his, and a
 *  reset took his grade back (round hh: LMS 2, 3). */
function inLms() {
  var bridge = lmsBridge();
  try { return !!(bridge && bridge.connected()); } catch (e) { return false; }
}

function startProgressPage() {
  fillPrintDate();
  startNameField();
  if (inLms()) { // (and says so: the plain site's words sent a student home with a file to import: jj new 2)
    $("ms-import").parentNode.hidden = $("ms-reset").hidden = $("ms-manage-intro").hidden = true;
    $("ms-manage-intro-lms").hidden = false;
  }
  $("ms-export").addEventListener("click", guard(exportProgress));
  $("ms-import").addEventListener("change", guard(function (event) {
    var input = event.target, file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = guard(function () { importText(String(reader.result)); input.value = ""; });
    reader.onerror = guard(function () { progressMessage(tr("import_bad_json"), true); });
    reader.readAsText(file);
  }));
  $("ms-reset").addEventListener("click", guard(function () {
    if (!window.confirm(tr("reset_confirm"))) return;
    resetProgress();
    refreshShared();
    progressMessage(tr("reset_done"), false);
  }));
}

/* Used by this page only (kept out of masterysite.js, which every unit page loads). */
function scoreText(score) { return score ? percent(score) + " (" + score[0] + "/" + score[1] + ")" : tr("none"); }

/** Reset: forget everything, here and in storage (also a copy that could not be read or set
 *  aside), and save again from now on when the browser lets us. */
function resetProgress() {
  store.data = emptyProgress();
  var ls = storage(), removed = false;
  try { ls.removeItem(KEY); removed = true; } catch (e) { removed = false; }
  if (!store.persistent && removed) {
    try {
      ls.setItem(KEY, JSON.stringify(store.data));
      store.persistent = true;
      store.blocked = false;
      ["storage_corrupt_kept", "storage_unavailable"].forEach(unnotify);
    } catch (e) { /* still no room: stay in this tab */ }
  }
  if (!store.persistent) saveToTab();
  tellLms();
}

/** Save the whole progress now; false (and nothing changed) when the browser refuses it. */
function trySave() {
  if (!store.persistent) return false;
  try { storage().setItem(KEY, JSON.stringify(store.data)); return true; } catch (e) { return false; }
}

/** The progress table's line under a unit whose bonus work is open. */
function bonusRow(u) {
  return el("tr", { "class": "bonus-row" }, [el("td", { colspan: "4" }, [bonusLink(u)])]);
}

function unnotify(key) {
  var box = $("ms-notices"), n = box && box.querySelector("[data-key='" + key + "']");
  if (n) n.parentNode.removeChild(n);
}
