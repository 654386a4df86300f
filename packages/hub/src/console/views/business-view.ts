import { isKnownCurrency, money, moneyToMajorString } from '@interlock/core';
import type { BusinessCount, BusinessPanel } from '../../metrics/business-metrics.js';
import type { HistogramSummary } from '../../metrics/registry.js';
import { html, type Html } from '../html.js';

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)}%`);

function duration(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(2))} s`;
  if (seconds < 3_600) return `${Number((seconds / 60).toFixed(1))} min`;
  if (seconds < 86_400) return `${Number((seconds / 3_600).toFixed(1))} h`;
  return `${Number((seconds / 86_400).toFixed(1))} d`;
}

/** A quantile as the bucket it falls in: the histogram keeps no finer truth. */
function quantile(summary: HistogramSummary, q: number): string {
  if (summary.count === 0) return '-';
  const bucket = summary.buckets.find((candidate) => candidate.count >= q * summary.count);
  const last = summary.buckets[summary.buckets.length - 1];
  if (bucket) return `≤ ${duration(bucket.le)}`;
  return last ? `> ${duration(last.le)}` : '-';
}

function labelsText(labels: BusinessCount['labels']): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}

/** Money in its currency's major units ("12.50 EUR"), from the integer minor units the metric counts. */
function valueText(count: BusinessCount): string {
  const currency = count.labels['currency'];
  if (count.unit !== 'minor_units') return String(count.value);
  return currency !== undefined && isKnownCurrency(currency) ? `${moneyToMajorString(money(count.value, currency))} ${currency}` : `${count.value} minor units`;
}

/** A provider's business panel on the health page: its domain's declared shares, counts and durations. */
export function businessPanel(panel: BusinessPanel): Html {
  const shares = panel.shares.map(
    (share) => html`<tr><th>${share.of === undefined ? share.title : `${share.title}, ${share.of}`}</th><td class="num">${percent(share.part, share.whole)}</td><td>${share.part} of ${share.whole}</td></tr>`,
  );
  const counts = panel.counts.map((count) => html`<tr><td>${count.metric}</td><td>${labelsText(count.labels)}</td><td class="num">${valueText(count)}</td></tr>`);
  const durations = panel.durations.map(
    ({ metric, summary }) =>
      html`<tr><td>${metric}</td><td class="num">${summary.count}</td><td class="num">${summary.count === 0 ? '-' : duration(summary.sum / summary.count)}</td><td class="num">${quantile(summary, 0.5)}</td><td class="num">${quantile(summary, 0.95)}</td></tr>`,
  );
  return html`<h3>Business (${panel.domain}, since this hub started)</h3>
<table><tbody>${shares}</tbody></table>
${counts.length === 0 ? html`<p class="muted">Nothing counted yet.</p>` : html`<table><thead><tr><th>Count</th><th>Labels</th><th>Value</th></tr></thead><tbody>${counts}</tbody></table>`}
<table><thead><tr><th>Duration</th><th>Observed</th><th>Mean</th><th>p50</th><th>p95</th></tr></thead><tbody>${durations}</tbody></table>`;
}
