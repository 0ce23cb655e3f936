/* Workbench keyboard shortcuts (progressive: every page works without this file).
   A letter selects the element marked data-shortcut="<letter>": a link is followed,
   a button is focused (Enter confirms), a <summary> opens its form. In the queue,
   j / k move between rows and n opens the first one. "?" toggles the help. */
(function () {
  "use strict";
  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }
  function rowLinks() { return Array.prototype.slice.call(document.querySelectorAll("a.row-link")); }
  function moveRow(step) {
    var links = rowLinks();
    if (!links.length) { return; }
    var index = links.indexOf(document.activeElement);
    index = index < 0 ? 0 : Math.min(Math.max(index + step, 0), links.length - 1);
    links[index].focus();
  }
  function activate(el) {
    if (el.tagName === "A") { window.location.href = el.href; return; }
    if (el.tagName === "SUMMARY") {
      var details = el.parentElement;
      details.open = true;
      var field = details.querySelector("textarea, input:not([type=hidden]), select");
      (field || el).focus();
      return;
    }
    el.focus();
    el.classList.add("shortcut-target");
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var key = event.key;
    if (key === "?") {
      var help = document.querySelector("details.keys");
      if (help) { help.open = !help.open; event.preventDefault(); }
      return;
    }
    if (key === "j" || key === "k") {
      if (rowLinks().length) { moveRow(key === "j" ? 1 : -1); event.preventDefault(); }
      return;
    }
    var el = document.querySelector('[data-shortcut="' + key + '"]');
    if (!el && key === "n" && rowLinks().length) { el = rowLinks()[0]; }
    if (el) { event.preventDefault(); activate(el); }
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.classList) { event.target.classList.remove("shortcut-target"); }
  });
})();
