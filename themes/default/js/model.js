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
  return el("span", { "class": "badge badge--" + st }, [icon(st), tr("status_" + st)]);
}

function countMastered() { return UNITS.filter(function (u) { return isMastered(u.id); }).length; }
