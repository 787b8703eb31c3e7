// The dashboard: filters, the periodic refresh and the panels; figures.js shapes the numbers, charts.js draws them.
import { dossiers, indicators, streamHealth, token } from './api.js';
import { draw } from './charts.js';
import { COUNT_IDS, figureOf, GROUPS_766, lastDayOf, monthsBetween, percent, RATE_IDS, scopeFigure, unitRows, unitsOf, groupPoints } from './figures.js';
import { labelsFor } from './labels.js';
import { renderStream } from './stream.js';

const $ = (id) => document.getElementById(id);
const esc = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const LANG_KEY = 'motcua.dashboard.lang';
const REFRESH_SECONDS = Math.max(1, Number(new URLSearchParams(location.search).get('refresh') ?? 15) || 15);

const state = { lang: localStorage.getItem(LANG_KEY) ?? 'vi', rows: [], months: [], filters: null, drill: null, asked: 0 };
const t = (key) => labelsFor(state.lang)[key] ?? key;

function defaultMonths() {
  const now = new Date();
  const month = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  $('to').value ||= month(now);
  $('from').value ||= month(new Date(now.getFullYear(), now.getMonth() - 5, 1));
}

function readFilters() {
  return { unit: $('unit').value.trim(), from: $('from').value, to: $('to').value, channel: $('channel').value };
}

function applyLabels() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const element of document.querySelectorAll('[data-label]')) element.textContent = t(element.dataset.label);
}

function status(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

async function refresh() {
  if (!token.get()) return status(t('tokenNeeded'), true);
  const filters = (state.filters = readFilters());
  if (!filters.from || !filters.to || filters.from > filters.to) return;
  // The stream panel is drawn on its own: a slow answer there never holds the figures back.
  void streamHealth().then((health) => renderStream(health, t), () => renderStream(null, t));
  try {
    const asked = (state.asked += 1);
    const report = await indicators({ from: `${filters.from}-01`, to: lastDayOf(filters.to), unit: filters.unit, channel: filters.channel, ids: [...RATE_IDS, ...COUNT_IDS] });
    // A slower answer to earlier filters must not overwrite a later one.
    if (asked !== state.asked) return;
    state.rows = unitRows(report, filters.channel);
    state.months = monthsBetween(filters.from, filters.to);
    render();
    status(`${t('updated')} ${new Date().toLocaleTimeString(state.lang)}`);
  } catch (error) {
    status(`${t('error')}: ${error.code ?? ''} ${error.message}`, true);
  }
}

function render() {
  const { rows, months } = state;
  const units = unitsOf(rows);
  const last = months[months.length - 1];
  const container = $('rate-charts');
  for (const id of RATE_IDS) {
    let card = container.querySelector(`[data-chart="${id}"]`);
    if (!card) {
      card = Object.assign(document.createElement('div'), { innerHTML: `<h3></h3><div class="chart"><canvas></canvas></div>` });
      card.dataset.chart = id;
      container.append(card);
    }
    card.querySelector('h3').textContent = `${t(id)} (%)`;
    draw(card.querySelector('canvas'), {
      type: 'bar',
      labels: months,
      yMax: 100,
      datasets: units.map((unit) => ({ label: unit, data: months.map((m) => percent(figureOf(rows, m, unit, id)?.rate)) })),
      onPick: (d, i) => openDrill(id, units[d], months[i], 'numerator'),
    });
  }
  draw($('chart-points'), {
    type: 'bar',
    labels: months,
    stacked: true,
    datasets: GROUPS_766.map((g) => ({ label: `${t(g.key)} (/${g.total})`, data: months.map((m) => Math.round(groupPoints(rows, m, g) * 100) / 100) })),
  });
  draw($('chart-backlog'), {
    type: 'bar',
    labels: units,
    datasets: COUNT_IDS.map((id) => ({ label: t(id), data: units.map((u) => figureOf(rows, last, u, id)?.numerator ?? 0) })),
    onPick: (d, i) => openDrill(COUNT_IDS[d], units[i], last, 'numerator'),
  });
  renderTable(units, last);
}

function renderTable(units, last) {
  const ids = [...RATE_IDS, ...COUNT_IDS];
  const cell = (unit, id) => {
    const figure = figureOf(state.rows, last, unit, id);
    if (!figure) return '<td>–</td>';
    const text = COUNT_IDS.includes(id) ? `${figure.numerator}` : `${figure.numerator} / ${figure.denominator}`;
    return `<td><button type="button" data-id="${id}" data-unit="${esc(unit)}" data-period="${last}" title="${percent(figure.rate) ?? ''}%">${text}</button></td>`;
  };
  const total = (id) => {
    const f = scopeFigure(state.rows, last, id);
    return `<td data-total="${id}">${COUNT_IDS.includes(id) ? f.numerator : `${f.numerator} / ${f.denominator}`}</td>`;
  };
  $('figure-table').innerHTML =
    `<thead><tr><th>${t('unitCol')} · ${last}</th>${ids.map((id) => `<th>${t(id)}</th>`).join('')}</tr></thead>` +
    `<tbody>${units.map((u) => `<tr data-unit="${esc(u)}"><td>${esc(u)}</td>${ids.map((id) => cell(u, id)).join('')}</tr>`).join('')}` +
    `<tr class="total"><td>Σ</td>${ids.map(total).join('')}</tr></tbody>`;
  if (units.length === 0) $('figure-table').insertAdjacentHTML('beforeend', `<caption>${t('noData')}</caption>`);
}

async function openDrill(id, unit, month, side, after) {
  if (!unit || unit === '—') return;
  state.drill = { id, unit, month, side };
  const { channel } = state.filters;
  $('drilldown').hidden = false;
  $('drill-title').textContent = `${t('dossiers')}: ${t(id)} · ${unit} · ${month}${channel ? ` · ${t(channel)}` : ''} (${t(side)})`;
  if (!after) $('drill-codes').replaceChildren();
  try {
    const page = await dossiers({ id, side, from: `${month}-01`, to: lastDayOf(month), successorUnit: unit, channel, after });
    $('drill-codes').append(...page.codes.map((code) => Object.assign(document.createElement('li'), { textContent: code })));
    if (page.codes.length === 0 && !after) $('drill-codes').append(Object.assign(document.createElement('li'), { textContent: t('none') }));
    $('drill-more').hidden = page.next === null;
    $('drill-more').onclick = () => openDrill(id, unit, month, side, page.next);
  } catch (error) {
    status(`${t('error')}: ${error.code ?? ''} ${error.message}`, true);
  }
}

function wire() {
  $('token').value = token.get();
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token.set($('token').value);
    void refresh();
  });
  $('forget-token').addEventListener('click', () => {
    token.clear();
    $('token').value = '';
    status(t('tokenNeeded'), true);
  });
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void refresh();
  });
  $('channel').addEventListener('change', () => void refresh());
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem(LANG_KEY, state.lang);
    applyLabels();
    void refresh();
  });
  $('figure-table').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-id]');
    if (button) void openDrill(button.dataset.id, button.dataset.unit, button.dataset.period, 'numerator');
  });
  for (const side of ['numerator', 'denominator']) {
    $(`drill-${side}`).addEventListener('click', () => state.drill && void openDrill(state.drill.id, state.drill.unit, state.drill.month, side));
  }
  $('drill-close').addEventListener('click', () => ($('drilldown').hidden = true));
}

defaultMonths();
applyLabels();
wire();
void refresh();
setInterval(() => void refresh(), REFRESH_SECONDS * 1000);
