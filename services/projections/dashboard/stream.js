// The stream panel: the service's own counters read every refresh; throughput is the change in
// messages handled between two reads, over the page's own clock.
import { draw } from './charts.js';

const HISTORY = 40;
const samples = [];

function throughputOf(health) {
  const now = performance.now();
  const previous = samples[samples.length - 1];
  const sample = { at: now, messages: health.consumer.messages, lag: health.lag?.total ?? null, rate: null };
  if (previous && now > previous.at && sample.messages >= previous.messages) sample.rate = ((sample.messages - previous.messages) * 1000) / (now - previous.at);
  samples.push(sample);
  if (samples.length > HISTORY) samples.shift();
  return sample;
}

export function renderStream(health, t) {
  const tiles = document.getElementById('stream-tiles');
  if (!health) {
    tiles.innerHTML = `<div><dt>${t('stream')}</dt><dd data-tile="unknown">${t('unknown')}</dd></div>`;
    return;
  }
  const sample = throughputOf(health);
  const shown = (value, digits = 0) => (value === null || value === undefined ? '–' : value.toFixed(digits));
  const tile = (key, value) => `<div><dt>${t(key)}</dt><dd data-tile="${key}">${value}</dd></div>`;
  tiles.innerHTML = [
    tile('throughput', shown(sample.rate, 1)),
    tile('lag', shown(health.lag?.total)),
    tile('deadLetters', shown(health.deadLetters?.total)),
    tile('queued', shown(health.indicatorTotalsQueued)),
    tile('consumerReady', health.consumer.ready ? t('ready') : t('joining')),
  ].join('');
  draw(document.getElementById('chart-stream'), {
    type: 'line',
    labels: samples.map((_, i) => i - samples.length + 1),
    datasets: [
      { label: t('throughput'), data: samples.map((s) => s.rate) },
      { label: t('lag'), data: samples.map((s) => s.lag) },
    ],
  });
}
