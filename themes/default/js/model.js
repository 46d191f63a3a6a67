/* ------------------------------------------------------------------ *
 * Course model: mastered / available / locked                        *
 * ------------------------------------------------------------------ */
function isMastered(id) { return peek(id).mastered; }

function isUnlocked(u) { return (u.requires || []).every(isMastered); }

function statusOf(u) { return isMastered(u.id) ? "mastered" : isUnlocked(u) ? "available" : "locked"; }

function availableIds() {
  var set = dict();
  UNITS.forEach(function (u) { if (statusOf(u) === "available") set[u.id] = true; });
  return set;
}

function statusBadge(u) {
  var st = statusOf(u);
  if (st === "mastered" && peek(u.id).imported) {
    return el("span", { "class": "badge badge--mastered badge--imported" }, [icon(st), tr("status_imported")]);
  }
  return el("span", { "class": "badge badge--" + st }, [icon(st), tr("status_" + st)]);
}

function countMastered() { return UNITS.filter(function (u) { return isMastered(u.id); }).length; }
