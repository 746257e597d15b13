/* Progressive enhancement only: every page works without this file.
   "Copy citation" buttons copy the text of the element named in data-copy;
   when the Clipboard API is unavailable (e.g. plain http), the text is
   selected so the user can press Ctrl+C / Cmd+C. */
(function () {
  "use strict";

  function announce(message) {
    var live = document.getElementById("live");
    if (live) { live.textContent = ""; live.textContent = message; }
  }

  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function flash(button, label) {
    var original = button.dataset.label || button.textContent;
    button.dataset.label = original;
    button.textContent = label;
    announce(label);
    window.clearTimeout(button._timer);
    button._timer = window.setTimeout(function () { button.textContent = original; }, 2000);
  }

  function fallback(button, el) {
    selectText(el);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    flash(button, ok ? "Copied" : "Selected: press Ctrl+C to copy");
  }

  function copy(button) {
    var el = document.getElementById(button.getAttribute("data-copy"));
    if (!el) { return; }
    var text = el.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { flash(button, "Copied"); },
        function () { fallback(button, el); });
    } else {
      fallback(button, el);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = false; }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (button) { copy(button); }
  });

  /* Deleting a report asks first. */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList && form.classList.contains("delete-form")) {
      var label = form.querySelector("button").getAttribute("aria-label") || "Delete this report";
      if (!window.confirm(label + "? It will no longer be searchable.")) { event.preventDefault(); }
    }
  });

  /* Filter forms marked data-autosubmit apply a ticked or unticked box at
     once; without JS the form's "Apply filters" button does the same. */
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit") && event.target.type === "checkbox") {
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }
  });

  /* "/" focuses the search box, as on many search sites. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var t = event.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var box = document.getElementById("q");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });
})();
