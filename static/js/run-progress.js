// A matching batch's page while it runs: shows its progress, and reloads when it is done.
(function () {
  var bar = document.getElementById("run-progress");
  var label = document.getElementById("run-progress-label");
  if (!bar || !label) return;
  function poll() {
    fetch(bar.dataset.url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (run) {
        bar.value = run.progress;
        label.textContent = run.progress + " %";
        if (run.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  window.setTimeout(poll, 1000);
})();
