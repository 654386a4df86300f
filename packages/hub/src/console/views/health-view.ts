import { html, type Html } from '../html.js';
import { DEAD_COUNT_CAP, type EndpointHealth, type HealthSnapshot, type ProviderHealth } from '../health.js';
import { CONSOLE_PATH } from '../http.js';
import { businessPanel } from './business-view.js';
import { sparkline } from './sparkline.js';
import { when } from './layout.js';

const ms = (value: number | undefined): string => (value === undefined ? '-' : `${Math.round(value)} ms`);
const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)}%`);

function endpointRow(endpoint: EndpointHealth): Html {
  const circuit = endpoint.circuitOpenSince === undefined ? html`<span class="good">closed</span>` : html`<span class="bad">open since ${when(endpoint.circuitOpenSince)}</span>`;
  return html`<tr><td>${endpoint.endpoint}</td><td class="num">${endpoint.attempts}</td><td class="num">${ms(endpoint.p50Ms)}</td><td class="num">${ms(endpoint.p95Ms)}</td><td>${sparkline(endpoint.p95Series, `p95 of ${endpoint.endpoint}, last hour`)}</td><td>${circuit}</td></tr>`;
}

function reconciliationText(provider: ProviderHealth): Html {
  if (provider.reconciliations.length === 0) return html`<span class="muted">none since the hub started</span>`;
  return html`${provider.reconciliations.map((facts) => {
    const clean = facts.money + facts.counts === 0;
    return html`<div>${facts.name} at ${when(facts.at)}: <span class="${clean ? 'good' : 'bad'}">${clean ? 'no differences' : `${facts.money} amount or field differences, ${facts.counts} missing, extra or duplicated`}</span></div>`;
  })}`;
}

function seen(count: number, first: number | undefined): string {
  return count === 0 ? '0' : `${count} (first seen ${when(first)})`;
}

function providerSection(provider: ProviderHealth, telemetry: boolean): Html {
  const failures = [...provider.failuresByKind].filter(([, count]) => count > 0).map(([kind, count]) => `${kind} ${count}`).join(', ');
  const dead = provider.deadLetters >= DEAD_COUNT_CAP ? `at least ${DEAD_COUNT_CAP}` : String(provider.deadLetters);
  const deadLink = `${CONSOLE_PATH}/failed?${new URLSearchParams({ provider: provider.provider, status: 'dead' }).toString()}`;
  return html`<section><h2>${provider.provider}</h2>
<table><tbody>
<tr><th>Calls (last hour)</th><td class="num">${provider.calls}</td><td>${sparkline(provider.callSeries, `calls to ${provider.provider}, last hour`)}</td></tr>
<tr><th>Error rate</th><td class="num">${percent(provider.failures, provider.calls)}</td><td>${sparkline(provider.failureSeries, `failed calls to ${provider.provider}, last hour`)} ${failures}</td></tr>
<tr><th>429s and rate-limit waits</th><td class="num">${provider.rateLimited}</td><td></td></tr>
<tr><th>Unknown enum values</th><td class="num">${seen(provider.unknownEnums, provider.unknownFirstSeen)}</td><td></td></tr>
<tr><th>Contract drift</th><td class="num">${seen(provider.drift, provider.driftFirstSeen)}</td><td></td></tr>
<tr><th>Dead letters</th><td class="num"><a href="${deadLink}">${dead}</a></td><td></td></tr>
<tr><th>Last reconciliation</th><td colspan="2">${reconciliationText(provider)}</td></tr>
</tbody></table>
${
  provider.endpoints.length === 0
    ? html`<p class="muted">${telemetry ? 'No calls in the last hour.' : ''}</p>`
    : html`<table><thead><tr><th>Endpoint</th><th>Attempts</th><th>p50</th><th>p95</th><th>p95, last hour</th><th>Circuit</th></tr></thead><tbody>${provider.endpoints.map(endpointRow)}</tbody></table>`
}${provider.business ? businessPanel(provider.business) : html``}</section>`;
}

export function healthView(health: HealthSnapshot): Html {
  const queue = health.queue;
  const fill = [...health.queueFill].map(([name, value]) => html`<tr><th>${name}</th><td class="num">${(value * 100).toFixed(0)}% of its maximum</td></tr>`);
  return html`<h1>Health</h1>
<p class="muted">As of ${when(health.at)}; calls, latencies and charts cover the last hour.</p>
${health.telemetry ? html`` : html`<p class="notice">Alerting is disabled in this hub's config, so it keeps no call windows: only the queue and dead letters are shown.</p>`}
<h2>Active alerts</h2>
${
  health.alerts.length === 0
    ? html`<p class="good">None.</p>`
    : html`<table><thead><tr><th>Severity</th><th>Alert</th><th>Owner</th><th>Since</th></tr></thead><tbody>${health.alerts.map(
        (alert) => html`<tr><td class="bad">${alert.severity}</td><td>${alert.summary}</td><td>${alert.owner}</td><td>${when(alert.firedAt)}</td></tr>`,
      )}</tbody></table>`
}
<h2>Queue</h2>
<table><tbody>
<tr><th>Queued</th><td class="num">${queue.queued}</td></tr><tr><th>Processing</th><td class="num">${queue.processing}</td></tr>
<tr><th>Applied</th><td class="num">${queue.applied}</td></tr><tr><th>Discarded</th><td class="num">${queue.discarded}</td></tr>
<tr><th>Dead letters</th><td class="num ${queue.dead > 0 ? 'bad' : ''}">${queue.dead}</td></tr>
${fill}
</tbody></table>
${health.providers.map((provider) => providerSection(provider, health.telemetry))}`;
}
