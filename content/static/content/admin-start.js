/*
 * Starts what Wagtail 8 starts with inline <script> elements: date, time and
 * date-time choosers and inline panels. The admin runs under a
 * Content-Security-Policy that refuses inline scripts, so content's copies of
 * those templates (content/templates/wagtailadmin/) leave a hidden marker
 * instead, and this file starts each marker once: those in the page, and
 * those Wagtail inserts later (a new inline form, a filter bar swapped in).
 */
(() => {
  "use strict";

  const starters = {
    initDateChooser: (marker, options) => window.initDateChooser(marker.dataset.cptsTarget, options),
    initTimeChooser: (marker, options) => window.initTimeChooser(marker.dataset.cptsTarget, options),
    initDateTimeChooser: (marker, options) => window.initDateTimeChooser(marker.dataset.cptsTarget, options),
    InlinePanel: (marker, options) => new window.InlinePanel(options),
    MultipleChooserPanel: (marker, options) => new window.MultipleChooserPanel(options),
  };
  const SELECTOR = "[data-cpts-start]:not([data-cpts-started])";

  function start(marker) {
    const starter = starters[marker.dataset.cptsStart];
    marker.dataset.cptsStarted = "";
    if (starter) starter(marker, JSON.parse(marker.dataset.cptsOptions));
  }

  function startWithin(node) {
    if (!(node instanceof Element)) return;
    if (node.matches(SELECTOR)) start(node);
    node.querySelectorAll(SELECTOR).forEach(start);
  }

  function run() {
    startWithin(document.body);
    new MutationObserver((changes) => {
      changes.forEach((change) => change.addedNodes.forEach(startWithin));
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
