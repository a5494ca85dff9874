// Suggestions while a coordinator types in the territory's commune search
// (content/admin/territory_index.html). Without this script, the same search works as a
// plain form. The combobox is GOV.UK's accessible-autocomplete (vendored, MIT); choosing a
// suggestion searches for its INSEE code, so the page shows that commune on the territory's
// map before anyone adds it.
(function () {
  "use strict";
  const input = document.querySelector("input[data-commune-chooser]");
  if (!input || !window.accessibleAutocomplete) {
    return;
  }
  const form = input.form;
  const url = input.dataset.communeChooser;
  const container = document.createElement("div");
  input.replaceWith(container);
  let pending = null;

  function describe(commune) {
    const postal = commune.postal_codes.slice(0, 3).join(", ");
    return `${commune.name} (${commune.department_name}, ${commune.code}${postal ? ", " + postal : ""})`;
  }

  function escape(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  window.accessibleAutocomplete({
    element: container,
    id: input.id,
    name: input.name,
    defaultValue: input.value,
    minLength: 2,
    showNoOptionsFound: true,
    confirmOnBlur: false,
    source(query, populate) {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(`${url}?q=${encodeURIComponent(query)}`, { signal: pending.signal, credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : { communes: [] }))
        .then((data) => populate(data.communes))
        .catch(() => {});
    },
    templates: {
      inputValue: (commune) => (commune ? commune.name : ""),
      suggestion: (commune) => (typeof commune === "string" ? escape(commune) : escape(describe(commune))),
    },
    onConfirm(commune) {
      if (commune) {
        form.querySelector(`#${input.id}`).value = commune.code;
        form.submit();
      }
    },
    tNoResults: () => "Aucune commune ne correspond",
    tStatusQueryTooShort: (n) => `Tapez au moins ${n} caractères`,
    tStatusNoResults: () => "Aucune commune",
    tStatusSelectedOption: (option, length, index) => `${option} ${index + 1} sur ${length} est sélectionnée.`,
    tStatusResults: (length, option) => `${length} commune${length > 1 ? "s" : ""} ${option}`,
    tAssistiveHint: () => "Flèches haut et bas pour parcourir les communes, Entrée pour choisir.",
  });
})();
