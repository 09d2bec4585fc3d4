// Keeps the run form's "Sweep parameters" link carrying the model, stop time and step as typed.
(function () {
  const link = document.getElementById('sweep');
  const form = document.getElementById('run-form');
  if (!link || !form) { return; }
  form.addEventListener('input', function () {
    const query = new URLSearchParams({
      model: form.elements.fmuId.value,
      stopTime: form.elements.stopTime.value,
      step: form.elements.step.value
    });
    link.href = link.pathname + '?' + query.toString();
  });
})();
