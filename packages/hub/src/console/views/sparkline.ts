import { html, type Html } from '../html.js';

const WIDTH = 96;
const HEIGHT = 20;

/** A series as a small inline SVG line (drawn on the server: the page runs no script); empty for no series. */
export function sparkline(values: readonly number[], label: string): Html {
  if (values.length < 2) return html``;
  const top = Math.max(...values, 1);
  const step = WIDTH / (values.length - 1);
  const points = values.map((value, index) => `${(index * step).toFixed(1)},${(HEIGHT - 1 - (value / top) * (HEIGHT - 2)).toFixed(1)}`).join(' ');
  return html`<svg class="spark" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}"><title>${label}</title><polyline points="${points}"/></svg>`;
}
