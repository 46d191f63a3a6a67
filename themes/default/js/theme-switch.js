/* The light/dark switch. Loaded in <head> (the head.js bundle), so the student's choice is on
 * <html data-theme> before the first paint: no flash of the wrong colours. With no choice saved
 * the page follows the system (prefers-color-scheme, in the CSS). The choice is kept in
 * localStorage under one key for the whole site; where storage is refused it lasts the page.
 * The button (#ms-theme, in base.html) is wired up by delegation, as the body is not parsed yet. */
var THEME_KEY = "masterysite:theme";
var root = document.documentElement;

function savedTheme() {
  try { var t = window.localStorage.getItem(THEME_KEY); return t === "dark" || t === "light" ? t : null; } catch (e) { return null; }
}

function systemDark() { return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches); }

function isDark() {
  var t = root.getAttribute("data-theme");
  return t ? t === "dark" : systemDark();
}

/** Show the switch's state: pressed = dark. */
function showTheme() {
  var button = document.getElementById("ms-theme");
  if (button) button.setAttribute("aria-pressed", isDark() ? "true" : "false");
}

/** The student flips the theme. Choosing what the system shows anyway forgets the choice, so the
 *  page follows the system again from then on. */
function flipTheme() {
  var want = isDark() ? "light" : "dark", system = (want === "dark") === systemDark();
  try {
    if (system) window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, want);
  } catch (e) { /* storage refused: the choice lasts this page */ }
  if (system) root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", want);
  showTheme();
}

var chosen = savedTheme();
if (chosen) root.setAttribute("data-theme", chosen);
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target && target.closest && target.closest("#ms-theme")) flipTheme();
});
document.addEventListener("DOMContentLoaded", showTheme);
if (window.matchMedia) {
  var query = window.matchMedia("(prefers-color-scheme: dark)");
  if (query.addEventListener) query.addEventListener("change", showTheme);
}
// Another tab switched: follow it.
window.addEventListener("storage", function (event) {
  if (event.key !== THEME_KEY) return;
  var t = savedTheme();
  if (t) root.setAttribute("data-theme", t); else root.removeAttribute("data-theme");
  showTheme();
});
