// The copy button next to a new API key (a file of its own: the portal's CSP allows no inline script).
(function () {
  document.querySelectorAll('[data-copies]').forEach(function (button) {
    button.addEventListener('click', function () {
      const source = document.getElementById(button.dataset.copies);
      navigator.clipboard.writeText(source.textContent);
      button.textContent = button.dataset.copied || 'Copied';
    });
  });
})();
