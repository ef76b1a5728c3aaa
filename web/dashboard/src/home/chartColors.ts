/** Canvas charts cannot read CSS variables; these match the palette in ui.css. */
export const chartColors = {
  accent: '#0f766e',
  band: 'rgba(15, 118, 110, 0.16)',
  bar: '#3b6ea8',
  axis: '#5b6473',
  grid: '#e4e7ec',
};
