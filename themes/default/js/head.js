/* head.js: the one script that runs in <head>, before first paint.
 *
 * Loaded blocking (a plain <script src> in <head>, no async/defer) so that its
 * classes are on <html> before the browser paints anything. Keep it tiny: it
 * delays the first paint of every page. It replaces an inline script, which
 * the Content-Security-Policy of every page forbids.
 *
 * What it does now:
 *   - "no-js" -> "js ms-pending": CSS hides gated content (.gated, the locked
 *     notice, the summary) until masterysite.js has decided what the student
 *     may see, so a locked unit never flashes its lesson;
 *   - on "load", if masterysite.js never started (window.MASTERYSITE_STARTED
 *     unset: missing, blocked or broken), "ms-pending" -> "ms-broken", which
 *     shows the lesson with a notice instead of a blank page.
 * Planned (issue 12): read the saved progress and set a locked/open class on
 * <html>, so the right state is painted first time.
 */
"use strict";
var d = document.documentElement;
d.className = d.className.replace("no-js", "js ms-pending");
window.addEventListener("load", function () {
  if (!window.MASTERYSITE_STARTED) {
    d.className = d.className.replace("ms-pending", "ms-broken");
  }
});
