// Draws each operator report's chart from its server-rendered table: the first column labels the
// points, every header cell with data-series is a series, and cells carry their figure in data-value.
(function () {
  if (!window.Chart) {
    return;
  }
  const colors = ['#2457d6', '#1f9d55', '#d64524', '#a855f7', '#e59e0b', '#0891b2', '#64748b',
                  '#db2777', '#65a30d', '#0f766e'];

  function tableData(table) {
    const heads = Array.from(table.tHead.rows[0].cells);
    const rows = Array.from(table.tBodies[0].rows);
    const labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    const series = heads
      .map(function (th, index) { return { th: th, index: index }; })
      .filter(function (c) { return c.th.dataset.series; })
      .map(function (c) {
        return {
          label: c.th.textContent.trim(),
          secondAxis: c.th.dataset.axis === 'y2',
          data: rows.map(function (row) { return parseFloat(row.cells[c.index].dataset.value) || 0; })
        };
      });
    return { labels: labels, series: series };
  }

  function config(type, horizontal, data) {
    if (type === 'doughnut') {
      return {
        type: 'doughnut',
        data: { labels: data.labels, datasets: [{ data: data.series[0].data,
          backgroundColor: data.labels.map(function (l, i) { return colors[i % colors.length]; }) }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
                   plugins: { legend: { position: 'right' } } }
      };
    }
    const twoAxes = data.series.some(function (s) { return s.secondAxis; });
    // Counts have no fractions; money is plotted in major units on the same integer ticks.
    const ticks = { precision: 0 };
    const scales = { y: { beginAtZero: true, ticks: ticks } };
    if (twoAxes) {
      scales.y2 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false },
                    ticks: ticks };
    }
    return {
      type: type,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          const color = colors[i % colors.length];
          return { label: s.label, data: s.data, borderColor: color, backgroundColor: color,
                   type: s.secondAxis ? 'line' : type, yAxisID: s.secondAxis ? 'y2' : 'y',
                   pointRadius: 2, borderWidth: 2, tension: 0 };
        })
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
                 indexAxis: horizontal ? 'y' : 'x',
                 interaction: { mode: 'index', intersect: false },
                 scales: horizontal ? { x: { beginAtZero: true, ticks: ticks } } : scales }
    };
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    const table = document.getElementById(canvas.dataset.table);
    if (!table) {
      return;
    }
    const data = tableData(table);
    if (data.series.length === 0) {
      return;
    }
    new Chart(canvas, config(canvas.dataset.chart, canvas.dataset.horizontal === 'true', data));
    canvas.dataset.plotted = 'true';
  });
})();
