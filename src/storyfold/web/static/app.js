// storyfold: small progressive enhancements. No inline handlers; every page works without this file.
"use strict";

function filterCommitments() {
  const form = document.getElementById("commitment-filters");
  const table = document.getElementById("commitment-table");
  if (!form || !table) return;
  const wanted = {};
  form.querySelectorAll("select[data-filter]").forEach((s) => { wanted[s.dataset.filter] = s.value; });
  let shown = 0;
  table.querySelectorAll("tbody tr").forEach((row) => {
    const ok = Object.keys(wanted).every((k) => !wanted[k] || row.dataset[k] === wanted[k]);
    row.hidden = !ok;
    if (ok) shown += 1;
  });
  const count = document.getElementById("commitment-count");
  if (count) count.textContent = shown + " shown";
  const params = new URLSearchParams(window.location.search);
  Object.keys(wanted).forEach((k) => { if (wanted[k]) params.set(k, wanted[k]); else params.delete(k); });
  const query = params.toString();
  window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + "#commitments");
}

function setUpFilters() {
  const form = document.getElementById("commitment-filters");
  if (!form) return;
  form.classList.add("js");
  form.querySelectorAll("select[data-filter]").forEach((s) => s.addEventListener("change", filterCommitments));
  form.addEventListener("submit", (e) => { e.preventDefault(); filterCommitments(); });
}

function pollJob() {
  const el = document.getElementById("job");
  if (!el) return;
  const id = el.dataset.job;
  if (!/^[0-9a-f]+$/.test(id)) return;
  const bar = document.getElementById("job-progress");
  const state = document.getElementById("job-state");
  const phase = document.getElementById("job-phase");
  const message = document.getElementById("job-message");
  const rejected = document.getElementById("job-rejected");
  const warnings = document.getElementById("job-warnings");
  const tick = () => {
    fetch("/jobs/" + id + ".json", { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((job) => {
        state.textContent = job.state;
        phase.textContent = job.phase ? "(" + job.phase + (job.total ? " " + job.done + "/" + job.total : "") + ")" : "";
        if (job.total) { bar.max = job.total; bar.value = job.done; }
        message.textContent = job.message;
        rejected.replaceChildren(...job.rejected.map((r) => { const li = document.createElement("li"); li.textContent = r; return li; }));
        if (warnings) warnings.replaceChildren(...job.warnings.map((w) => { const li = document.createElement("li"); li.textContent = "warning: " + w; return li; }));
        if (job.state === "done" || job.state === "failed") {
          bar.max = 1; bar.value = 1;
          // the server renders the links to the folded articles: show them once the fold ends
          if (el.dataset.state !== job.state && job.articles && job.articles.length) window.location.reload();
        } else { setTimeout(tick, 700); }
      })
      .catch(() => setTimeout(tick, 2000));
  };
  tick();
}

document.addEventListener("DOMContentLoaded", () => {
  setUpFilters();
  pollJob();
});
