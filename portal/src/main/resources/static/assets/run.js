// Plots a run's outputs and offers them as CSV, from the series the page embeds as JSON data
// (not as a script: the portal's CSP allows none inline).
(function () {
  const data = document.getElementById('series');
  const series = data ? JSON.parse(data.textContent) : {};
  const time = series.time || [];
  const names = Object.keys(series).filter(function (k) { return k !== 'time'; });
  const colors = ['#2457d6', '#d64524', '#1f9d55', '#a855f7', '#e59e0b', '#0891b2'];
  const canvas = document.getElementById('chart');
  if (canvas && window.Chart) {
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: time,
        datasets: names.map(function (name, i) {
          return { label: name, data: series[name], borderColor: colors[i % colors.length],
                   pointRadius: 0, borderWidth: 1.5, tension: 0 };
        })
      },
      options: { animation: false, responsive: true, interaction: { mode: 'index', intersect: false },
                 scales: { x: { type: 'linear', title: { display: true, text: 'time (s)' } } } }
    });
    canvas.dataset.plotted = 'true';
  }
  const button = document.getElementById('csv');
  if (button) {
    button.addEventListener('click', function () {
      const rows = [['time'].concat(names).join(',')];
      for (let i = 0; i < time.length; i++) {
        rows.push([time[i]].concat(names.map(function (n) { return series[n][i]; })).join(','));
      }
      const blob = new Blob([rows.join('\r\n') + '\r\n'], { type: 'text/csv' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'simulation.csv';
      link.click();
    });
  }
})();
