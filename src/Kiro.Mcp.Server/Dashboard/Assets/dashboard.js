// Live updates: when the workspace changes on disk, fetch this page again and swap its main part, keeping the
// focus and the scroll position. Everything else works without this script.
(function () {
  const workspace = document.body.dataset.workspace;
  if (!workspace || !window.EventSource) return;
  const status = document.getElementById("live-status");
  let pending = false;
  async function refresh() {
    if (pending) return;
    pending = true;
    try {
      const response = await fetch(location.pathname + location.search, { headers: { "Accept": "text/html" } });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("main");
      const main = document.getElementById("main");
      // A form being filled in is not replaced under the user's hands.
      const typing = main && main.contains(document.activeElement) && document.activeElement.matches("textarea, input, select");
      if (next && main && !typing) {
        main.replaceWith(next);
        status.textContent = "Updated " + new Date().toLocaleTimeString();
      } else {
        status.textContent = "The files changed: reload to see it.";
      }
    } finally {
      pending = false;
    }
  }
  const events = new EventSource("/w/" + encodeURIComponent(workspace) + "/events");
  events.addEventListener("change", refresh);
  events.onopen = () => { document.body.dataset.live = "on"; };
})();
