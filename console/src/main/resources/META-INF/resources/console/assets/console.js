// Progressive enhancement only: every form works without it. Moves focus to the first field with an error (or the
// page's alert) so keyboard and screen-reader users land where the problem is.
document.addEventListener('DOMContentLoaded', function () {
  var first = document.querySelector('[aria-invalid="true"]') || document.querySelector('[role="alert"]');
  if (first) {
    if (!first.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(first.tagName)) {
      first.setAttribute('tabindex', '-1');
    }
    first.focus();
  }
});
