/* The plain site: no LMS. The SCORM package's scripts have js/lms.js here instead (masterysite/scripts.py,
 * IN_LMS_ONLY), so that no page of the site carries what only a package's pages use. */
function lmsBridge() { return null; }
function storageKey(key) { return key; }
function joinLms() {}
function tellLms() {}
