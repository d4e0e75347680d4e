// A form sent back with errors: focus moves to the summary at its top, so that a screen
// reader reads it first and a keyboard user follows its links to each field.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".mentorat-error-summary");
  if (summary) {
    summary.focus();
  }
});
