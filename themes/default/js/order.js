/* ------------------------------------------------------------------ *
 * Ordering questions (move up / move down, drag) and hints           *
 * ------------------------------------------------------------------ */
function itemText(item) {
  var text = item.querySelector(".ordering__text") || item;
  return spoken(text).replace(/\s+/g, " ").trim();
}

/** An item's words as they are read: a power keeps its "^" ("4.5×10^2", not "4.5×102"), in HTML
 *  (<sup>) and in MathML (<msup>: base, then exponent). */
function spoken(node) {
  if (node.nodeType === 3) return node.data;
  var name = (node.localName || "").toLowerCase(), kids = Array.prototype.map.call(node.childNodes, spoken);
  if (name === "sup") return "^" + kids.join("");
  if (name === "msup" && node.children.length === 2) return spoken(node.children[0]) + "^" + spoken(node.children[1]);
  if (name === "annotation" || name === "annotation-xml") return "";
  return kids.join("");
}

function orderItems(list) {
  return Array.prototype.filter.call(list.children, function (c) { return c.hasAttribute("data-choice"); });
}

/** Say where an item is now (a polite live region inside the question). */
function sayPosition(list, item) {
  var items = orderItems(list), status = list.parentNode.querySelector("[data-order-status]");
  if (!status) return;
  status.textContent = tr("moved", { item: itemText(item), n: items.indexOf(item) + 1, total: items.length });
}

/** The Move up / Move down buttons: the item moves, focus stays on the same button. */
function onMove(button) {
  var item = button.closest("[data-choice]"), list = item && item.parentNode;
  if (!list || list.closest("fieldset").disabled) return;
  var up = button.getAttribute("data-move") === "up", items = orderItems(list), at = items.indexOf(item);
  if (up && at > 0) list.insertBefore(item, items[at - 1]);
  else if (!up && at < items.length - 1) list.insertBefore(item, items[at + 1].nextSibling);
  button.focus();
  sayPosition(list, item);
  onAnswerChange();
}

/** Drag by the grip (mouse, pen or touch): the item follows the pointer among its siblings.
 *  The neighbours move, not the dragged item (moving it would end its pointer capture). */
function startDrag(event) {
  var grip = event.target.closest && event.target.closest("[data-grip]");
  if (!grip || event.button > 0) return;
  var item = grip.closest("[data-choice]"), list = item.parentNode;
  if (list.closest("fieldset").disabled) return;
  event.preventDefault();
  item.classList.add("is-dragging");
  if (grip.setPointerCapture) grip.setPointerCapture(event.pointerId);
  function move(e) {
    var items = orderItems(list), at = items.indexOf(item), before = items[at - 1], after = items[at + 1];
    if (before && e.clientY < middle(before)) list.insertBefore(before, item.nextSibling);
    else if (after && e.clientY > middle(after)) list.insertBefore(after, item);
  }
  function end() {
    item.classList.remove("is-dragging");
    doc.removeEventListener("pointermove", onMoveEvent);
    doc.removeEventListener("pointerup", onEnd);
    doc.removeEventListener("pointercancel", onEnd);
    sayPosition(list, item);
    onAnswerChange();
  }
  var onMoveEvent = guard(move), onEnd = guard(end);
  doc.addEventListener("pointermove", onMoveEvent);
  doc.addEventListener("pointerup", onEnd);
  doc.addEventListener("pointercancel", onEnd);
}

function middle(node) {
  var box = node.getBoundingClientRect();
  return box.top + box.height / 2;
}

/** "Show a hint": reveals the next hint of the question and moves focus to it. */
function onShowHint(button) {
  var box = button.closest("[data-hints]"), hints = box.querySelectorAll("[data-hint]");
  var next = Array.prototype.filter.call(hints, function (h) { return h.hidden; })[0];
  if (!next) return;
  next.hidden = false;
  next.focus();
  var left = Array.prototype.filter.call(hints, function (h) { return h.hidden; }).length;
  button.hidden = !left;
  button.textContent = tr("show_another_hint");
}

function resetHints(node) {
  Array.prototype.forEach.call(node.querySelectorAll("[data-hint]"), function (h) { h.hidden = true; });
  var button = node.querySelector("[data-show-hint]");
  if (button) { button.hidden = false; button.textContent = tr("show_hint"); }
  var status = node.querySelector("[data-order-status]");
  if (status) status.textContent = "";
}

function onQuizClick(event) {
  var target = event.target.closest && event.target.closest("[data-move], [data-show-hint]");
  if (!target) return;
  if (target.hasAttribute("data-move")) onMove(target);
  else onShowHint(target);
}
