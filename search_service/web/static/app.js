/* Progressive enhancement only: every page works without this file.
   - "Copy citation" buttons copy the text of the element named in data-copy
     (the citation with its URL); when the Clipboard API is unavailable (e.g.
     plain http), the text is selected so the user can press Ctrl+C / Cmd+C.
   - On narrow screens a "Filters" button opens the filters at the top of the
     results (without script it is a link down to them).
   - Filter options that are links act as checkboxes: Space ticks them too,
     and after the page reloads the focus is back on the option (or button)
     the user was on, and the new result count is announced.
   - The search box offers completions from /api/suggest as you type (an
     ARIA 1.2 combobox: arrows move, Enter or a click chooses, Escape closes). */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function announce(message) {
    var live = document.getElementById("live");
    if (live) { live.textContent = ""; window.setTimeout(function () { live.textContent = message; }, 50); }
  }

  /* ---------------------------------------------------------------- copy */

  function selectText(el) {
    var details = el.closest && el.closest("details");
    if (details) { details.open = true; }
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
    var text = el.textContent.replace(/\s+/g, " ").trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { flash(button, "Copied"); },
        function () { fallback(button, el); });
    } else {
      fallback(button, el);
    }
  }

  /* ---------------------------------------------------------------- keep focus across a reload */

  var FOCUS_KEY = "search-service:focus";

  function remember(key) {
    try { window.sessionStorage.setItem(FOCUS_KEY, JSON.stringify({ path: location.pathname, key: key })); }
    catch (e) { /* private mode: nothing kept */ }
  }

  function restoreFocus() {
    var saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(FOCUS_KEY) || "null");
      window.sessionStorage.removeItem(FOCUS_KEY);
    } catch (e) { saved = null; }
    if (!saved || saved.path !== location.pathname) { return; }
    var all = document.querySelectorAll("[data-focus-key]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-focus-key") === saved.key) {
        var panel = all[i].closest(".facets");
        if (panel) { openFilters(true); }
        all[i].focus();
        var summary = document.querySelector("#results-summary, .compare-table caption, #reports-summary");
        if (summary) { announce(summary.textContent.replace(/\s+/g, " ").trim()); }
        return;
      }
    }
  }

  /* ---------------------------------------------------------------- filters on narrow screens */

  var toggle = null;

  function openFilters(open) {
    var panel = document.getElementById("filters");
    if (!toggle || !panel) { return; }
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("open", open);
  }

  function setUpFiltersToggle() {
    var link = document.querySelector("a.filters-toggle");
    if (!link) { return; }
    toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "filters-toggle";
    toggle.textContent = link.textContent;
    toggle.setAttribute("aria-controls", "filters");
    toggle.setAttribute("aria-expanded", "false");
    link.parentNode.replaceChild(toggle, link);
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      openFilters(open);
      if (open) { document.getElementById("filters").focus(); }
    });
  }

  /* ---------------------------------------------------------------- type-ahead */

  function setUpSuggest(input) {
    var url = input.getAttribute("data-suggest");
    var list = document.createElement("ul");
    var id = input.id + "-suggestions";
    var items = [], active = -1, timer = null, request = 0;
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(i) {
      if (active >= 0 && items[active]) { items[active].setAttribute("aria-selected", "false"); }
      active = i;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(i) {
      var item = items[i];
      if (!item) { return; }
      input.value = item.getAttribute("data-text");
      close();
      if (input.form) {
        if (input.form.requestSubmit) { input.form.requestSubmit(); } else { input.form.submit(); }
      }
    }

    function show(suggestions) {
      list.textContent = "";
      items = [];
      active = -1;
      suggestions.forEach(function (s, i) {
        var li = document.createElement("li");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-text", s.text);
        li.textContent = s.label;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function () { choose(i); });
        list.appendChild(li);
        items.push(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      input.removeAttribute("aria-activedescendant");
    }

    function fetchSuggestions() {
      var q = input.value;
      if (!q.trim()) { close(); return; }
      var mine = ++request;
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) { if (mine === request && document.activeElement === input) { show(body.suggestions || []); } })
        .catch(function () { /* offline or rate-limited: no suggestions */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) { return; }
      if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { e.preventDefault(); close(); }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  /* ---------------------------------------------------------------- wiring */

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = false; }
    setUpFiltersToggle();
    var boxes = document.querySelectorAll("input[data-suggest]");
    for (var j = 0; j < boxes.length; j++) { setUpSuggest(boxes[j]); }
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
    restoreFocus();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (button) { copy(button); return; }
    var option = event.target.closest && event.target.closest("a[data-focus-key]");
    if (option) { remember(option.getAttribute("data-focus-key")); }
  });

  /* A link that is a checkbox ticks with Space, as a checkbox does. */
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (event.key === " " && t && t.tagName === "A" && t.getAttribute("role") === "checkbox") {
      event.preventDefault();
      t.click();
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    /* Deleting a report asks first. */
    if (form.classList && form.classList.contains("delete-form")) {
      var label = form.querySelector("button").getAttribute("aria-label") || "Delete this report";
      if (!window.confirm(label + "? It will no longer be searchable.")) { event.preventDefault(); return; }
    }
    /* Forms that reload the same page bring the focus back to where it was. */
    var key = form.getAttribute && form.getAttribute("data-keep-focus");
    if (key) { remember(key); }
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
