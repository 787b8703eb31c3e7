// Chart.js (the UMD bundle, window.Chart) drawing in place: one chart per canvas, its data replaced on each refresh.

const PALETTE = ['#0b5cad', '#d9822b', '#2e8b57', '#a23b72', '#6b5ca5', '#c0392b', '#16a085', '#7f8c8d'];
const charts = new Map();

export const colour = (i) => PALETTE[i % PALETTE.length];

/**
 * Draws (or redraws) a chart on the canvas. `onPick(datasetIndex, index)` is called when a bar or
 * point is clicked, for the drill-down.
 */
export function draw(canvas, { type, labels, datasets, stacked = false, yMax, onPick }) {
  const data = { labels, datasets: datasets.map((d, i) => ({ backgroundColor: colour(i), borderColor: colour(i), ...d })) };
  const existing = charts.get(canvas);
  if (existing) {
    existing.data = data;
    existing.$pick = onPick;
    existing.update('none');
    return existing;
  }
  const chart = new window.Chart(canvas, {
    type,
    data,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked }, y: { stacked, beginAtZero: true, max: yMax } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      onClick: (_event, elements) => {
        const [hit] = elements;
        if (hit && chart.$pick) chart.$pick(hit.datasetIndex, hit.index);
      },
    },
  });
  chart.$pick = onPick;
  charts.set(canvas, chart);
  return chart;
}
