/* French where the browser or a library writes English, in both admins (CSP: a file, no inline script).

   1. A file input draws its own button and status in the browser's language (« Choose File »,
      « No file chosen »): each one is hidden visually (still focusable, still labelled by its
      field) and followed by a French button and status. Inputs a library already styles
      (Wagtail's multiple upload, .replace-file-input) are left alone.
   2. Wagtail's dashboard and header search forms hard-code an English submit value (« Search »). */
(function () {
  "use strict";
  var CHOOSE = "Choisir un fichier", CHOOSE_MANY = "Choisir des fichiers", NONE = "Aucun fichier choisi";
  var count = 0;

  function names(input) {
    var files = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
    return files.length ? files.join(", ") : NONE;
  }

  function frenchFileInput(input) {
    if (input.dataset.frenchFile || input.closest(".replace-file-input")) return;
    input.dataset.frenchFile = "1";
    if (!input.id) input.id = "french-file-" + (++count);
    var label = document.createElement("label");
    label.className = "french-file";
    label.htmlFor = input.id;
    label.setAttribute("aria-hidden", "true"); // the input keeps its own label for assistive tech
    var button = document.createElement("span");
    button.className = "french-file-button";
    button.textContent = input.multiple ? CHOOSE_MANY : CHOOSE;
    var status = document.createElement("span");
    status.className = "french-file-status";
    status.textContent = names(input);
    label.append(button, status);
    input.classList.add("french-file-input");
    input.after(label);
    input.addEventListener("change", function () { status.textContent = names(input); });
  }

  function frenchSearchButton(input) {
    if (input.value === "Search") input.value = "Rechercher";
  }

  function apply(root) {
    root.querySelectorAll("input[type=file]").forEach(frenchFileInput);
    root.querySelectorAll("input[type=submit][value=Search]").forEach(frenchSearchButton);
  }

  function start() {
    apply(document);
    // Inline panels and StreamField blocks add file inputs later.
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) { if (node.querySelectorAll) apply(node); });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
